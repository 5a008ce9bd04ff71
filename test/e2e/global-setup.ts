import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AddressInfo } from 'node:net'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `vite preview` serves the built app for this run, e.g. http://127.0.0.1:41234. */
    baseURL: string
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Serves the built app (dist/) with `vite preview` on a free port of 127.0.0.1 for the
 * whole e2e run. `npm test` builds first; a bare `npm run test:e2e` on a fresh clone
 * builds here so the tests never run against nothing. An existing dist/ is used as is:
 * rebuild (`npm run build`) after changing the app.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // VIGIL_E2E_DIST serves another build (an absolute path), so a second checkout of the work can run beside dist/.
  const outDir = process.env.VIGIL_E2E_DIST ?? `${root}dist`
  if (!existsSync(`${outDir}/index.html`)) {
    console.log(`[e2e] ${outDir} is missing: building the app first`)
    await build({ root, logLevel: 'warn', build: { outDir } })
  }
  // Port 0 lets the OS pick a free port atomically; the real one is read back below.
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const address = server.httpServer.address() as AddressInfo | null
  if (address === null) throw new Error('vite preview did not start listening')
  const baseURL = `http://127.0.0.1:${address.port}`
  console.log(`[e2e] serving dist/ at ${baseURL}`)
  project.provide('baseURL', baseURL)
  return async () => {
    await server.close()
  }
}

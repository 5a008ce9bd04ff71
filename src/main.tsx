// First: zod must be jitless before any schema is built.
import '@/api/zod-jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { configureApi } from '@/api/client'
import { loadRuntimeConfig } from '@/api/config'
import { ConfigErrorPage } from '@/app/config-error-page'
import { AppProviders } from '@/app/providers'
import { createQueryClient } from '@/app/query-client'
import { createAppRouter } from '@/app/router'
import { applyStoredTheme } from '@/lib/use-apply-theme'
import type { Runtime } from '@/lib/runtime-context'
import './index.css'

// performance.mark('vigil:…'): the load's steps, read by test/e2e/experience-bench.spec.ts.
async function start(): Promise<void> {
  performance.mark('vigil:start')
  applyStoredTheme()
  const root = document.getElementById('root')
  if (root === null) throw new Error('index.html has no #root element')
  // Created first: the router starts downloading the first page's code at once, in
  // parallel with config.json and the mock chunk, instead of after them. It renders
  // (and so asks for data) only once the backend is ready.
  const router = createAppRouter()
  const loaded = await loadRuntimeConfig()
  performance.mark('vigil:config')
  if (!loaded.ok) {
    createRoot(root).render(
      <StrictMode>
        <ConfigErrorPage problem={loaded.problem} />
      </StrictMode>,
    )
    return
  }
  const { config, notice } = loaded
  configureApi({ baseUrl: config.apiBaseUrl })
  const problems: string[] = notice === null ? [] : [notice]

  if (config.backend === 'mock') {
    // Dynamic import: with a real backend the mock chunk (MSW, the simulator) never loads.
    try {
      const { startMockWorker } = await import('./mocks/browser')
      performance.mark('vigil:mock-chunk')
      await startMockWorker()
    } catch (e) {
      problems.push(
        `The built-in mock backend could not start (${e instanceof Error ? e.message : String(e)}), so panels will show errors. Reload to try again; a private window may block the service worker it needs.`,
      )
    }
  }

  performance.mark('vigil:render')
  const runtime: Runtime = { backend: config.backend, problems }
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={createQueryClient()} runtime={runtime}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  )
}

void start()

/**
 * Writes openapi.json (OpenAPI 3.1) at the project root from the endpoint table:
 * `npm run openapi`. Commit the result; test/contract/openapi.test.ts fails while it is stale.
 *
 * The document is built by src/api/openapi.ts, which imports the contract through the
 * `@/` alias; the jiti that runs this script does not know that alias, so the document is
 * loaded through a second jiti that does.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createJiti } from 'jiti'

const root = fileURLToPath(new URL('..', import.meta.url))
const jiti = createJiti(import.meta.url, { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } })
const { renderOpenApi } = await jiti.import<typeof import('../src/api/openapi')>('../src/api/openapi.ts')

const out = `${root}openapi.json`
const text = renderOpenApi()
writeFileSync(out, text)
console.log(`Wrote ${out} (${Math.round(text.length / 1024)} KB).`)

/**
 * `npm run exporter` (= `jiti scripts/exporter/run.ts`): starts server/exporter/main.ts.
 * The exporter imports the contract and the simulator through the `@/` alias, which the
 * jiti running this script does not know, so it is loaded through a second jiti that does.
 */
import { fileURLToPath } from 'node:url'
import { createJiti } from 'jiti'

const jiti = createJiti(import.meta.url, { alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) } })
const { main } = await jiti.import<typeof import('../../server/exporter/main')>('../../server/exporter/main.ts')
await main()

/**
 * `npm run prometheus-backfill` (= `jiti scripts/exporter/backfill.ts`): runs
 * server/exporter/backfill-main.ts through a jiti that knows the `@/` alias.
 */
import { fileURLToPath } from 'node:url'
import { createJiti } from 'jiti'

const jiti = createJiti(import.meta.url, { alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) } })
const { main } = await jiti.import<typeof import('../../server/exporter/backfill-main')>('../../server/exporter/backfill-main.ts')
await main(process.argv.slice(2))

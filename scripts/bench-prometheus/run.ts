/**
 * `npm run bench:prometheus` (= `jiti scripts/bench-prometheus/run.ts`): the 7-day Metrics
 * view read from a real Prometheus (issue 11), printed as Markdown for BENCHMARKS.md; raw
 * figures in test-results/bench-prometheus/results.json. About four to five minutes on two shared cores.
 * Needs Debian's prometheus and promtool, /usr/bin/chromium and a built dist/ (the app);
 * the server is bundled from the current source each run (about a second).
 *
 *   npm run bench:prometheus
 *   npm run bench:prometheus -- --browser-loads 5 --server-runs 10 --prometheus-runs 10 --ten-second-runs 3 --refresh-runs 20
 *   npm run bench:prometheus -- --rate-window 1m     (the server's VIGIL_PROMETHEUS_RATE_WINDOW; 10s by default)
 *   npm run bench:prometheus -- --server dist-server/main.js   (a built bundle instead)
 *
 * The bench imports the server and the simulator through the `@/` alias, which the jiti
 * running this script does not know, so it is loaded through a second jiti that does.
 */
import { fileURLToPath } from 'node:url'
import { createJiti } from 'jiti'

const jiti = createJiti(import.meta.url, { alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) } })
const { main } = await jiti.import<typeof import('./bench')>('./bench.ts')
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)

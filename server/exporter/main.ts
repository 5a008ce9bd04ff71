/**
 * `npm run exporter`: serves the simulator's world for Prometheus on HOST:PORT
 * (127.0.0.1:9464), starting from VIGIL_SCENARIO and VIGIL_SEED, and prints the scrape
 * jobs to paste into prometheus.yml. Stops on SIGINT or SIGTERM.
 */
import * as z from 'zod/mini'
import { SCENARIOS } from '@/domain/catalog'
import { startExporter } from './exporter'
import { scrapeConfigsYaml } from './scrape-config'

const env = z.object({
  HOST: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  PORT: z._default(z.coerce.number().check(z.multipleOf(1), z.gte(0), z.lte(65_535)), 9464),
  VIGIL_SCENARIO: z.optional(z.enum(SCENARIOS)),
  VIGIL_SEED: z.optional(z.coerce.number().check(z.multipleOf(1), z.gte(0), z.lte(2 ** 31 - 1))),
})

export async function main(): Promise<void> {
  const parsed = env.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')
    process.stderr.write(`The exporter cannot start; fix these settings:\n${problems}\n(VIGIL_SCENARIO is one of ${SCENARIOS.join(', ')}.)\n`)
    process.exitCode = 2
    return
  }
  const { HOST, PORT, VIGIL_SCENARIO, VIGIL_SEED } = parsed.data
  const exporter = await startExporter({ host: HOST, port: PORT, scenario: VIGIL_SCENARIO, seed: VIGIL_SEED })
  const state = exporter.world.state(Date.now())
  process.stdout.write(
    `Vigil exporter on ${exporter.url}: scenario ${state.scenario}, seed ${state.seed}.\n` +
      `Scrape it every second or so; in prometheus.yml:\n\nscrape_configs:\n${scrapeConfigsYaml(`${exporter.host}:${exporter.port}`)}\n\n`,
  )
  const stop = () => {
    exporter.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

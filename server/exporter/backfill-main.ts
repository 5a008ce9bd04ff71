/**
 * `npm run prometheus-backfill -- [--days 7] [--end <ISO time>] [--out <file>] [--tsdb <dir>]
 * [--interval 10] [--full-days <n> --coarse-interval 30]`: writes the simulator's history (VIGIL_SCENARIO, VIGIL_SEED, as `npm run exporter`
 * starts its world) as OpenMetrics, and with --tsdb turns it into blocks there with
 * promtool. Start Prometheus on that directory, then the exporter: the live scrapes
 * continue the history (counters restart from 0 at the junction, which rate() reads
 * as a restart). --full-days keeps the full interval for the last n days only and
 * samples older history every --coarse-interval seconds, for a smaller file.
 */
import { createWriteStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { freshSimState, simConfig } from '@/backend/sim-state'
import { isScenarioName } from '@/domain/catalog'
import { BACKFILL_INTERVAL_S, finish, writeBackfill } from './backfill'
import { createBlocks } from './promtool'

const DAY_MS = 86_400_000

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      days: { type: 'string', default: '7' },
      end: { type: 'string' },
      out: { type: 'string', default: 'vigil-backfill.om' },
      tsdb: { type: 'string' },
      interval: { type: 'string', default: String(BACKFILL_INTERVAL_S) },
      'full-days': { type: 'string' },
      'coarse-interval': { type: 'string', default: '30' },
    },
  })
  const days = Number(values.days)
  const endMs = values.end === undefined ? Date.now() : Date.parse(values.end)
  const intervalS = Number(values.interval)
  const fullDays = values['full-days'] === undefined ? days : Number(values['full-days'])
  const coarseS = Number(values['coarse-interval'])
  const scenario = process.env.VIGIL_SCENARIO
  const seed = process.env.VIGIL_SEED === undefined ? undefined : Number(process.env.VIGIL_SEED)
  const problems = [
    !(days > 0) && `--days must be a positive number, got ${values.days}`,
    Number.isNaN(endMs) && `--end must be a time, got ${values.end ?? ''}`,
    !(intervalS > 0) && `--interval must be a positive number of seconds, got ${values.interval}`,
    !(fullDays > 0) && `--full-days must be a positive number, got ${values['full-days'] ?? ''}`,
    !(coarseS > 0) && `--coarse-interval must be a positive number of seconds, got ${values['coarse-interval']}`,
    scenario !== undefined && !isScenarioName(scenario) && `VIGIL_SCENARIO is not a scenario: ${scenario}`,
    seed !== undefined && !Number.isSafeInteger(seed) && `VIGIL_SEED must be a whole number`,
  ].filter((p) => typeof p === 'string')
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`)
    process.exitCode = 2
    return
  }
  const sim = freshSimState(endMs, { seed, scenario: scenario !== undefined && isScenarioName(scenario) ? scenario : undefined })
  const started = performance.now()
  const out = createWriteStream(values.out)
  const coarse = fullDays < days ? { untilMs: endMs - fullDays * DAY_MS, intervalS: coarseS } : undefined
  const result = await writeBackfill({ config: simConfig(sim), fromMs: endMs - days * DAY_MS, toMs: endMs, intervalS, coarse }, out)
  await finish(out)
  const writeS = (performance.now() - started) / 1000
  process.stdout.write(
    `Wrote ${values.out}: ${result.samples.toLocaleString('en')} samples, ${(result.bytes / 1e6).toFixed(1)} MB, ` +
      `${new Date(result.fromMs).toISOString()} … ${new Date(result.toMs).toISOString()}, in ${writeS.toFixed(1)} s.\n`,
  )
  if (values.tsdb !== undefined) {
    const { ms } = await createBlocks(values.out, values.tsdb)
    process.stdout.write(`promtool wrote blocks into ${values.tsdb} in ${(ms / 1000).toFixed(1)} s.\n`)
  }
}

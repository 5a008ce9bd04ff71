/**
 * A throwaway Prometheus for tests, from Debian's `prometheus` package: a temporary folder
 * with a generated prometheus.yml (1 s scrape and rule evaluation, the exporter's four
 * jobs, the rules given), optional history turned into TSDB blocks with promtool before
 * start, listening on 127.0.0.1 at a free port. stop() and start() again keep the port
 * and the data, so a test can take Prometheus away and bring it back.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { SimConfig } from '@/backend/simulator/scenarios'
import { finish, writeBackfill, type BackfillOptions, type BackfillResult } from '../../server/exporter/backfill'
import { createBlocks, PROMTOOL } from '../../server/exporter/promtool'
import { scrapeConfigsYaml } from '../../server/exporter/scrape-config'
import { freePort } from './free-port'

export const PROMETHEUS = '/usr/bin/prometheus'

export const PROMETHEUS_MISSING = `Prometheus (${PROMETHEUS}, ${PROMTOOL}) not found: install it with \`apt-get install -y prometheus\``

export function prometheusAvailable(): boolean {
  return existsSync(PROMETHEUS) && existsSync(PROMTOOL)
}

/**
 * True when Prometheus can be used. When it cannot: in CI (CI=true) this throws, because a
 * skipped Prometheus suite must not pass a build; elsewhere it returns false so tests can
 * skip, saying why (PROMETHEUS_MISSING).
 */
export function requirePrometheus(env: NodeJS.ProcessEnv = process.env): boolean {
  if (prometheusAvailable()) return true
  if (env.CI === 'true') throw new Error(PROMETHEUS_MISSING)
  return false
}

const DAY_MS = 86_400_000

/**
 * A week of history ending at `toMs`, cheap enough for CI: the last day every 10 s (a 10 s
 * rate window reads each tick exactly there), the six days before every 30 s (charts and
 * 1 m windows read them; a 10 s window finds them empty). A full week at 10 s is 1.1 GB of
 * text and about 40 s of CPU for writing and promtool; this is 0.47 GB and about 16 s.
 */
export function weekOfHistory(config: SimConfig, toMs: number): BackfillOptions {
  return { config, fromMs: toMs - 7 * DAY_MS, toMs, coarse: { untilMs: toMs - DAY_MS, intervalS: 30 } }
}

export interface PrometheusOptions {
  /** host:port of the exporter (`npm run exporter` or startExporter) to scrape. */
  exporter: string
  /** Rules file text (e.g. vigilRulesYaml({ window: '10s' })) … */
  rules?: string
  /** … or the path of a rules file (e.g. the committed prometheus/vigil-rules.yml). */
  rulesFile?: string
  /** History written with writeBackfill and loaded as blocks before Prometheus starts. */
  backfill?: BackfillOptions
}

export interface TestPrometheus {
  /** http://127.0.0.1:port */
  readonly url: string
  readonly port: number
  readonly dir: string
  /** What the backfill wrote and how long it took, when there was one. */
  readonly backfill: (BackfillResult & { writeMs: number; promtoolMs: number }) | null
  /** Whether the process is running. */
  running(): boolean
  /** Stops it (SIGTERM, then SIGKILL after 10 s); the data stays. */
  stop(): Promise<void>
  /** Starts it again on the same port and data; resolves once it is ready. */
  start(): Promise<void>
  /** Stops it and deletes its folder. */
  close(): Promise<void>
}

const READY_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000
/** Enough of Prometheus' log to say why it did not start. */
const LOG_TAIL_CHARS = 8_000

export async function startPrometheus(options: PrometheusOptions): Promise<TestPrometheus> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-prometheus-'))
  const dataDir = path.join(dir, 'data')
  await mkdir(dataDir)
  let rulesFile = options.rulesFile === undefined ? null : path.resolve(options.rulesFile)
  if (options.rules !== undefined) {
    rulesFile = path.join(dir, 'rules.yml')
    await writeFile(rulesFile, options.rules)
  }
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    '  evaluation_interval: 1s',
    ...(rulesFile !== null ? ['rule_files:', `  - ${JSON.stringify(rulesFile)}`] : []),
    'scrape_configs:',
    scrapeConfigsYaml(options.exporter),
    '',
  ].join('\n')
  await writeFile(path.join(dir, 'prometheus.yml'), config)

  let backfill: TestPrometheus['backfill'] = null
  if (options.backfill !== undefined) {
    const file = path.join(dir, 'backfill.om')
    const started = performance.now()
    const out = createWriteStream(file)
    const written = await writeBackfill(options.backfill, out)
    await finish(out)
    const writeMs = performance.now() - started
    const { ms } = await createBlocks(file, dataDir)
    await rm(file)
    backfill = { ...written, writeMs, promtoolMs: ms }
  }

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const args = [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${dataDir}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--log.level=warn',
  ]
  let child: ChildProcess | null = null
  let log = ''

  async function start(): Promise<void> {
    if (child !== null) return
    log = ''
    const proc = spawn(PROMETHEUS, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    child = proc
    proc.stderr.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-LOG_TAIL_CHARS)
    })
    proc.once('exit', () => {
      if (child === proc) child = null
    })
    const deadline = Date.now() + READY_TIMEOUT_MS
    for (;;) {
      if (child !== proc) throw new Error(`Prometheus exited before it was ready:\n${log}`)
      const ready = await fetch(`${url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      )
      if (ready) return
      if (Date.now() > deadline) {
        await stop()
        throw new Error(`Prometheus was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${log}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  async function stop(): Promise<void> {
    const proc = child
    if (proc === null) return
    const exited = new Promise<void>((resolve) => {
      proc.once('exit', () => {
        resolve()
      })
    })
    proc.kill('SIGTERM')
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited
    clearTimeout(timer)
  }

  try {
    await start()
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url,
    port,
    dir,
    backfill,
    running: () => child !== null,
    stop,
    start,
    async close() {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The 7-day Metrics view on a real Prometheus (issue 11), measured and printed as
 * Markdown; see run.ts for how to run it. Not a test: nothing here is a limit.
 *
 * Set-up: the exporter in this process (the simulator's world as scrape targets), Debian's
 * Prometheus scraping it every second on a backfilled week (weekOfHistory: the last day
 * every 10 s, the six before every 30 s), a counting proxy in front of Prometheus, and the
 * Vigil server bundled from the current source (`vite build --config vite.server.config.ts`
 * into test-results/, as `npm run build` bundles dist-server/) run as its own process with
 * VIGIL_METRICS=prometheus and PROMETHEUS_URL=the proxy. The app is the built dist/.
 *
 * 1. Chromium loads /metrics?range=7d; the /api/metrics requests it sends are recorded and
 *    then sent again from here: once through the counting proxy (fitted steps, samples
 *    and bytes Prometheus transferred), then timed. Prometheus alone is timed on the
 *    queries the server sent, and on the same week at a 10 s step (in chunks).
 * 2. The refresh of the 7-day view (the page's requests again) on Prometheus, then on a
 *    second server process with VIGIL_METRICS=simulator.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { simConfig } from '@/backend/sim-state'
import type { MetricId } from '@/domain/catalog'
import { startExporter, type Exporter } from '../../server/exporter/exporter'
import { startPrometheus, requirePrometheus, PROMETHEUS_MISSING, weekOfHistory, type TestPrometheus } from '../../test/support/prometheus'
import { startServer, type RunningServer } from '../bench-server/server-process'
import { count, ms, percentile, table } from '../bench-server/stats'
import { launchBrowser, measureLoad, type BrowserLoad } from './browser-load'
import { startCountingProxy, type CountingProxy, type RangeRead } from './counting-proxy'
import { distinctRequests, parseMetricsRequest, sendSet, type MetricsRequest, type SetRun } from './page-requests'
import { replayReads, tenSecondPaths, type ReadsRun } from './prometheus-reads'

interface Options {
  browserLoads: number
  serverRuns: number
  promRuns: number
  tenSecondRuns: number
  refreshRuns: number
  rateWindow: string
  seed: number
  /** A server bundle to use instead of building the current source. */
  server: string | null
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const OUT_DIR = path.join(root, 'test-results', 'bench-prometheus')
const DAY_MS = 86_400_000
/** The backfill starts this much more than a week back, so a 7-day window read minutes later is covered. */
const BACKFILL_MARGIN_MS = 30 * 60_000

const run = promisify(execFile)
const log = (line: string) => process.stderr.write(`[bench-prometheus ${new Date().toISOString().slice(11, 19)}] ${line}\n`)
const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')

function parseOptions(argv: readonly string[]): Options {
  const raw = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`)
    return at === -1 ? undefined : argv[at + 1]
  }
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name)
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} needs a whole number from ${min} to ${max}, got ${value}`)
    return n
  }
  const rateWindow = raw('rate-window') ?? '10s'
  if (!/^\d+[smh]$/.test(rateWindow)) throw new Error(`--rate-window must be a duration such as 10s or 1m, got ${rateWindow}`)
  const server = raw('server')
  return {
    browserLoads: number('browser-loads', 5, 1, 50),
    serverRuns: number('server-runs', 10, 1, 200),
    promRuns: number('prometheus-runs', 10, 1, 200),
    tenSecondRuns: number('ten-second-runs', 3, 1, 50),
    refreshRuns: number('refresh-runs', 20, 1, 500),
    rateWindow,
    seed: number('seed', 7, 0, 2 ** 31 - 1),
    server: server === undefined ? null : path.resolve(root, server),
  }
}

/** The current server source bundled like dist-server/main.js, into test-results/ (dist-server/ is shared and may be stale). */
async function buildServer(): Promise<string> {
  const outDir = path.join(OUT_DIR, 'server')
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  await run(process.execPath, [vite, 'build', '--config', 'vite.server.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, maxBuffer: 16 * 1024 * 1024 })
  return path.join(outDir, 'main.js')
}

/** Source files changed after dist/ was built: the browser figures are for the app as built. */
function newerThanDist(): number {
  const built = statSync(path.join(root, 'dist', 'index.html')).mtimeMs
  let newer = 0
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.(ts|tsx|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && statSync(full).mtimeMs > built) newer += 1
    }
  }
  walk(path.join(root, 'src'))
  return newer
}

interface Report {
  measuredAt: string
  cpus: string
  node: string
  options: Options
  dist: { builtAt: string; newerSourceFiles: number }
  backfill: TestPrometheus['backfill']
  loads: { start: string; browser: string; server: string; prometheus: string; refresh: string; end: string }
  browser: BrowserLoad[]
  requests: MetricsRequest[]
  counted: RangeRead[]
  countedSet: SetRun
  serverRuns: SetRun[]
  promRuns: ReadsRun[]
  tenSecondRuns: ReadsRun[]
  refreshPrometheus: SetRun[]
  refreshSimulator: SetRun[]
}

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv)
  if (!requirePrometheus()) throw new Error(PROMETHEUS_MISSING)
  mkdirSync(OUT_DIR, { recursive: true })
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-prom-'))
  const loads = { start: loadavg(), browser: '', server: '', prometheus: '', refresh: '', end: '' }
  let exporter: Exporter | null = null
  let prometheus: TestPrometheus | null = null
  let proxy: CountingProxy | null = null
  let server: RunningServer | null = null
  const began = Date.now()
  try {
    const bundle = options.server ?? (await buildServer())
    log(`server bundle ${path.relative(root, bundle)}; load ${loads.start}`)

    exporter = await startExporter({ seed: options.seed })
    const toMs = exporter.world.startedAtMs
    const week = weekOfHistory(simConfig(exporter.world.simState()), toMs)
    log('backfilling a week and starting Prometheus')
    prometheus = await startPrometheus({ exporter: `127.0.0.1:${exporter.port}`, backfill: { ...week, fromMs: toMs - 7 * DAY_MS - BACKFILL_MARGIN_MS } })
    const backfill = prometheus.backfill
    log(`Prometheus on ${prometheus.url}: backfill ${count(backfill?.samples ?? 0)} samples, written in ${ms(backfill?.writeMs ?? 0)} ms, promtool ${ms(backfill?.promtoolMs ?? 0)} ms`)
    proxy = await startCountingProxy(prometheus.url)

    const dataDir = path.join(scratch, 'data')
    const startVigil = (env: Record<string, string>) => {
      const logFile = path.join(OUT_DIR, `server-${env.VIGIL_METRICS ?? 'simulator'}.log`)
      rmSync(logFile, { force: true })
      return startServer({
        root,
        main: bundle,
        env: { VIGIL_DATA_DIR: dataDir, VIGIL_DIST_DIR: path.join(root, 'dist'), VIGIL_SEED: String(options.seed), ...env },
        logFile,
        cpuProfDir: null,
        readyTimeoutMs: 120_000,
      })
    }
    server = await startVigil({ VIGIL_METRICS: 'prometheus', PROMETHEUS_URL: proxy.url, VIGIL_PROMETHEUS_RATE_WINDOW: options.rateWindow })
    log(`Vigil (prometheus) on ${server.baseUrl}, pid ${server.pid}`)

    // 1. The browser, which also says what the page asks for.
    loads.browser = loadavg()
    const browser = await launchBrowser()
    const browserRuns: BrowserLoad[] = []
    try {
      for (let i = 0; i < options.browserLoads; i++) {
        browserRuns.push(await measureLoad(browser, server.baseUrl, '/metrics?range=7d'))
        log(`browser load ${i + 1}: every figure drawn at ${ms(browserRuns.at(-1)?.paintedMs ?? Number.NaN)} ms`)
      }
    } finally {
      await browser.close()
    }
    const recorded = browserRuns[0]?.metricsRequests ?? []
    if (recorded.length === 0) throw new Error('the page sent no /api/metrics request')
    const requests = distinctRequests(recorded.map(parseMetricsRequest))

    // The server's Prometheus reads for one load of the page, counted.
    loads.server = loadavg()
    proxy.startCounting()
    const countedSet = await sendSet(server.baseUrl, requests)
    const counted = proxy.stopCounting()
    log(`one page: ${requests.length} /api/metrics requests → ${counted.length} query_range, ${count(counted.reduce((s, r) => s + r.points, 0))} points`)

    const serverRuns: SetRun[] = []
    for (let i = 0; i < options.serverRuns; i++) serverRuns.push(await sendSet(server.baseUrl, requests))
    log(`server: p50 ${ms(percentile(serverRuns.map((r) => r.ms), 50))} ms a page`)

    loads.prometheus = loadavg()
    const promRuns: ReadsRun[] = []
    for (let i = 0; i < options.promRuns; i++) promRuns.push(await replayReads(prometheus.url, counted.map((r) => r.path)))
    log(`Prometheus, fitted: p50 ${ms(percentile(promRuns.map((r) => r.ms), 50))} ms`)
    const metrics = [...new Set(requests.flatMap((r) => r.metrics))] as MetricId[]
    const now = Date.now()
    const tenPaths = tenSecondPaths(metrics, now - 7 * DAY_MS, now, options.rateWindow)
    const tenSecondRuns: ReadsRun[] = []
    for (let i = 0; i < options.tenSecondRuns; i++) {
      tenSecondRuns.push(await replayReads(prometheus.url, tenPaths))
      log(`Prometheus, 10 s step, run ${i + 1}: ${ms(tenSecondRuns.at(-1)?.ms ?? Number.NaN)} ms`)
    }

    // 2. Refreshing the 7-day view: Prometheus, then the simulator on the same data folder.
    loads.refresh = loadavg()
    const refreshPrometheus: SetRun[] = []
    for (let i = 0; i < options.refreshRuns; i++) refreshPrometheus.push(await sendSet(server.baseUrl, requests))
    await server.stop()
    server = await startVigil({ VIGIL_METRICS: 'simulator', VIGIL_SCENARIO: 'healthy' })
    log(`Vigil (simulator) on ${server.baseUrl}, pid ${server.pid}`)
    // One unmeasured set first, as the Prometheus server had the browser's loads before its runs.
    await sendSet(server.baseUrl, requests)
    const refreshSimulator: SetRun[] = []
    for (let i = 0; i < options.refreshRuns; i++) refreshSimulator.push(await sendSet(server.baseUrl, requests))
    loads.end = loadavg()

    const report: Report = {
      measuredAt: new Date().toISOString(),
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
      node: process.version,
      options,
      dist: { builtAt: statSync(path.join(root, 'dist', 'index.html')).mtime.toISOString(), newerSourceFiles: newerThanDist() },
      backfill,
      loads,
      browser: browserRuns,
      requests,
      counted,
      countedSet,
      serverRuns,
      promRuns,
      tenSecondRuns,
      refreshPrometheus,
      refreshSimulator,
    }
    writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(report, null, 1))
    process.stdout.write(`${markdown(report, (Date.now() - began) / 1000)}\n`)
    return browserRuns.some((b) => b.problems.length > 0) ? 1 : 0
  } finally {
    await server?.stop()
    await proxy?.close()
    await prometheus?.close()
    await exporter?.close()
    rmSync(scratch, { recursive: true, force: true })
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} kB`
const median = (values: readonly number[]) => percentile(values, 50)
const distinct = (values: readonly number[]) => [...new Set(values.filter(Number.isFinite))].sort((a, b) => a - b).join(', ') || '–'

function markdown(r: Report, seconds: number): string {
  const points = r.counted.reduce((s, c) => s + c.points, 0)
  const promBytes = r.counted.reduce((s, c) => s + c.bytes, 0)
  const promWire = r.counted.reduce((s, c) => s + c.wireBytes, 0)
  const steps = r.counted.map((c) => Number(new URL(c.path, 'http://p').searchParams.get('step')?.replace(/s$/, '')))
  const ten = r.tenSecondRuns[0]
  const fitted = r.promRuns[0]
  const serverMs = r.serverRuns.map((s) => s.ms)
  const allServerRequests = r.serverRuns.flatMap((s) => s.requestMs)
  const painted = r.browser.map((b) => b.paintedMs)
  const problems = [...new Set([...r.countedSet.problems, ...r.serverRuns.flatMap((s) => s.problems)])]
  const failedServer = r.serverRuns.reduce((sum, s) => sum + s.failed, 0)
  const metrics = new Set(r.requests.flatMap((q) => q.metrics)).size

  const part1 = table(
    ['7 days', 'step', 'query_range calls', 'samples from Prometheus', 'bytes from Prometheus (gzip / JSON)', 'Prometheus query time p50 (sum)', `server /api/metrics p50 / p95 (${r.requests.length} requests)`, 'bytes to the browser', 'Chromium: all figures drawn (median)'],
    [
      [
        'fitted (what the page asks)',
        `${distinct(steps)} s`,
        count(r.counted.length),
        count(points),
        `${kb(promWire)} / ${kb(promBytes)}`,
        r.counted.length === 0 ? '–' : `${ms(median(r.promRuns.map((p) => p.ms)))} ms`,
        `${ms(median(serverMs))} / ${ms(percentile(serverMs, 95))} ms`,
        kb(median(r.serverRuns.map((s) => s.bytes))),
        `${ms(median(painted))} ms`,
      ],
      [
        '10 s, straight from Prometheus',
        '10 s',
        count(ten?.queries ?? Number.NaN),
        count(ten?.points ?? Number.NaN),
        `${kb(ten?.wireBytes ?? Number.NaN)} / ${kb(ten?.bytes ?? Number.NaN)}`,
        `${ms(median(r.tenSecondRuns.map((p) => p.ms)))} ms`,
        '–',
        '–',
        '–',
      ],
    ],
    [false, true, true, true, true, true, true, true, true],
  )
  const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(a / b < 10 ? 1 : 0)}` : '–')
  const refresh = (label: string, runs: readonly SetRun[]) => {
    const pages = runs.map((s) => s.ms)
    const each = runs.flatMap((s) => s.requestMs)
    return [
      label,
      count(runs.length),
      ms(median(pages)),
      ms(percentile(pages, 95)),
      ms(median(each)),
      ms(percentile(each, 95)),
      kb(median(runs.map((s) => s.bytes))),
      count(runs.reduce((sum, s) => sum + s.failed, 0)),
    ]
  }
  const part2 = table(
    ['source', 'refreshes', 'page p50 ms', 'page p95 ms', 'one request p50 ms', 'one request p95 ms', 'bytes a refresh', 'failed requests'],
    [refresh('Prometheus', r.refreshPrometheus), refresh('simulator', r.refreshSimulator)],
    [false, true, true, true, true, true, true, true],
  )
  return [
    `Measured ${r.measuredAt} on ${r.cpus}, Node ${r.node}, in ${seconds.toFixed(0)} s. Load average (1/5/15 min) at start ${r.loads.start}; browser ${r.loads.browser}; server ${r.loads.server}; Prometheus ${r.loads.prometheus}; refresh ${r.loads.refresh}; end ${r.loads.end}.`,
    `Prometheus 2.42 (Debian) with a backfilled week (${count(r.backfill?.samples ?? 0)} samples: the last day every 10 s, the six before every 30 s), scraping the exporter (seed ${r.options.seed}, healthy) every second; rate window ${r.options.rateWindow}. ` +
      `The page (1440×900) sends ${r.requests.length} /api/metrics requests for ${metrics} metrics; the server's answers came on ${distinct(r.countedSet.steps)} s steps. App: dist/ built ${r.dist.builtAt} (${r.dist.newerSourceFiles} source files changed since).`,
    '#### 1. A 7-day range from Prometheus to painted charts',
    part1,
    `At 10 s Prometheus sends ${ratio(ten?.points ?? 0, points)} the samples and takes ${ratio(median(r.tenSecondRuns.map((p) => p.ms)), median(r.promRuns.map((p) => p.ms)))} the query time of the fitted step. ` +
      `Server runs: ${r.serverRuns.length} page loads (${failedServer} requests failed), one request p50 ${ms(median(allServerRequests))} ms / p95 ${ms(percentile(allServerRequests, 95))} ms; Prometheus runs: ${r.promRuns.length} fitted, ${r.tenSecondRuns.length} at 10 s ` +
      `(${count(fitted?.queries ?? 0)} and ${count(ten?.queries ?? 0)} queries one after the other; the 10 s week in chunks of 10,000 steps). Chromium: ${r.browser.length} loads, ${r.browser.map((b) => ms(b.paintedMs)).join(', ')} ms.`,
    ...(problems.length > 0 ? [`Panels' problems in the answers: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? ` (+${problems.length - 8})` : ''}.`] : []),
    ...r.browser.flatMap((b, i) => (b.problems.length > 0 ? [`Browser load ${i + 1} reported: ${b.problems.slice(0, 5).join('; ')}`] : [])),
    '#### 2. Refreshing the 7-day view (the page\'s requests again, 6 at a time)',
    part2,
  ].join('\n\n')
}

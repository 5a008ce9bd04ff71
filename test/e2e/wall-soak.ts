/**
 * Soak test of the war-room wall (`npm run soak`; `npm test` ends with it as `test:soak`).
 *
 * It serves the built app (dist/, or `--dist <dir>`; built first if missing) with
 * `vite preview` and opens /wall at 1920×1080 in Debian's Chromium at the wall's
 * fastest refresh (MIN_REFRESH_MS, 2 s). The page runs on Playwright's fake clock, so
 * a cycle costs no real waiting: each cycle moves the page's clock on by one refresh,
 * then waits for the answers (the mock backend answers through its service worker, on
 * real time) and moves the clock a little more so TanStack Query (which hands results
 * over through setTimeout(0), faked too) delivers them to React.
 *
 * With three incidents declared (a P1 among them) it injects faults through
 * POST /api/simulator, one kind at a time in turn — 500, 503 and 429 (both with
 * Retry-After), a malformed body, a hang — each at `--fault-rate` of the calls, warms
 * up for `--warmup-cycles` under them, then runs `--cycles` refresh cycles. It reads,
 * after forced garbage collection (least of three readings), at start, end and every
 * tenth of the run: JS heap, DOM elements, Chromium's live node count, event listeners
 * and the query-cache size (`?debug=1`), and at start and end what a heap snapshot finds
 * retained (JS and Blink objects: MessagePorts and streams are not in the JS heap), and
 * it collects page and console errors. It then fails every call for 20 s (each panel
 * backs off), ends the faults and times the recovery on the page's clock (until no panel
 * says stale), and measures the idle CPU of the wall at its normal 5 s refresh in a
 * fresh browser context on the real clock (a fake clock cannot be uninstalled).
 *
 * The limits (wall-soak-verdict.ts) are asserted: the exit code is 1 when one is broken.
 *
 *   npm run soak                      300 cycles, 100 warm-up, 10 % faults, 30 s idle
 *   npm run soak -- --cycles 1000 --warmup-cycles 100 --fault-rate 0.1 --idle-seconds 60 --dist /tmp/dist
 *
 * Writes test-results/wall-soak.json (every figure) and test-results/soak.json (the
 * checks as Vitest's JSON reporter writes tests, for scripts/test-summary.mjs).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request, type Response } from 'playwright-core'
import { build, preview } from 'vite'
import type { Faults } from '../../src/api/schemas'
import { MIN_REFRESH_MS } from '../../src/features/wall/wall-params'
import { grownMost, retained, type HeapSnapshotJson, type Retained } from './heap-snapshot'
import { crashCheck, SOAK_LIMITS, soakChecks, vitestReport, type Check, type Sample, type SoakFigures } from './wall-soak-verdict'

const root = fileURLToPath(new URL('../..', import.meta.url))
const DETAILS = `${root}test-results/wall-soak.json`
const REPORT = `${root}test-results/soak.json`
const CHROMIUM_PATH = '/usr/bin/chromium'
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
]
const VIEWPORT = { width: 1920, height: 1080 }
const KEY_FIGURES = ['STT latency', 'LLM latency', 'TTS latency', 'STT error rate', 'LLM error rate', 'TTS error rate']
const ROOM = '/wall?debug=1&scenario=openai-outage&seed=1'

/** The faults the mock backend offers (src/api/schemas.ts `faultStatus`), taken in turn. 429 and 503 carry Retry-After. */
const FAULT_KINDS: readonly Faults['status'][] = [500, 503, 429, 'malformed', 'timeout']
/**
 * An answer normally comes within a few tens of milliseconds; a request still open after
 * this long (real time) is an injected hang, which the cycle does not wait for: it ends
 * on its own (the wall's 4 s timeout, or the mock's 30 s hang on the fake clock).
 */
const HANG_GRACE_MS = 1_000
/** Fake time moved on after the answers, so TanStack's setTimeout(0) deliveries run. */
const FLUSH_MS = 20
/** The outage before the recovery is timed: every call fails, for this many refresh cycles. */
const OUTAGE: Faults = { rate: 1, status: 503 }
const OUTAGE_CYCLES = 10
/** The recovery is timed on the page's clock, moved on in steps this long. */
const RECOVERY_STEP_MS = 250
const RECOVERY_PATIENCE_MS = 120_000

interface Options {
  cycles: number
  idleSeconds: number
  faultRate: number
  warmupCycles: number
  /** The built app to serve. */
  dist: string
}

function parseOptions(argv: readonly string[]): Options {
  const raw = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`)
    return at === -1 ? undefined : (argv[at + 1] ?? '')
  }
  const value = (name: string, fallback: number): number => {
    const text = raw(name)
    if (text === undefined) return fallback
    const parsed = Number(text)
    if (text === '' || !Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} needs a non-negative number, got ${text || 'nothing'}`)
    return parsed
  }
  const faultRate = value('fault-rate', 0.1)
  if (faultRate > 1) throw new Error(`--fault-rate is a share of the calls, at most 1; got ${faultRate}`)
  return {
    cycles: Math.max(1, Math.round(value('cycles', 300))),
    idleSeconds: value('idle-seconds', 30),
    faultRate,
    warmupCycles: Math.round(value('warmup-cycles', 100)),
    dist: resolve(root, raw('dist') ?? 'dist'),
  }
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const mb = (bytes: number) => round(bytes / 1_048_576)

function log(message: string): void {
  process.stdout.write(`[soak] ${message}\n`)
}

const isApi = (url: string) => new URL(url).pathname.startsWith('/api/')

/**
 * The wall's API traffic as the browser reports it: what is still open (for the cycle
 * to wait on), /api/health answers (the wall's heartbeat), and which injected faults
 * visibly reached the page.
 */
class ApiTraffic {
  private readonly open = new Map<Request, number>()
  healthAnswers = 0
  /** The fault kind being injected now, null while there are none. */
  phase: Faults['status'] | null = null
  readonly faultsSeen: Record<string, number> = {}

  constructor(page: Page) {
    page.on('request', (request) => {
      if (isApi(request.url())) this.open.set(request, performance.now())
    })
    page.on('requestfinished', (request) => {
      this.open.delete(request)
    })
    page.on('requestfailed', (request) => {
      const startedAt = this.open.get(request)
      if (startedAt === undefined) return
      this.open.delete(request)
      // Chromium also reports the mock's 304s as failed (at once): only a request aborted
      // after a long wait is a hang, ended by the wall's timeout.
      if (this.phase === 'timeout' && performance.now() - startedAt >= HANG_GRACE_MS) this.saw('timeout')
    })
    page.on('response', (response) => {
      this.onResponse(response)
    })
  }

  expect(kinds: readonly Faults['status'][]): void {
    for (const kind of kinds) this.faultsSeen[String(kind)] ??= 0
  }

  private saw(kind: Faults['status']): void {
    this.faultsSeen[String(kind)] = (this.faultsSeen[String(kind)] ?? 0) + 1
  }

  private onResponse(response: Response): void {
    const url = new URL(response.url())
    if (!url.pathname.startsWith('/api/')) return
    const status = response.status()
    if (url.pathname === '/api/health' && response.request().method() === 'GET') this.healthAnswers++
    const phase = this.phase
    if (phase === null || url.pathname === '/api/simulator') return
    if (typeof phase === 'number' && status === phase) this.saw(phase)
    // The mock ends a hang with a 504 once its (fake) 30 s are up.
    else if (phase === 'timeout' && status === 504) this.saw(phase)
    else if (phase === 'malformed' && status === 200) {
      void response.text().then(
        (body) => {
          try {
            JSON.parse(body)
          } catch {
            this.saw('malformed')
          }
        },
        () => undefined,
      )
    }
  }

  /** Resolves once no API request younger than `graceMs` (real time) is open. */
  async quiet(graceMs: number): Promise<void> {
    // Let the events of requests the clock just started arrive.
    await sleep(5)
    for (;;) {
      const now = performance.now()
      if (![...this.open.values()].some((startedAt) => now - startedAt < graceMs)) return
      await sleep(5)
    }
  }
}

/** Moves the page's clock on by `ms`, then lets the requests that started answer and reach React. */
async function step(page: Page, traffic: ApiTraffic, ms: number): Promise<void> {
  await page.clock.runFor(ms)
  await traffic.quiet(HANG_GRACE_MS)
  // Delivery, and anything it triggers (a dependent query), then its answers too.
  await page.clock.runFor(FLUSH_MS)
  await traffic.quiet(HANG_GRACE_MS)
  await page.clock.runFor(FLUSH_MS)
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

/**
 * One reading after forced garbage collection. A reading can land in the middle of
 * rendering an answer, so a sample is the least of three readings 250 ms apart
 * (real time; the paused clock moves nothing meanwhile): what the page retains.
 */
async function sample(page: Page, cdp: CDPSession, cycle: number, startedAt: number): Promise<Sample> {
  const readings: Omit<Sample, 'cycle' | 'elapsedS'>[] = []
  for (let i = 0; i < 3; i++) {
    if (i > 0) await sleep(250)
    // Twice: the first pass can leave objects that only the second frees (weak callbacks).
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = await cdp.send('Runtime.getHeapUsage')
    const m = await metrics(cdp)
    const inPage = await page.evaluate(() => ({
      domElements: document.getElementsByTagName('*').length,
      queryCacheSize: window.__vigilQueryCacheSize ?? -1,
    }))
    readings.push({
      heapUsedMB: round(heap.usedSize / 1_048_576),
      domElements: inPage.domElements,
      liveNodes: m.Nodes ?? -1,
      jsEventListeners: m.JSEventListeners ?? -1,
      queryCacheSize: inPage.queryCacheSize,
    })
  }
  const least = (key: keyof (typeof readings)[number]) => Math.min(...readings.map((r) => r[key]))
  return {
    cycle,
    elapsedS: round((performance.now() - startedAt) / 1000, 1),
    heapUsedMB: least('heapUsedMB'),
    domElements: least('domElements'),
    liveNodes: least('liveNodes'),
    jsEventListeners: least('jsEventListeners'),
    // Not a minimum: any reading off the steady size is news.
    queryCacheSize: Math.max(...readings.map((r) => r.queryCacheSize)),
  }
}

/** What the page retains (V8 and Blink objects) by a heap snapshot, which collects garbage first. */
async function retainedNow(cdp: CDPSession): Promise<Retained> {
  const chunks: string[] = []
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  return retained(JSON.parse(chunks.join('')) as HeapSnapshotJson)
}

async function post(page: Page, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return page.evaluate(
    async ({ path, body, headers }) =>
      (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })).status,
    { path, body, headers },
  )
}

async function setFaults(page: Page, faults: Faults | null): Promise<void> {
  const status = await post(page, '/api/simulator', { faults })
  if (status !== 200) throw new Error(`POST /api/simulator ${JSON.stringify({ faults })} answered ${status}`)
}

/** Panels whose freshness line says stale or no data (the wall's words, in its live regions). */
async function stalePanels(page: Page): Promise<number> {
  // React renders what the last step delivered on real time (MessageChannel): let it.
  await sleep(20)
  return page.evaluate(() => [...document.querySelectorAll('[role="status"]')].filter((e) => /Stale|No data yet/.test(e.textContent)).length)
}

async function waitForWall(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Service health' }).waitFor({ timeout: 30_000 })
  for (const name of KEY_FIGURES) {
    await page.getByRole('figure', { name }).locator('path.line-chart-series').first().waitFor({ state: 'attached', timeout: 30_000 })
  }
}

/** A realistic room: a P1 on the banner, open incidents with ticking clocks. */
async function declareIncidents(page: Page): Promise<void> {
  for (const [severity, title] of [
    ['P1', 'Voice agent down for all users'],
    ['P2', 'Transcription failing'],
    ['P3', 'Slow conversation saves'],
  ] as const) {
    const status = await post(page, '/api/incidents', { title, severity, impact: 'Soak test', services: ['stt'] }, { 'Idempotency-Key': `soak-${title}` })
    if (status !== 201 && status !== 200) throw new Error(`declaring "${title}" answered ${status}`)
  }
  await page.getByRole('alert').waitFor({ timeout: 30_000 })
}

/** Page and console errors of every page watched. Chromium logs each failed response: those are the injected faults. */
function watchErrors(page: Page, problems: { pageErrors: string[]; consoleErrors: string[]; failedResponsesLogged: number }): void {
  page.on('pageerror', (e) => problems.pageErrors.push(`${e.name}: ${e.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (/^Failed to load resource/.test(message.text())) problems.failedResponsesLogged++
    else problems.consoleErrors.push(message.text())
  })
}

/** The fault kind for cycle `at` of `count`: the kinds take equal turns, in order. */
function faultKindAt(at: number, count: number): Faults['status'] {
  const kind = FAULT_KINDS[Math.min(FAULT_KINDS.length - 1, Math.floor((at * FAULT_KINDS.length) / count))]
  if (kind === undefined) throw new Error('no fault kinds')
  return kind
}

async function newContext(browser: Browser, base: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: base, viewport: VIEWPORT, colorScheme: 'dark', reducedMotion: 'reduce' })
}

async function main(options: Options): Promise<Check[]> {
  if (!existsSync(`${options.dist}/index.html`)) {
    log(`${options.dist} has no build: building the app there first`)
    await build({ root, logLevel: 'warn', build: { outDir: options.dist, emptyOutDir: true } })
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: options.dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const address = server.httpServer.address() as AddressInfo | null
  if (address === null) throw new Error('vite preview did not start listening')
  const base = `http://127.0.0.1:${address.port}`
  log(`serving ${options.dist} at ${base}`)

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS })
  const problems = { pageErrors: [] as string[], consoleErrors: [] as string[], failedResponsesLogged: 0 }
  const soakStartedAt = performance.now()
  try {
    // ---------------------------------------------------------------- the soak, on a fake clock
    const context = await newContext(browser, base)
    // Before navigation, so every timer the app sets is fake; time flows until paused.
    await context.clock.install()
    const page = await context.newPage()
    watchErrors(page, problems)
    const traffic = new ApiTraffic(page)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')

    const refreshMs = MIN_REFRESH_MS
    await page.goto(`${ROOM}&refresh=${refreshMs}ms`)
    await waitForWall(page)
    await declareIncidents(page)
    // From here the clock moves only when the soak moves it. A second ahead: on a loaded
    // machine the page's clock runs on while the call travels, and pausing in its past throws.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000)
    await step(page, traffic, refreshMs)
    const fakeNow = () => page.evaluate(() => Date.now())

    const baseline = await sample(page, cdp, 0, performance.now())
    log(`baseline, before faults: ${JSON.stringify(baseline)}`)

    const kinds = options.faultRate > 0 ? FAULT_KINDS : []
    traffic.expect(kinds)
    /** Runs `count` refresh cycles with the fault kinds in turn, calling `onCycle` after each. */
    const runCycles = async (count: number, onCycle?: (done: number) => Promise<void>) => {
      for (let done = 0; done < count; done++) {
        const kind = faultKindAt(done, count)
        if (options.faultRate > 0 && kind !== traffic.phase) {
          await setFaults(page, { rate: options.faultRate, status: kind })
          traffic.phase = kind
        }
        await step(page, traffic, refreshMs)
        if (onCycle !== undefined) await onCycle(done + 1)
      }
    }

    // Warm-up under the same faults as the run, in the same order: the failure paths get
    // compiled and cached before the start sample, and start and end are both in the hang's turn.
    log(`faults: ${kinds.map(String).join(', ') || 'none'} in turn, each at ${options.faultRate * 100} % of calls; ${options.warmupCycles} warm-up cycles`)
    await runCycles(options.warmupCycles)

    const startedAt = performance.now()
    const fakeStartedAt = await fakeNow()
    const healthBefore = traffic.healthAnswers
    const samples: Sample[] = [await sample(page, cdp, 0, startedAt)]
    const retainedAtStart = await retainedNow(cdp)
    log(`start: ${JSON.stringify(samples[0])}, ${mb(retainedAtStart.bytes)} MB retained; running ${options.cycles} cycles`)
    const every = Math.max(1, Math.round(options.cycles / 10))
    await runCycles(options.cycles, async (done) => {
      if (done % every !== 0 || done === options.cycles) return
      const s = await sample(page, cdp, done, startedAt)
      samples.push(s)
      log(`cycle ${s.cycle} (${traffic.phase ?? 'no'} faults): heap ${s.heapUsedMB} MB, ${s.domElements} elements, ${s.liveNodes} live nodes, ${s.jsEventListeners} listeners, cache ${s.queryCacheSize}`)
    })
    const healthAnswers = traffic.healthAnswers - healthBefore
    const fakeSeconds = ((await fakeNow()) - fakeStartedAt) / 1000
    const end = await sample(page, cdp, options.cycles, startedAt)
    samples.push(end)
    const runSeconds = (performance.now() - startedAt) / 1000
    const retainedAtEnd = await retainedNow(cdp)
    const retainedFigures = { startMB: mb(retainedAtStart.bytes), endMB: mb(retainedAtEnd.bytes), grownMost: grownMost(retainedAtStart.counts, retainedAtEnd.counts) }
    log(`end: ${JSON.stringify(end)}, ${retainedFigures.endMB} MB retained`)

    // A total outage long enough for every panel to back off, then the backend returns:
    // how long (on the page's clock) until no panel says stale any more.
    await setFaults(page, OUTAGE)
    traffic.phase = null
    for (let i = 0; i < OUTAGE_CYCLES; i++) await step(page, traffic, refreshMs)
    const stalePanelsInOutage = await stalePanels(page)
    await setFaults(page, null)
    traffic.phase = null
    const outageEndedAt = await fakeNow()
    let recoverySeconds: number | null = null
    while (recoverySeconds === null && (await fakeNow()) - outageEndedAt <= RECOVERY_PATIENCE_MS) {
      await step(page, traffic, RECOVERY_STEP_MS)
      if ((await stalePanels(page)) === 0) recoverySeconds = round(((await fakeNow()) - outageEndedAt) / 1000, 1)
    }
    log(`after ${(OUTAGE_CYCLES * refreshMs) / 1000} s of total outage (${stalePanelsInOutage} panels stale): ${recoverySeconds === null ? 'not recovered' : `recovered in ${recoverySeconds} s`}`)
    await context.close()

    // ---------------------------------------------------------------- idle CPU at the normal refresh, real clock
    const idleContext = await newContext(browser, base)
    const idle = await idleContext.newPage()
    watchErrors(idle, problems)
    const idleCdp = await idleContext.newCDPSession(idle)
    await idleCdp.send('Performance.enable')
    await idle.goto(ROOM)
    await waitForWall(idle)
    await declareIncidents(idle)
    await sleep(5_000)
    const before = await metrics(idleCdp)
    const t0 = performance.now()
    await sleep(options.idleSeconds * 1000)
    const after = await metrics(idleCdp)
    const wallS = (performance.now() - t0) / 1000
    await idleContext.close()
    const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0)
    const idleCpu = {
      seconds: round(wallS, 1),
      taskPercent: round((delta('TaskDuration') / wallS) * 100),
      scriptPercent: round((delta('ScriptDuration') / wallS) * 100),
      layoutPercent: round((delta('LayoutDuration') / wallS) * 100),
      recalcStylePercent: round((delta('RecalcStyleDuration') / wallS) * 100),
    }
    log(`idle CPU over ${idleCpu.seconds} s at the normal refresh: ${idleCpu.taskPercent} % of one core (script ${idleCpu.scriptPercent} %)`)

    // ---------------------------------------------------------------- verdict
    const first = samples[0]
    if (first === undefined) throw new Error('no start sample')
    const figures: SoakFigures = {
      cycles: options.cycles,
      healthAnswers,
      start: first,
      end,
      retained: retainedFigures,
      recovery: { stalePanelsInOutage, seconds: recoverySeconds },
      idleCpuPercent: idleCpu.taskPercent,
      pageErrors: problems.pageErrors,
      consoleErrors: problems.consoleErrors,
      faultsSeen: traffic.faultsSeen,
    }
    const checks = soakChecks(figures)
    const totalSeconds = round((performance.now() - soakStartedAt) / 1000, 1)
    writeResults(DETAILS, {
      options,
      refreshMs,
      limits: SOAK_LIMITS,
      ...figures,
      runSeconds: round(runSeconds, 1),
      fakeSeconds: round(fakeSeconds, 1),
      totalSeconds,
      baseline,
      idleCpu,
      failedResponsesLogged: problems.failedResponsesLogged,
      checks,
      samples,
    })

    process.stdout.write(
      [
        '',
        `Wall soak: ${options.cycles} refresh cycles of ${refreshMs / 1000} s (${round(fakeSeconds / 60, 1)} min on the page's clock) in ${round(runSeconds, 1)} s; ${totalSeconds} s in all`,
        `faults: ${kinds.map(String).join(', ') || 'none'} in turn, each at ${options.faultRate * 100} % of calls; seen ${JSON.stringify(traffic.faultsSeen)}`,
        `                 start      end`,
        `JS heap (MB)     ${String(first.heapUsedMB).padEnd(10)} ${end.heapUsedMB}`,
        `DOM elements     ${String(first.domElements).padEnd(10)} ${end.domElements}`,
        `live nodes       ${String(first.liveNodes).padEnd(10)} ${end.liveNodes}`,
        `event listeners  ${String(first.jsEventListeners).padEnd(10)} ${end.jsEventListeners}`,
        `query cache      ${String(first.queryCacheSize).padEnd(10)} ${end.queryCacheSize}`,
        `retained (MB)    ${String(retainedFigures.startMB).padEnd(10)} ${retainedFigures.endMB}   (heap snapshot: JS and Blink objects, no compiled code)`,
        `page errors      ${problems.pageErrors.length}; other console errors ${problems.consoleErrors.length}; failed responses logged ${problems.failedResponsesLogged}`,
        `idle CPU (5 s refresh, ${idleCpu.seconds} s): ${idleCpu.taskPercent} % of one core (script ${idleCpu.scriptPercent} %; the mock backend runs in the same page)`,
        `details: ${DETAILS}`,
        '',
        ...checks.map((c) => `${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
        '',
      ].join('\n'),
    )
    return checks
  } finally {
    await browser.close()
    await server.close()
  }
}

function writeResults(file: string, content: unknown): void {
  mkdirSync(`${root}test-results`, { recursive: true })
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`)
}

async function run(): Promise<void> {
  let checks: Check[]
  try {
    checks = await main(parseOptions(process.argv.slice(2)))
  } catch (error: unknown) {
    process.stderr.write(`[soak] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    checks = [crashCheck(error)]
  }
  writeResults(REPORT, vitestReport(checks, 'test/e2e/wall-soak.ts'))
  const failed = checks.filter((c) => !c.passed).length
  log(failed === 0 ? `verdict: ${checks.length} checks passed` : `verdict: ${failed} of ${checks.length} checks failed`)
  if (failed > 0) process.exitCode = 1
}

run().catch((error: unknown) => {
  process.stderr.write(`[soak] ${String(error)}\n`)
  process.exitCode = 1
})

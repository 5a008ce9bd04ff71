/**
 * Soak benchmark for the war-room wall (`npm run soak`). Not a test file: it measures
 * and reports, and fails only when the wall clearly leaks or throws.
 *
 * It serves the built app (dist/, built first if missing) with `vite preview`, opens
 * /wall at 1920×1080 in Debian's Chromium with the refresh accelerated
 * (`?refresh=200ms`), declares three incidents (a P1 among them), injects 10 % faults
 * (503) through POST /api/simulator, warms up for 200 cycles under them, then runs N
 * refresh cycles (one cycle = one /api/health answer; every panel refreshes at the
 * same pace) and reports, after forced garbage collection (least of three readings), at start and end and every
 * tenth of the run: JS heap, DOM elements, the browser's live node count, event
 * listeners and the query-cache size, plus page errors. It then ends the faults and
 * times the recovery (every stale notice gone), and measures the idle CPU of the wall
 * at its normal 5 s refresh over 30 s (CDP TaskDuration / wall time).
 *
 *   npm run soak                       1,000 cycles, 30 s idle measurement
 *   npm run soak -- --cycles 5000 --idle-seconds 60 --fault-rate 0.1 --warmup-cycles 200
 *
 * Results are printed and written to test-results/wall-soak.json.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type CDPSession, type Page } from 'playwright-core'
import { build, preview } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))
const RESULTS = `${root}test-results/wall-soak.json`
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

/** Growth beyond these between start and end (both after GC) counts as a leak. */
const LIMITS = { heapGrowth: 0.2, domGrowth: 0.05 }

interface Options {
  cycles: number
  idleSeconds: number
  faultRate: number
  warmupCycles: number
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(`--${name}`)
    if (at === -1) return fallback
    const parsed = Number(argv[at + 1])
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} needs a non-negative number, got ${argv[at + 1] ?? 'nothing'}`)
    return parsed
  }
  return {
    cycles: Math.round(value('cycles', 1000)),
    idleSeconds: value('idle-seconds', 30),
    faultRate: value('fault-rate', 0.1),
    warmupCycles: Math.round(value('warmup-cycles', 200)),
  }
}

interface Sample {
  cycle: number
  elapsedS: number
  heapUsedMB: number
  domElements: number
  /** Chromium's count of live DOM nodes (text and detached nodes included). */
  liveNodes: number
  jsEventListeners: number
  queryCacheSize: number
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits))

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}

/**
 * One reading after forced garbage collection. A reading can land in the middle of a
 * refresh (a 2,000-sample answer being parsed, a chart half re-rendered), so each
 * sample is the smallest of three readings 250 ms apart: what the page retains.
 */
async function sample(page: Page, cdp: CDPSession, cycle: number, startedAt: number): Promise<Sample> {
  const readings: Omit<Sample, 'cycle' | 'elapsedS'>[] = []
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.waitForTimeout(250)
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

async function post(page: Page, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  return page.evaluate(
    async ({ path, body, headers }) =>
      (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })).status,
    { path, body, headers },
  )
}

async function waitForWall(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'Service health' }).waitFor({ timeout: 30_000 })
  for (const name of KEY_FIGURES) {
    await page.getByRole('figure', { name }).locator('path.line-chart-series').first().waitFor({ state: 'attached', timeout: 30_000 })
  }
}

function log(message: string): void {
  process.stdout.write(`[soak] ${message}\n`)
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  if (!existsSync(`${root}dist/index.html`)) {
    log('dist/ is missing: building the app first')
    await build({ root, logLevel: 'warn' })
  }
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } })
  const address = server.httpServer.address() as AddressInfo | null
  if (address === null) throw new Error('vite preview did not start listening')
  const base = `http://127.0.0.1:${address.port}`
  log(`serving dist/ at ${base}`)

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS })
  const problems = { pageErrors: [] as string[], consoleErrors: 0, failedResponsesLogged: 0 }
  try {
    const context = await browser.newContext({ baseURL: base, viewport: VIEWPORT, colorScheme: 'dark', reducedMotion: 'reduce' })
    const page = await context.newPage()
    page.on('pageerror', (e) => problems.pageErrors.push(`${e.name}: ${e.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // Chromium logs every failed response; the injected 503s are expected.
      if (/Failed to load resource/.test(message.text())) problems.failedResponsesLogged++
      else problems.consoleErrors++
    })
    let cycles = 0
    const countCycle = (url: string) => {
      if (new URL(url).pathname === '/api/health') cycles++
    }
    page.on('requestfinished', (request) => {
      countCycle(request.url())
    })
    page.on('requestfailed', (request) => {
      countCycle(request.url())
    })
    /** Waits for `count` more cycles, calling `onProgress` every `every` of them. */
    const runCycles = async (count: number, every = Number.POSITIVE_INFINITY, onProgress?: (done: number) => Promise<void>) => {
      const from = cycles
      let next = every
      while (cycles - from < count) {
        if (onProgress !== undefined && cycles - from >= next) {
          await onProgress(cycles - from)
          next += every
        }
        await page.waitForTimeout(100)
      }
    }

    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')

    // ---------------------------------------------------------------- accelerated run
    await page.goto('/wall?refresh=200ms&debug=1&scenario=openai-outage&seed=1')
    await waitForWall(page)
    // A realistic room: a P1 on the banner, open incidents with ticking clocks.
    for (const [severity, title] of [
      ['P1', 'Voice agent down for all users'],
      ['P2', 'Transcription failing'],
      ['P3', 'Slow conversation saves'],
    ] as const) {
      const status = await post(page, '/api/incidents', { title, severity, impact: 'Soak test', services: ['stt'] }, { 'Idempotency-Key': `soak-${title}` })
      if (status !== 201 && status !== 200) throw new Error(`declaring "${title}" answered ${status}`)
    }
    await page.getByRole('alert').waitFor({ timeout: 30_000 })
    const baseline = await sample(page, cdp, 0, performance.now())
    log(`baseline, before faults: ${JSON.stringify(baseline)}`)

    if ((await post(page, '/api/simulator', { faults: { rate: options.faultRate, status: 503 } })) !== 200) throw new Error('could not inject faults')
    // Warm-up under the same conditions as the run: the failure paths (errors, stale
    // notices) get compiled and cached before the start sample, so start and end compare like with like.
    log(`faults on (${options.faultRate * 100} % of calls answer 503); ${options.warmupCycles} warm-up cycles`)
    await runCycles(options.warmupCycles)

    const startedAt = performance.now()
    const from = cycles
    const samples: Sample[] = [await sample(page, cdp, 0, startedAt)]
    log(`start: ${JSON.stringify(samples[0])}; running ${options.cycles} cycles`)
    await runCycles(options.cycles, Math.max(1, Math.round(options.cycles / 10)), async (done) => {
      const s = await sample(page, cdp, done, startedAt)
      samples.push(s)
      log(`cycle ${s.cycle}: heap ${s.heapUsedMB} MB, ${s.domElements} elements, ${s.liveNodes} live nodes, ${s.jsEventListeners} listeners, cache ${s.queryCacheSize}`)
    })
    const end = await sample(page, cdp, cycles - from, startedAt)
    samples.push(end)
    log(`end: ${JSON.stringify(end)}`)
    const runSeconds = (performance.now() - startedAt) / 1000

    if ((await post(page, '/api/simulator', { faults: null })) !== 200) throw new Error('could not end faults')
    // Recovered: no panel says it is stale any more.
    // (Recharts keeps empty role="status" regions of its own: match the wall's words.)
    const recoveryStarted = performance.now()
    await page.waitForFunction(
      () => ![...document.querySelectorAll('[role="status"]')].some((e) => /Stale|No data yet/.test(e.textContent)),
      undefined,
      { timeout: 60_000 },
    )
    const recoverySeconds = round((performance.now() - recoveryStarted) / 1000, 1)
    const recovered = await sample(page, cdp, cycles - from, startedAt)
    log(`recovered in ${recoverySeconds} s: ${JSON.stringify(recovered)}`)
    await page.close()

    // ---------------------------------------------------------------- idle CPU at the normal refresh
    const idle = await context.newPage()
    idle.on('pageerror', (e) => problems.pageErrors.push(`${e.name}: ${e.message}`))
    const idleCdp = await context.newCDPSession(idle)
    await idleCdp.send('Performance.enable')
    await idle.goto('/wall')
    await waitForWall(idle)
    await idle.waitForTimeout(5_000)
    const before = await metrics(idleCdp)
    const t0 = performance.now()
    await idle.waitForTimeout(options.idleSeconds * 1000)
    const after = await metrics(idleCdp)
    const wallS = (performance.now() - t0) / 1000
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
    const growth = (a: number, b: number) => (a === 0 ? 0 : (b - a) / a)
    const summary = {
      options,
      cycles: cycles - from,
      runSeconds: round(runSeconds, 1),
      cyclesPerSecond: round((cycles - from) / runSeconds),
      baseline,
      start: first,
      end,
      recoverySeconds,
      recovered,
      heapGrowthPercent: round(growth(first.heapUsedMB, end.heapUsedMB) * 100, 1),
      domGrowthPercent: round(growth(first.domElements, end.domElements) * 100, 1),
      idleCpu,
      pageErrors: problems.pageErrors,
      otherConsoleErrors: problems.consoleErrors,
      failedResponsesLogged: problems.failedResponsesLogged,
      samples,
    }
    mkdirSync(`${root}test-results`, { recursive: true })
    writeFileSync(RESULTS, `${JSON.stringify(summary, null, 2)}\n`)

    const failures: string[] = []
    if (summary.heapGrowthPercent > LIMITS.heapGrowth * 100) failures.push(`heap grew ${summary.heapGrowthPercent} %`)
    if (summary.domGrowthPercent > LIMITS.domGrowth * 100) failures.push(`DOM grew ${summary.domGrowthPercent} %`)
    if (end.queryCacheSize !== first.queryCacheSize) failures.push(`query cache went from ${first.queryCacheSize} to ${end.queryCacheSize}`)
    if (problems.pageErrors.length > 0) failures.push(`${problems.pageErrors.length} uncaught page error(s)`)
    if (problems.consoleErrors > 0) failures.push(`${problems.consoleErrors} console error(s) other than failed responses`)

    process.stdout.write(
      [
        '',
        `Wall soak: ${summary.cycles} refresh cycles in ${summary.runSeconds} s (${summary.cyclesPerSecond}/s), ${options.faultRate * 100} % faults`,
        `                 start      end`,
        `JS heap (MB)     ${String(first.heapUsedMB).padEnd(10)} ${end.heapUsedMB}   (${summary.heapGrowthPercent} %)`,
        `DOM elements     ${String(first.domElements).padEnd(10)} ${end.domElements}   (${summary.domGrowthPercent} %)`,
        `live nodes       ${String(first.liveNodes).padEnd(10)} ${end.liveNodes}`,
        `event listeners  ${String(first.jsEventListeners).padEnd(10)} ${end.jsEventListeners}`,
        `query cache      ${String(first.queryCacheSize).padEnd(10)} ${end.queryCacheSize}`,
        `page errors      ${problems.pageErrors.length}; other console errors ${problems.consoleErrors}; failed responses logged ${problems.failedResponsesLogged}`,
        `recovery        stale notices gone ${recoverySeconds} s after the faults ended`,
        `idle CPU (5 s refresh, ${idleCpu.seconds} s): ${idleCpu.taskPercent} % of one core (script ${idleCpu.scriptPercent} %; the mock backend runs in the same page)`,
        `details: ${RESULTS}`,
        failures.length === 0 ? 'verdict: flat' : `verdict: ${failures.join('; ')}`,
        '',
      ].join('\n'),
    )
    if (failures.length > 0) process.exitCode = 1
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[soak] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})

/**
 * Benchmarks of the week-long Metrics view in Chromium (`npm run bench:browser`; skipped
 * by `npm test`). Printed, not asserted: the figures go to BENCHMARKS.md.
 *
 * 1. Load: navigation to every figure painted, with downsampling on and off.
 * 2. Refresh: the live 7-day view a refresh interval later (the page's clock is moved on
 *    with Playwright's clock, so every figure refetches and redraws with new data), with
 *    the main thread's time split between the app and the in-page mock backend (which a
 *    real backend takes off the page), and the long tasks.
 */
import type { CDPSession, Page } from 'playwright-core'
import { newPage } from './browser'
import { summariseProfile } from './cpu-profile'
import { allFiguresDrawn, FIGURE_IDS, fullPageScreenshot, notRedrawn, openPage, watchRedraws } from './metrics-page'

const BENCH = process.env.VIGIL_E2E_BENCH === '1'

interface LongTaskEntry {
  start: number
  duration: number
}

type LongTaskStore = { vigilLongTasks: LongTaskEntry[] }

/** Collects every long task (> 50 ms, the browser's own definition) of the page into a global array. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const store = globalThis as unknown as LongTaskStore
    store.vigilLongTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) store.vigilLongTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
}

function takeLongTasks(page: Page): Promise<LongTaskEntry[]> {
  return page.evaluate(() => (globalThis as unknown as LongTaskStore).vigilLongTasks.splice(0))
}

async function taskDurationMs(cdp: CDPSession): Promise<number> {
  const metrics = (await cdp.send('Performance.getMetrics')).metrics
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000
}

const ms = (value: number) => `${String(Math.round(value))} ms`

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

// ---------------------------------------------------------------- 1. load

interface WeekLoad {
  /** performance.now() (ms since the navigation started) at the first frame with every figure drawn. */
  paintedMs: number
  longestTaskMs: number
  longTasks: number
  longTaskTotalMs: number
  /** Chromium's main-thread TaskDuration over the load (CDP Performance.getMetrics), ms. */
  mainThreadBusyMs: number
}

/**
 * Opens the week view in a warm context (chunks cached, mock worker installed by a
 * short-range visit first) and measures, in the page, the first frame in which every
 * figure has drawn its line, and the long tasks until then.
 */
async function measureWeekLoad(page: Page, path: string): Promise<WeekLoad> {
  await observeLongTasks(page)
  await openPage(page, '/metrics?range=15m', 'Metrics')
  await allFiguresDrawn(page, 30_000)

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const busyBefore = await taskDurationMs(cdp)

  await page.goto(path)
  const painted = await page.waitForFunction(
    (ids) => {
      for (const id of ids) {
        const curves = [...(document.getElementById(id)?.querySelectorAll('path.recharts-line-curve') ?? [])]
        if (!curves.some((curve) => /^M\s*[\d.-]/.test(curve.getAttribute('d') ?? ''))) return false
      }
      return performance.now()
    },
    FIGURE_IDS,
    { polling: 'raf', timeout: 400_000 },
  )
  const paintedMs = Number(await painted.jsonValue())
  const busyAfter = await taskDurationMs(cdp)
  const tasks = (await takeLongTasks(page)).filter((t) => t.start <= paintedMs)
  await cdp.detach()
  return {
    paintedMs,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    longTaskTotalMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    mainThreadBusyMs: busyAfter - busyBefore,
  }
}

/** Loads the week view in fresh contexts, `times` over; the first load's page is screenshotted when `shot` is given. */
async function weekLoads(path: string, times: number, shot?: string): Promise<WeekLoad[]> {
  const loads: WeekLoad[] = []
  for (let run = 0; run < times; run++) {
    const page = await newPage()
    loads.push(await measureWeekLoad(page, path))
    // Loaded means loaded without errors: every figure drawn, no panel saying it failed
    // (console errors fail the test in browser.ts).
    await allFiguresDrawn(page, 5_000)
    expect(await page.getByText(/could not be loaded/).count()).toBe(0)
    if (run === 0 && shot !== undefined) await fullPageScreenshot(page, shot)
    await page.close()
  }
  return loads
}

function loadSummary(loads: readonly WeekLoad[]): WeekLoad {
  return {
    paintedMs: median(loads.map((l) => l.paintedMs)),
    longestTaskMs: median(loads.map((l) => l.longestTaskMs)),
    longTasks: median(loads.map((l) => l.longTasks)),
    longTaskTotalMs: median(loads.map((l) => l.longTaskTotalMs)),
    mainThreadBusyMs: median(loads.map((l) => l.mainThreadBusyMs)),
  }
}

function describeLoad(load: WeekLoad): string {
  return `all figures painted ${ms(load.paintedMs)} after navigation; longest task ${ms(load.longestTaskMs)}; ${String(load.longTasks)} long tasks, ${ms(load.longTaskTotalMs)}; main thread busy ${ms(load.mainThreadBusyMs)}`
}

const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(1)}` : 'n/a')

// Downsampling off asks for 10 s data over a week (60,480 points a series): a load takes
// minutes on a shared 2-core machine, so this test is given ten. Nothing here is a limit.
test.skipIf(!BENCH)(
  'the 7-day view loads every figure with downsampling on and off (measured and printed, not asserted)',
  async () => {
    const reduced = await weekLoads('/metrics?range=7d', 3, 'metrics-7d-1440x900')
    const full = await weekLoads('/metrics?range=7d&downsample=off', 1)
    const on = loadSummary(reduced)
    const off = loadSummary(full)
    console.log(
      [
        '[bench] load of /metrics?range=7d in Chromium, 1440×900, warm context (chunks cached, mock worker installed)',
        ...reduced.map((load, i) => `  downsample on,  run ${String(i + 1)}: ${describeLoad(load)}`),
        ...full.map((load, i) => `  downsample off, run ${String(i + 1)}: ${describeLoad(load)}`),
        `  median on : ${describeLoad(on)}`,
        `  off / on  : painted ${ratio(off.paintedMs, on.paintedMs)}, longest task ${ratio(off.longestTaskMs, on.longestTaskMs)}, main thread busy ${ratio(off.mainThreadBusyMs, on.mainThreadBusyMs)}`,
      ].join('\n'),
    )
    for (const load of [...reduced, ...full]) expect(load.paintedMs).toBeGreaterThan(0)
  },
  600_000,
)

// ---------------------------------------------------------------- 2. refresh

interface WeekRefresh {
  figures: number
  /** Main-thread CPU of the whole refresh (CDP TaskDuration), ms. */
  mainThreadBusyMs: number
  /** Of the sampled CPU time, what ran under the mock backend's chunk (simulator, MSW) and everything else. */
  mockBackendMs: number
  appMs: number
  longestTaskMs: number
  longTasks: number
  /** Busy stretches of the main thread of 5 ms or more, from the CPU profile (1 ms samples). */
  busyRuns: number[]
}

/**
 * The live week view, a refresh interval later: moves the page's clock on 30 minutes
 * (more than any figure's refresh interval), waits until every figure has redrawn with
 * new data, and measures that span.
 */
async function measureWeekRefresh(path: string): Promise<WeekRefresh> {
  const page = await newPage()
  await page.clock.install()
  await observeLongTasks(page)
  await openPage(page, '/metrics?range=15m', 'Metrics')
  await allFiguresDrawn(page, 30_000)
  await openPage(page, path, 'Metrics')
  await allFiguresDrawn(page, 400_000)
  // Let the load's trailing work (incident markers, late answers) settle.
  await page.waitForTimeout(3_000)
  await watchRedraws(page)
  await takeLongTasks(page)

  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
  await cdp.send('Profiler.start')
  const busyBefore = await taskDurationMs(cdp)

  await page.clock.fastForward('30:00')
  await expect.poll(() => notRedrawn(page), { timeout: 400_000, interval: 100 }).toEqual([])
  await page.waitForTimeout(500)

  const busyAfter = await taskDurationMs(cdp)
  const { profile } = await cdp.send('Profiler.stop')
  const tasks = await takeLongTasks(page)
  await cdp.detach()
  expect(await page.getByText(/could not be loaded/).count()).toBe(0)
  await page.close()
  const split = summariseProfile(profile)
  return {
    figures: FIGURE_IDS.length,
    mainThreadBusyMs: busyAfter - busyBefore,
    mockBackendMs: split.mockMs,
    appMs: split.appMs,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    busyRuns: split.busyRuns,
  }
}

function describeRefresh(refresh: WeekRefresh): string {
  const perFigure = refresh.appMs / refresh.figures
  return [
    `main thread busy ${ms(refresh.mainThreadBusyMs)} for ${String(refresh.figures)} figures`,
    `sampled: app ${ms(refresh.appMs)} (${perFigure.toFixed(1)} ms a figure), in-page mock backend ${ms(refresh.mockBackendMs)}`,
    `busy stretches ≥ 5 ms: ${String(refresh.busyRuns.length)}, median ${ms(median(refresh.busyRuns))}, longest ${ms(Math.max(0, ...refresh.busyRuns))}`,
    refresh.longTasks === 0 ? 'no task over 50 ms' : `longest task ${ms(refresh.longestTaskMs)}, ${String(refresh.longTasks)} tasks over 50 ms`,
  ].join('; ')
}

test.skipIf(!BENCH)(
  'a live refresh of the 7-day view redraws every figure (measured and printed, not asserted)',
  async () => {
    const reduced = [await measureWeekRefresh('/metrics?range=7d'), await measureWeekRefresh('/metrics?range=7d')]
    const full = await measureWeekRefresh('/metrics?range=7d&downsample=off')
    console.log(
      [
        '[bench] refresh of the live /metrics?range=7d in Chromium, 1440×900 (clock moved on 30 min; every figure refetches and redraws)',
        ...reduced.map((r, i) => `  downsample on,  run ${String(i + 1)}: ${describeRefresh(r)}`),
        `  downsample off (all 60,480 points a series in Recharts): ${describeRefresh(full)}`,
      ].join('\n'),
    )
    for (const r of [...reduced, full]) expect(r.appMs).toBeGreaterThan(0)
  },
  900_000,
)

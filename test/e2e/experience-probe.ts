/**
 * The in-page side of the responder-experience benchmarks (experience-bench.spec.ts):
 * installed before the app on every document of a page, it watches each animation frame
 * for the page's charts to be drawn, collects layout shifts and long tasks, times `j`/`k`
 * moves to the frame the selection moved, and times a Range switch to the frame every
 * Metrics figure has redrawn. Everything lives in the page and is read back at the end,
 * so nothing polls across the protocol while a figure is being timed.
 */
import type { Page } from 'playwright-core'

export interface Shift {
  at: number
  value: number
  recentInput: boolean
  /** The shifted elements, described (tag, id, classes, text). */
  sources: string[]
}

export interface LongTask {
  start: number
  duration: number
}

export interface KeyMove {
  key: string
  /** keydown's event time. */
  at: number
  /** The first animation frame in which another row is aria-selected; NaN if none within 5 s. */
  paintedAt: number
  from: string
  to: string
}

export interface RangeSwitch {
  inputAt: number
  /** The first frame in which one figure / every figure had drawn a line other than before the input. */
  firstAt: number
  allAt: number
  missing: string[]
}

interface RangeWatch {
  inputAt: number
  redrawnAt: Record<string, number>
  allAt: number
  gaveUp: boolean
}

/** Times are performance.now(): ms since the document's navigation started. NaN: not yet. */
interface Probe {
  /** One of the Overview's latency charts has a drawn line / all of them have. */
  overviewFirstAt: number
  overviewAllAt: number
  /** Every Metrics figure has a drawn line. */
  metricsAt: number
  /** Every chart on the wall has a drawn line. */
  wallAt: number
  /** On `/`: the first frame in which each step of the load was on screen (see OVERVIEW_STEPS). */
  seen: Record<string, number>
  shifts: Shift[]
  longTasks: LongTask[]
  keys: KeyMove[]
  range: RangeWatch | null
  armRange: () => void
}

type ProbeWindow = { vigilExperience?: Probe }

export interface ProbeTargets {
  /** The Metrics page's figure ids (metric-figures.ts). */
  figureIds: readonly string[]
  /** The Overview's latency chart captions ("STT latency", …). */
  latencyTitles: readonly string[]
}

/** Installs the probe; runs in every document the page loads from now on. */
export async function installProbe(page: Page, targets: ProbeTargets): Promise<void> {
  await page.addInitScript(({ figureIds, latencyTitles }) => {
    const LINE = /^M\s*[\d.-]/
    /** Drawn lines of both chart kinds: the Overview's own SVG and Recharts on /metrics. */
    const lines = (root: ParentNode) =>
      [...root.querySelectorAll('path.line-chart-series, path.recharts-line-curve')].map((p) => p.getAttribute('d') ?? '').filter((d) => LINE.test(d))
    const figureLines = (id: string) => {
      const figure = document.getElementById(id)
      return figure === null ? [] : lines(figure)
    }
    const describe = (node: Node | null): string => {
      const element = node instanceof Element ? node : (node?.parentElement ?? null)
      if (element === null) return '(removed)'
      const id = element.id === '' ? '' : `#${element.id}`
      const classes = [...element.classList].slice(0, 4).join('.')
      const text = element.textContent.replace(/\s+/g, ' ').trim().slice(0, 50)
      return `${element.tagName.toLowerCase()}${id}${classes === '' ? '' : `.${classes}`} "${text}"`
    }

    const probe: Probe = {
      overviewFirstAt: Number.NaN,
      overviewAllAt: Number.NaN,
      metricsAt: Number.NaN,
      wallAt: Number.NaN,
      seen: {},
      shifts: [],
      longTasks: [],
      keys: [],
      range: null,
      armRange() {
        const before = new Map(figureIds.map((id) => [id, figureLines(id).join('|')]))
        const watch: RangeWatch = { inputAt: Number.NaN, redrawnAt: {}, allAt: Number.NaN, gaveUp: false }
        probe.range = watch
        document.addEventListener(
          'input',
          (event) => {
            watch.inputAt = event.timeStamp
            const giveUpAt = performance.now() + 30_000
            const frame = () => {
              const now = performance.now()
              for (const id of figureIds) {
                if (watch.redrawnAt[id] !== undefined) continue
                const drawn = figureLines(id)
                if (drawn.length > 0 && drawn.join('|') !== before.get(id)) watch.redrawnAt[id] = now
              }
              if (Object.keys(watch.redrawnAt).length === figureIds.length) watch.allAt = now
              else if (now > giveUpAt) watch.gaveUp = true
              else requestAnimationFrame(frame)
            }
            requestAnimationFrame(frame)
          },
          { capture: true, once: true },
        )
      },
    }
    ;(window as unknown as ProbeWindow).vigilExperience = probe

    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: readonly { node: Node | null }[] }
        probe.shifts.push({
          at: shift.startTime,
          value: shift.value,
          recentInput: shift.hadRecentInput,
          sources: (shift.sources ?? []).map((s) => describe(s.node)),
        })
      }
    }).observe({ type: 'layout-shift', buffered: true })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })

    // The load: one check a frame until this page's charts are drawn (or a minute passed).
    const watchLoad = () => {
      const now = performance.now()
      const path = location.pathname
      if (path === '/') {
        const fallback = [...document.querySelectorAll('span.sr-only')].some((s) => s.textContent === 'Loading charts…')
        const steps: Record<string, boolean> = {
          shell: document.querySelector('#root header') !== null,
          heading: [...document.querySelectorAll('h1')].some((h) => h.textContent === 'Overview'),
          chartsFallback: fallback,
          chartsFallbackGone: probe.seen.chartsFallback !== undefined && !fallback,
          health: document.querySelector('ul[aria-label="Service health"]') !== null,
        }
        for (const [step, shown] of Object.entries(steps)) if (shown) probe.seen[step] ??= now
        const figures = [...document.querySelectorAll('figure')].filter((f) => latencyTitles.includes(f.querySelector('figcaption')?.textContent ?? ''))
        const drawn = figures.filter((f) => lines(f).length > 0).length
        if (drawn > 0 && Number.isNaN(probe.overviewFirstAt)) probe.overviewFirstAt = now
        if (drawn === latencyTitles.length) {
          probe.overviewAllAt = now
          return
        }
      } else if (path === '/metrics') {
        if (figureIds.every((id) => figureLines(id).length > 0)) {
          probe.metricsAt = now
          return
        }
      } else if (path === '/wall') {
        const figures = [...document.querySelectorAll('figure')]
        if (figures.length > 0 && figures.every((f) => lines(f).length > 0)) {
          probe.wallAt = now
          return
        }
      }
      if (now < 60_000) requestAnimationFrame(watchLoad)
    }
    requestAnimationFrame(watchLoad)

    // j/k: the keydown's time, and the first frame in which another row is selected.
    const selectedRow = () => document.querySelector('[role="row"][aria-selected="true"]')?.getAttribute('aria-rowindex') ?? ''
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'j' && event.key !== 'k') return
        const move: KeyMove = { key: event.key, at: event.timeStamp, paintedAt: Number.NaN, from: selectedRow(), to: '' }
        probe.keys.push(move)
        const giveUpAt = performance.now() + 5_000
        const frame = () => {
          const row = selectedRow()
          if (row !== '' && row !== move.from) {
            move.to = row
            move.paintedAt = performance.now()
          } else if (performance.now() < giveUpAt) requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      },
      true,
    )
  }, targets)
}

type DrawnKey = 'overviewAllAt' | 'metricsAt' | 'wallAt'

/** Waits until the probe saw the page's charts drawn, and returns that frame's time. */
export async function drawnAt(page: Page, key: DrawnKey, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (k) => {
      const at = (window as unknown as ProbeWindow).vigilExperience?.[k]
      return at !== undefined && !Number.isNaN(at) ? at : false
    },
    key,
    { polling: 100, timeout },
  )
  return Number(await handle.jsonValue())
}

/**
 * What `seen` records on `/`: the app's shell (header), the Overview's heading, the
 * latency panel's Suspense fallback ("Loading charts…") shown and gone, the health strip.
 */
export const OVERVIEW_STEPS = {
  shell: 'app shell painted (header)',
  heading: 'Overview heading painted',
  chartsFallback: 'latency panel fallback painted (Suspense, "Loading charts…")',
  chartsFallbackGone: 'latency panel fallback gone (Suspense revealed the panel)',
  health: 'health strip painted',
} as const

export function seenSteps(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as ProbeWindow).vigilExperience?.seen ?? {})
}

export function firstChartAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ProbeWindow).vigilExperience?.overviewFirstAt ?? Number.NaN)
}

/** Waits until the page's clock passed `at` (ms since its navigation started). */
export async function untilPageTime(page: Page, at: number): Promise<void> {
  await page.waitForFunction((t) => performance.now() > t, at, { polling: 100, timeout: 60_000 })
}

export function shifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as ProbeWindow).vigilExperience?.shifts ?? [])
}

export function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as ProbeWindow).vigilExperience?.longTasks ?? [])
}

export function keyMoves(page: Page): Promise<KeyMove[]> {
  return page.evaluate(() => (window as unknown as ProbeWindow).vigilExperience?.keys ?? [])
}

/** Snapshots every figure's lines; the next `input` event in the page starts the clock. */
export async function armRangeSwitch(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as ProbeWindow).vigilExperience?.armRange()
  })
}

/** Waits for the armed switch to be drawn in every figure (or given up after 30 s). */
export async function rangeSwitch(page: Page, figureIds: readonly string[]): Promise<RangeSwitch> {
  await page.waitForFunction(
    () => {
      const watch = (window as unknown as ProbeWindow).vigilExperience?.range
      return watch !== null && watch !== undefined && (!Number.isNaN(watch.allAt) || watch.gaveUp)
    },
    undefined,
    { polling: 100, timeout: 40_000 },
  )
  return page.evaluate((ids) => {
    const watch = (window as unknown as ProbeWindow).vigilExperience?.range
    if (watch === null || watch === undefined) throw new Error('no Range switch armed')
    const times = Object.values(watch.redrawnAt)
    return {
      inputAt: watch.inputAt,
      firstAt: times.length === 0 ? Number.NaN : Math.min(...times),
      allAt: watch.allAt,
      missing: ids.filter((id) => watch.redrawnAt[id] === undefined),
    }
  }, figureIds)
}

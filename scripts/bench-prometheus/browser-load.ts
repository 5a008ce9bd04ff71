/**
 * The 7-day Metrics view in Debian's Chromium, from navigation to every figure drawn, on
 * a real Vigil server. "Drawn" is the test of test/e2e/metrics-bench.spec.ts: every
 * figure has a Recharts line whose path data starts with a move-to, checked on each
 * animation frame in the page, and the time is the page's performance.now() (ms since
 * the navigation started). Each load is in a fresh context warmed like the e2e
 * benchmark's: a short-range visit first, so the app's chunks are cached.
 *
 * The first load also records the /api/metrics requests the page sent, so the server
 * and Prometheus can be measured on exactly what the page asks for.
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { METRIC_FIGURES } from '@/features/metrics/metric-figures'

/** Debian's package; the flags are test/e2e/browser.ts's LAUNCH_ARGS (that module needs vitest). */
const CHROMIUM_PATH = '/usr/bin/chromium'
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

const FIGURE_IDS = METRIC_FIGURES.map((figure) => figure.id)
const LOAD_TIMEOUT_MS = 120_000

export interface BrowserLoad {
  /** performance.now() at the first frame with every figure drawn; NaN when that did not happen within two minutes. */
  paintedMs: number
  /** The /api/metrics requests of the 7-day navigation (path and query), in the order sent. */
  metricsRequests: string[]
  /** Console errors and uncaught errors of the page, if any. */
  problems: string[]
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS })
}

/** The figures with no drawn line yet. */
function undrawn(page: Page): Promise<string[]> {
  return page.evaluate(
    (ids) =>
      ids.filter((id) => {
        const curves = [...(document.getElementById(id)?.querySelectorAll('path.recharts-line-curve') ?? [])]
        return !curves.some((curve) => /^M\s*[\d.-]/.test(curve.getAttribute('d') ?? ''))
      }),
    FIGURE_IDS,
  )
}

async function waitAllDrawn(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const missing = await undrawn(page)
    if (missing.length === 0) return
    if (Date.now() > deadline) throw new Error(`figures not drawn within ${timeoutMs} ms: ${missing.join(', ')}`)
    await page.waitForTimeout(250)
  }
}

/** One load of `path` (e.g. /metrics?range=7d) in a fresh 1440×900 context on `baseURL`. */
export async function measureLoad(browser: Browser, baseURL: string, path: string): Promise<BrowserLoad> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' })
  try {
    const page = await context.newPage()
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`))

    await page.goto('/metrics?range=15m')
    await page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor({ timeout: LOAD_TIMEOUT_MS })
    await waitAllDrawn(page, LOAD_TIMEOUT_MS)

    const metricsRequests: string[] = []
    let recording = false
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (recording && url.pathname === '/api/metrics') metricsRequests.push(`${url.pathname}${url.search}`)
    })
    recording = true
    await page.goto(path)
    let paintedMs = Number.NaN
    try {
      const painted = await page.waitForFunction(
        (ids) => {
          for (const id of ids) {
            const curves = [...(document.getElementById(id)?.querySelectorAll('path.recharts-line-curve') ?? [])]
            if (!curves.some((curve) => /^M\s*[\d.-]/.test(curve.getAttribute('d') ?? ''))) return false
          }
          return performance.now()
        },
        FIGURE_IDS,
        { polling: 'raf', timeout: LOAD_TIMEOUT_MS },
      )
      paintedMs = Number(await painted.jsonValue())
    } catch (error) {
      // A page that never draws everything is a result too (NaN), with what is missing said.
      problems.push(`not every figure drawn within ${LOAD_TIMEOUT_MS / 1000} s (${(await undrawn(page)).join(', ')}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    }
    recording = false
    const failed = await page.getByText(/could not be loaded/).count()
    if (failed > 0) problems.push(`${failed} panel(s) say they could not be loaded`)
    return { paintedMs, metricsRequests, problems }
  } finally {
    await context.close()
  }
}

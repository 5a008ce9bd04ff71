/**
 * Reading the Metrics page in the browser, shared by the alert tests and the Metrics
 * benchmarks: which figures have drawn a line, and waiting until all have.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { METRIC_FIGURES } from '@/features/metrics/metric-figures'
import { SCREENSHOT_DIR } from './browser'

export const FIGURE_IDS = METRIC_FIGURES.map((figure) => figure.id)

export async function openPage(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path)
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

/** A full-page PNG under test-results/screenshots/ (the harness's screenshot() takes the viewport only). */
export async function fullPageScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = `${SCREENSHOT_DIR}${name}.png`
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}

/** The ids of figures that have no series line with path data yet. */
export function undrawnFigures(page: Page): Promise<string[]> {
  return page.evaluate((ids) => {
    return ids.filter((id) => {
      const curves = [...(document.getElementById(id)?.querySelectorAll('path.recharts-line-curve') ?? [])]
      return !curves.some((curve) => /^M\s*[\d.-]/.test(curve.getAttribute('d') ?? ''))
    })
  }, FIGURE_IDS)
}

export async function allFiguresDrawn(page: Page, timeout: number): Promise<void> {
  await expect.poll(() => undrawnFigures(page), { timeout, interval: 250 }).toEqual([])
}

type RedrawStore = { vigilRedrawn: Set<string> }

/**
 * Starts recording, in the page, which figures' plots change from now on (any DOM
 * mutation in the drawn chart: path data, tick positions as the window slides — a flat
 * line over a sliding window draws the same path), so a benchmark can wait for every
 * figure without copying megabytes of path data out of the page on each poll.
 */
export async function watchRedraws(page: Page): Promise<void> {
  await page.evaluate((ids) => {
    const store = globalThis as unknown as RedrawStore
    store.vigilRedrawn = new Set()
    for (const id of ids) {
      const plot = document.getElementById(id)?.querySelector('.recharts-wrapper')
      if (plot === null || plot === undefined) continue
      new MutationObserver(() => {
        store.vigilRedrawn.add(id)
      }).observe(plot, { subtree: true, childList: true, attributes: true, characterData: true })
    }
  }, FIGURE_IDS)
}

/** The figures whose plot has not changed since watchRedraws. */
export function notRedrawn(page: Page): Promise<string[]> {
  return page.evaluate((ids) => ids.filter((id) => !(globalThis as unknown as RedrawStore).vigilRedrawn.has(id)), FIGURE_IDS)
}

/**
 * On a phone (390 × 844, touch, both themes) the header folds into a menu, and the
 * Overview, the alert list, the incident list, an incident and the runbooks fit the
 * width with no sideways scrolling; every button and field is at least 44 px high.
 */
import type { Page } from 'playwright-core'
import { newPage, screenshot, takeProblems } from './browser'

const PHONE = { width: 390, height: 844 }
const LOAD = { timeout: 20_000 }
/** WCAG 2.5.5's target size; the header's Menu button and every control must meet it. */
const MIN_TARGET_PX = 44

async function declareThroughApi(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/incidents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `phone-spec-${Date.now()}` },
      body: JSON.stringify({ title: 'Callers hear silence after the greeting', severity: 'P2', impact: 'About a third of calls', services: ['tts'] }),
    })
    return ((await response.json()) as { id: string }).id
  })
}

/** How far the page can be scrolled sideways: 0 when it fits. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** Visible buttons, selects and text fields shorter than the minimum target. */
const smallTargets = (page: Page, min: number) =>
  page.evaluate((minPx) => {
    const controls = [...document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]), textarea, summary')]
    return controls
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      })
      .filter((el) => el.getBoundingClientRect().height < minPx - 0.5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)} px`)
  }, min)

for (const colorScheme of ['light', 'dark'] as const) {
  test(`at 390 px (${colorScheme}) the header folds into a menu and the main pages fit the width`, async () => {
    const page = await newPage({ viewport: PHONE, colorScheme, mobile: true })
    await page.goto('/?scenario=openai-outage&seed=1')
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(LOAD)
    const id = await declareThroughApi(page)

    const menu = page.getByRole('button', { name: 'Menu' })
    expect(await menu.isVisible()).toBe(true)
    const box = await menu.boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(MIN_TARGET_PX)
    await menu.click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click()
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor(LOAD)
    expect(await menu.getAttribute('aria-expanded')).toBe('false')

    const pages: [string, string][] = [
      ['/', 'Overview'],
      ['/alerts', 'Alerts'],
      ['/incidents', 'Incidents'],
      [`/incidents/${id}`, id],
      ['/runbooks', 'Runbooks'],
    ]
    for (const [path, heading] of pages) {
      await page.goto(path)
      await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor(LOAD)
      // Charts and lists settle after their data arrives.
      await page.waitForLoadState('networkidle')
      expect({ path, overflow: await sidewaysOverflow(page) }).toEqual({ path, overflow: 0 })
      expect({ path, small: await smallTargets(page, MIN_TARGET_PX) }).toEqual({ path, small: [] })
      const name = path === '/' ? 'overview' : path.slice(1).replaceAll('/', '-').toLowerCase().replace(/inc-\d+/, 'incident')
      await screenshot(page, `phone-${name}-${colorScheme}`)
    }
    expect(takeProblems(page)).toEqual([])
  })
}

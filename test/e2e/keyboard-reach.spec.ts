/**
 * Keyboard alone (issue 13): on every route, pressing Tab from the top of the page reaches
 * every control a pointer could use, and each one shows where focus is. axe checks the
 * markup; this checks what a keyboard does in Chromium.
 *
 * The controls a page offers are every visible, enabled, tabbable element (links, buttons,
 * fields, summaries, anything with tabindex ≥ 0) outside inert or aria-hidden subtrees.
 * A radio group counts once: the browser tabs to one of its radios and arrows move within.
 * "Shows where focus is": the focused element, or its closest label-like wrapper, draws an
 * outline or a box-shadow ring that it did not draw before it had focus.
 */
import type { Page } from 'playwright-core'
import { newPage } from './browser'

const LOAD = { timeout: 30_000 }

interface Stop {
  key: string
  label: string
  ring: boolean
}

/** Marks every control on the page with data-reach="n" and returns what each is. */
async function markControls(page: Page): Promise<Map<string, string>> {
  const controls = await page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]'
    const out: [string, string][] = []
    let n = 0
    const radioGroups = new Set<string>()
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue
      if (el.closest('[inert], [aria-hidden="true"]') !== null) continue
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue
      const rect = el.getBoundingClientRect()
      if (rect.width === 0 || rect.height === 0) continue
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name !== '') {
        const group = `radio:${el.name}`
        el.dataset.reach = group
        if (radioGroups.has(group)) continue
        radioGroups.add(group)
        out.push([group, `radio group "${el.name}"`])
        continue
      }
      const key = String(n++)
      el.dataset.reach = key
      const name =
        el.getAttribute('aria-label') ??
        (el instanceof HTMLInputElement ? `${el.type} ${el.labels?.[0]?.textContent.trim() ?? el.name}` : el.textContent.trim()).slice(0, 50)
      out.push([key, `<${el.tagName.toLowerCase()}> "${name}"`])
    }
    return out
  })
  return new Map(controls)
}

/** Tabs from the top until focus comes round again; each stop with whether it showed a ring. */
async function tabThrough(page: Page, limit: number): Promise<Stop[]> {
  // Tab starts from the focused element or the last one clicked (the app moves focus to the
  // page on navigation): a stop-less element at the top of the body makes it start there.
  await page.evaluate(() => {
    const start = document.createElement('span')
    start.tabIndex = -1
    start.dataset.tabStart = ''
    document.body.prepend(start)
    start.focus()
    window.scrollTo(0, 0)
  })
  const stops: Stop[] = []
  const seen = new Set<string>()
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (el === null || el === document.body) return null
      // An element that appeared after the marking (a control shown on focus, say) is marked now.
      const counter = window as unknown as { lateMarks?: number }
      counter.lateMarks = (counter.lateMarks ?? 0) + (el.dataset.reach === undefined ? 1 : 0)
      el.dataset.reach ??= `late-${String(counter.lateMarks)}`
      const key = el.dataset.reach
      const drawsRing = (node: Element) => {
        const style = getComputedStyle(node)
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        return outline || style.boxShadow !== 'none'
      }
      // A visually hidden input (a styled checkbox or switch) shows its focus on its label.
      const holder = el.closest('label') ?? el
      const ring = drawsRing(el) || (holder !== el && drawsRing(holder))
      const label = `<${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? ` type=${el.type}` : ''}> "${(el.getAttribute('aria-label') ?? el.textContent.trim()).slice(0, 40)}" [${key}]`
      return { key, label, ring }
    })
    if (stop === null) {
      if (stops.length > 0) break
      continue
    }
    // A date or time field takes a Tab per part (day, month, year, hour, minute).
    if (stops.at(-1)?.key === stop.key) continue
    if (seen.has(stop.key)) break
    seen.add(stop.key)
    stops.push(stop)
  }
  await page.evaluate(() => {
    document.querySelector('[data-tab-start]')?.remove()
  })
  return stops
}

async function declare(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/incidents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `keyboard-spec-${Date.now()}` },
      body: JSON.stringify({ title: 'Callers hear silence', severity: 'P2', impact: 'A third of calls', services: ['tts'] }),
    })
    return ((await response.json()) as { id: string }).id
  })
}

test('Tab alone reaches every control on every route, and each shows a focus ring', async () => {
  const page = await newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto('/?scenario=openai-outage&seed=1')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(LOAD)
  const id = await declare(page)
  const routes: [string, RegExp][] = [
    ['/', /Overview/],
    ['/metrics', /Metrics/],
    ['/alerts', /Alerts/],
    ['/incidents', /Incidents/],
    [`/incidents/${id}`, new RegExp(id)],
    ['/runbooks', /Runbooks/],
    ['/runbooks/rate-limiting', /Rate Limiting/i],
  ]
  const unreached: Record<string, string[]> = {}
  const noRing: Record<string, string[]> = {}
  const counts: string[] = []
  for (const [path, heading] of routes) {
    // Moved within the app, as a responder does (the mock's world, with the declared incident, stays).
    await page.evaluate((to) => {
      window.history.pushState({}, '', to)
      window.dispatchEvent(new PopStateEvent('popstate'))
    }, path)
    await page.getByRole('heading', { level: 1, name: heading }).waitFor(LOAD)
    await page.waitForLoadState('networkidle')
    const controls = await markControls(page)
    const stops = await tabThrough(page, controls.size + 60)
    const reached = new Set(stops.map((s) => s.key))
    const missing = [...controls].filter(([key]) => !reached.has(key)).map(([, label]) => label)
    const ringless = stops.filter((s) => !s.ring).map((s) => s.label)
    if (missing.length > 0) unreached[path] = missing
    if (ringless.length > 0) noRing[path] = ringless
    counts.push(`${path}: ${String(stops.length)} stops, ${String(controls.size)} controls`)
  }
  console.log(`[keyboard] ${counts.join('; ')}`)
  expect({ unreached, noRing }).toEqual({ unreached: {}, noRing: {} })
})

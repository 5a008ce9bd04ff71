/**
 * axe-core inside Chromium on every route, the wall and an incident page included, in
 * light and dark, colour contrast on: no serious or critical violation. The page runs
 * under the app's CSP; axe is injected with the context's CSP bypass, which only lets the
 * test's own script in.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { newPage } from './browser'

const LOAD = { timeout: 30_000 }
const require = createRequire(import.meta.url)
const axeSource = readFile(require.resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
}

async function declare(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/incidents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `axe-spec-${Date.now()}` },
      body: JSON.stringify({ title: 'Callers hear silence', severity: 'P2', impact: 'A third of calls', services: ['tts'] }),
    })
    return ((await response.json()) as { id: string }).id
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violation on any route (${colorScheme})`, async () => {
    const page = await newPage({ colorScheme, bypassCSP: true })
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
      ['/wall', /War room/],
    ]
    const found: Record<string, string[]> = {}
    for (const [path, heading] of routes) {
      // Moved within the app, as a responder does: one page load, not sixteen.
      await page.evaluate((to) => {
        window.history.pushState({}, '', to)
        window.dispatchEvent(new PopStateEvent('popstate'))
      }, path)
      await page.getByRole('heading', { level: 1, name: heading }).waitFor(LOAD)
      await page.waitForLoadState('networkidle')
      const violations = await seriousViolations(page)
      if (violations.length > 0) found[path] = violations
    }
    expect(found).toEqual({})
  })
}

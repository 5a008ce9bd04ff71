/**
 * Metrics and alerting in the built app: an outage fires its alert, turns the health
 * strip and shades its chart; a healthy world fires nothing; the Range control and the
 * log filter live in the URL. The week-long Metrics view's benchmarks are in
 * metrics-bench.spec.ts.
 */
import type { Page } from 'playwright-core'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { COMPONENT_LABELS, COMPONENTS } from '@/domain/catalog'
import { METRIC_FIGURES } from '@/features/metrics/metric-figures'
import { newPage } from './browser'
import { allFiguresDrawn, fullPageScreenshot, openPage } from './metrics-page'

const COMPONENT_NAMES = COMPONENTS.map((component) => COMPONENT_LABELS[component])
/** Recharts' ReferenceArea fill for a firing span (time-series-chart.tsx, SPAN_COLORS.firing). */
const FIRING_FILL = '#ef4444'

function alertName(id: string): string {
  const instance = ALERT_INSTANCES.find((i) => i.id === id)
  if (instance === undefined) throw new Error(`no alert instance ${id}`)
  return instance.name
}

const STT_ERROR_RATE = alertName('error-rate-critical:stt')

/**
 * The health strip read as a screen reader does: each item of the list "Service health"
 * reads "<component>: <state>. <reason>", so the state is the word after the name.
 */
async function healthStrip(page: Page): Promise<Partial<Record<string, string>>> {
  const items = await page
    .getByRole('list', { name: 'Service health' })
    .getByRole('listitem')
    .evaluateAll((elements) => elements.map((element) => element.textContent))
  const states: Partial<Record<string, string>> = {}
  for (const text of items) {
    for (const component of COMPONENT_NAMES) {
      const state = new RegExp(`^\\W*${component}\\W+(\\w+)`).exec(text)?.[1]
      if (state !== undefined) states[component] = state.toLowerCase()
    }
  }
  return states
}

/** The Alerts page's list of one state ("Firing (2)"), whatever its count. */
function alertSection(page: Page, title: 'Firing' | 'Pending') {
  return page.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) })
}

/** Texts of every line the log tail shows. */
function logLines(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Log lines' }).getByRole('listitem').allInnerTexts()
}

// ---------------------------------------------------------------- 1. an outage

test('openai-outage: /alerts lists "STT error rate > 10 %" as firing, with its chart, playbook and Declare', async () => {
  expect(STT_ERROR_RATE).toBe('STT error rate > 10 %')
  const page = await newPage()
  await openPage(page, '/alerts?scenario=openai-outage', 'Alerts')

  const firing = alertSection(page, 'Firing')
  const item = firing.getByRole('listitem').filter({ hasText: STT_ERROR_RATE })
  await item.waitFor({ timeout: 20_000 })
  expect(await item.innerText()).toMatch(/Firing/)

  // Every rule instance is listed once, each with its state.
  const rules = page.getByRole('region', { name: 'Alert rules' }).getByRole('listitem')
  await expect.poll(() => rules.count(), { timeout: 20_000 }).toBe(ALERT_INSTANCES.length)
  for (const text of await rules.allInnerTexts()) expect(text).toMatch(/\b(Firing|Pending|Inactive|No data)\b/)

  const chart = item.getByRole('link', { name: `Chart of ${STT_ERROR_RATE}` })
  const chartHref = new URL((await chart.getAttribute('href')) ?? '', 'http://x')
  expect(chartHref.pathname).toBe('/metrics')
  expect(chartHref.hash).toBe('#stt-error-rate')
  expect(await item.getByRole('link', { name: /^Playbook: / }).getAttribute('href')).toBe('/runbooks/high-error-rate')
  await item.getByRole('button', { name: `Declare incident for ${STT_ERROR_RATE}` }).waitFor()

  // "Group by error_type": the outage's 5xx errors lead the figure's table.
  const errors = page.getByRole('figure', { name: 'Errors by type' })
  await errors.waitFor({ timeout: 20_000 })
  expect(await errors.getByRole('table').textContent()).toMatch(/upstream_5xx/)

  await fullPageScreenshot(page, 'alerts-openai-outage-1440x900')
})

test('openai-outage: the Overview shows STT and the OpenAI API not up, Groq up, and the alert in its "Firing alerts" panel', async () => {
  const page = await newPage()
  await openPage(page, '/?scenario=openai-outage', 'Overview')
  await expect.poll(async () => (await healthStrip(page)).STT ?? 'missing', { timeout: 20_000 }).toMatch(/^(degraded|down)$/)
  await expect.poll(async () => (await healthStrip(page))['OpenAI API'] ?? 'missing', { timeout: 20_000 }).toMatch(/^(degraded|down)$/)
  expect((await healthStrip(page))['Groq API']).toBe('up')

  const panel = page.getByRole('region', { name: 'Firing alerts' })
  await panel.getByRole('listitem').filter({ hasText: STT_ERROR_RATE }).waitFor({ timeout: 20_000 })
})

test('openai-outage: the "STT error rate" figure over 1 h shades the firing span and says so', async () => {
  const page = await newPage()
  await openPage(page, '/metrics?scenario=openai-outage&range=1h', 'Metrics')

  const figure = page.getByRole('figure', { name: 'STT error rate' })
  const shaded = figure.locator('.recharts-reference-area .recharts-reference-area-rect')
  await expect.poll(() => shaded.count(), { timeout: 20_000 }).toBeGreaterThan(0)
  const areas = await shaded.evaluateAll((elements) =>
    elements.map((element) => ({ fill: element.getAttribute('fill'), width: element.getBoundingClientRect().width })),
  )
  const firingAreas = areas.filter((area) => area.fill === FIRING_FILL)
  expect(firingAreas.length, JSON.stringify(areas)).toBeGreaterThan(0)
  for (const area of firingAreas) expect(area.width).toBeGreaterThan(0)

  // The shading is written out too, so it is not told by colour alone.
  const stated = figure.getByText(/^Shaded: /)
  expect(await stated.innerText()).toContain(`${STT_ERROR_RATE} firing `)
  expect(await figure.innerText()).toMatch(/Thresholds: .*10 %/)
})

// ---------------------------------------------------------------- 2. a healthy world

test('healthy: /alerts shows nothing firing', async () => {
  const page = await newPage()
  await openPage(page, '/alerts?scenario=healthy', 'Alerts')

  const firing = alertSection(page, 'Firing')
  await firing.waitFor({ timeout: 20_000 })
  expect(await firing.getByRole('heading').innerText()).toBe('Firing (0)')
  await firing.getByText('Nothing is firing.').waitFor()
  expect(await page.getByText(/^0 firing · \d+ pending · \d+ inactive or without data$/).count()).toBe(1)
  expect(await page.getByRole('button', { name: /^Declare incident for / }).count()).toBe(0)
})

test('healthy: the Overview\'s "Firing alerts" panel says nothing is firing', async () => {
  const page = await newPage()
  await openPage(page, '/?scenario=healthy', 'Overview')
  const panel = page.getByRole('region', { name: 'Firing alerts' })
  await panel.getByText('Nothing is firing or pending.').waitFor({ timeout: 20_000 })
  expect(await panel.getByRole('listitem').count()).toBe(0)
})

// ---------------------------------------------------------------- 3. the Range control and the week view

test('the Range control writes range=7d into the URL and every figure redraws over the week', async () => {
  const page = await newPage()
  await openPage(page, '/metrics', 'Metrics')
  await allFiguresDrawn(page, 30_000)
  const steps = page.locator('#stt-latency').getByText(/ steps · /)
  const hourSteps = await steps.innerText()

  await page.getByRole('combobox', { name: 'Range' }).selectOption('7d')
  await page.waitForURL((url) => url.searchParams.get('range') === '7d')
  await expect.poll(() => steps.innerText(), { timeout: 30_000 }).not.toBe(hourSteps)
  await allFiguresDrawn(page, 60_000)
  for (const figure of METRIC_FIGURES) expect(await page.getByRole('figure', { name: figure.title, exact: true }).count(), figure.title).toBe(1)
})

// ---------------------------------------------------------------- 4. the log tail's filter

test('rate-limiting: filtering the log tail by "rate limit" shows only matching lines and puts logq in the URL', async () => {
  const page = await newPage()
  await openPage(page, '/alerts?scenario=rate-limiting', 'Alerts')
  // Unfiltered, the tail holds other lines too: the filter has something to remove.
  await expect
    .poll(async () => (await logLines(page)).filter((line) => !line.toLowerCase().includes('rate limit')).length, { timeout: 20_000 })
    .toBeGreaterThan(0)

  await page.getByRole('searchbox', { name: 'Text' }).fill('rate limit')
  await page.waitForURL((url) => url.searchParams.get('logq') === 'rate limit')
  expect(new URL(page.url()).searchParams.get('scenario')).toBe('rate-limiting')
  await page.getByRole('status').filter({ hasText: 'Updating…' }).waitFor({ state: 'detached', timeout: 20_000 })

  const otherLines = async () => (await logLines(page)).filter((line) => !line.toLowerCase().includes('rate limit'))
  await expect.poll(otherLines, { timeout: 20_000 }).toEqual([])
  expect((await logLines(page)).length).toBeGreaterThan(0)

  // The link is the view: reloading it keeps the filter and its lines.
  await page.reload()
  await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor()
  expect(await page.getByRole('searchbox', { name: 'Text' }).inputValue()).toBe('rate limit')
  await page.getByRole('list', { name: 'Log lines' }).waitFor({ timeout: 20_000 })
  await expect.poll(otherLines, { timeout: 20_000 }).toEqual([])
  expect((await logLines(page)).length).toBeGreaterThan(0)
})

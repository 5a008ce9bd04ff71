import type { Page } from 'playwright-core'
import { COMPONENT_LABELS, COMPONENTS, SERVICE_LABELS, SERVICES } from '@/domain/catalog'
import { newPage, screenshot, takeProblems } from './browser'

const COMPONENT_NAMES = COMPONENTS.map((component) => COMPONENT_LABELS[component])
const LATENCY_FIGURES = SERVICES.map((service) => `${SERVICE_LABELS[service]} latency`)
const ROUTES = [
  { link: 'Overview', path: '/', heading: 'Overview' },
  { link: 'Metrics', path: '/metrics', heading: 'Metrics' },
  { link: 'Alerts', path: '/alerts', heading: 'Alerts' },
  { link: 'Incidents', path: '/incidents', heading: 'Incidents' },
  { link: 'Runbooks', path: '/runbooks', heading: 'Runbooks' },
  { link: 'Wall', path: '/wall', heading: /war room|wall/i },
] as const

/** Opens a path of the built app that shows the Overview and waits for its heading. */
async function openOverview(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
}

/**
 * The health strip read the way a screen reader would: each item of the list named
 * "Service health" reads "<component>: <state>. <reason>", so the state is the word
 * right after the component's name (the free-text reason may mention other states).
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

/** One component's state, or, when the strip does not show it, what the page shows instead. */
async function stateOf(page: Page, component: string): Promise<string> {
  const state = (await healthStrip(page))[component]
  if (state !== undefined) return state
  const shown = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 160)
  return `no ${component} item; the page shows: ${shown}`
}

/** Waits until every component of the strip shows a state, and returns them. */
async function loadedHealthStrip(page: Page): Promise<Partial<Record<string, string>>> {
  await expect.poll(async () => Object.keys(await healthStrip(page)).toSorted(), { timeout: 20_000 }).toEqual(
    COMPONENT_NAMES.toSorted(),
  )
  return healthStrip(page)
}

/** Waits until a latency figure has drawn a series line (LineChart's path) with real path data. */
async function drawnLine(page: Page, figure: string): Promise<string> {
  const curve = page.getByRole('figure', { name: figure }).locator('path.line-chart-series').first()
  await curve.waitFor({ state: 'attached', timeout: 20_000 })
  await expect.poll(async () => (await curve.getAttribute('d')) ?? '', { timeout: 20_000 }).toMatch(/^M\s*[\d.-]/)
  return (await curve.getAttribute('d')) ?? ''
}

/**
 * Mean sRGB channel (0–255) of the page background: the first opaque background of
 * body, then html, then the browser's canvas. A 2d canvas converts whatever colour
 * syntax the CSS uses (oklch, …) to sRGB.
 */
function pageBackgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })
    if (canvas === null) throw new Error('no 2d canvas')
    // With nothing painted, the browser shows its own canvas colour for the used colour scheme.
    const canvasColour = document.createElement('div')
    canvasColour.style.backgroundColor = 'Canvas'
    document.body.append(canvasColour)
    const layers = [document.body, document.documentElement, canvasColour].map((element) => getComputedStyle(element).backgroundColor)
    canvasColour.remove()
    for (const colour of layers) {
      canvas.clearRect(0, 0, 1, 1)
      canvas.fillStyle = colour
      canvas.fillRect(0, 0, 1, 1)
      const [r = 0, g = 0, b = 0, alpha = 0] = canvas.getImageData(0, 0, 1, 1).data
      if (alpha > 0) return (r + g + b) / 3
    }
    throw new Error(`no opaque background among ${layers.join(', ')}`)
  })
}

test('/ shows the Overview heading, a health item per component and three drawn latency charts', async () => {
  const page = await newPage()
  await openOverview(page)

  const strip = await loadedHealthStrip(page)
  for (const component of COMPONENT_NAMES) expect(strip[component], component).toMatch(/^(up|degraded|down)$/)

  for (const figure of LATENCY_FIGURES) expect(await drawnLine(page, figure), figure).not.toBe('')
})

test('choosing "openai-outage" in the Scenario control takes STT down', async () => {
  const page = await newPage()
  await openOverview(page)
  expect((await loadedHealthStrip(page)).STT).toBe('up')

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('openai-outage')

  await expect.poll(() => stateOf(page, 'STT'), { timeout: 20_000 }).toBe('down')
  expect(new URL(page.url()).searchParams.get('scenario')).toBe('openai-outage')
})

test('after opening a ?scenario= link, the Scenario control still switches the scenario', async () => {
  const page = await newPage()
  await openOverview(page, '/?scenario=healthy')
  expect((await loadedHealthStrip(page)).STT).toBe('up')

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('openai-outage')

  await expect.poll(() => stateOf(page, 'STT'), { timeout: 20_000 }).toBe('down')
})

test('/?scenario=openai-outage loaded directly shows STT and the OpenAI API down, the Groq API up', async () => {
  const page = await newPage()
  await openOverview(page, '/?scenario=openai-outage')
  await expect.poll(() => stateOf(page, 'STT'), { timeout: 20_000 }).toBe('down')
  await expect.poll(() => stateOf(page, 'OpenAI API'), { timeout: 20_000 }).toBe('down')
  expect(await stateOf(page, 'Groq API')).toBe('up')
})

test('/?scenario=agent-down on a 390 px phone: the voice agent is the first tile, down; the stages it reported are unknown', async () => {
  const page = await newPage({ viewport: { width: 390, height: 844 }, mobile: true })
  await openOverview(page, '/?scenario=agent-down&seed=1')
  await expect.poll(() => stateOf(page, 'Voice agent'), { timeout: 20_000 }).toBe('down')
  const first = await page.getByRole('list', { name: 'Service health' }).getByRole('listitem').first().textContent()
  expect(first).toMatch(/^\W*Voice agent\W+down\b/)
  expect(await stateOf(page, 'STT')).toBe('unknown')
  expect(await stateOf(page, 'LiveKit')).toBe('up')
  // Eight tiles still fit the width: nothing scrolls sideways, and no name or state is cut short ("Voice ag…").
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
  const cut = await page
    .getByRole('list', { name: 'Service health' })
    .locator('span')
    .evaluateAll((spans) => spans.filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow === 'ellipsis').map((el) => el.textContent))
  expect(cut).toEqual([])
  await screenshot(page, 'overview-390-agent-down')
})

test('/?scenario=healthy shows every component up, the API providers included', async () => {
  const page = await newPage()
  await openOverview(page, '/?scenario=healthy')
  const strip = await loadedHealthStrip(page)
  expect(strip).toEqual(Object.fromEntries(COMPONENT_NAMES.map((component) => [component, 'up'])))
})

// Like every test here, it also fails if any page logs a console error (see browser.ts).
test('the navigation has the six links and each route renders its heading', async () => {
  const page = await newPage()
  await openOverview(page)
  const navigation = page.getByRole('navigation').filter({ has: page.getByRole('link', { name: 'Overview' }) })
  expect(await navigation.getByRole('link').allInnerTexts()).toEqual(ROUTES.map((route) => route.link))

  for (const route of ROUTES) {
    await page.goto('/')
    await navigation.getByRole('link', { name: route.link, exact: true }).click()
    await page.waitForURL((url) => url.pathname === route.path)
    await page.getByRole('heading', { level: 1, name: route.heading }).waitFor()
  }
})

test('at 1280 px, the narrowest width with the full header, every control fits without sideways scrolling, polling or live', async () => {
  const page = await newPage({ viewport: { width: 1280, height: 800 } })
  await openOverview(page)
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(await overflow()).toBe(0)
  // The longest status the header says: no live updates (here the event stream fails with the rest from the start).
  await page.evaluate(() =>
    fetch('/api/simulator', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ faults: { rate: 1, status: 503 } }) }),
  )
  await page.reload()
  await page.getByRole('status').filter({ hasText: 'Live updates off — polling' }).waitFor()
  expect(await overflow()).toBe(0)
  for (const name of ['Scenario', 'Theme']) expect(await page.getByRole('combobox', { name }).first().isVisible()).toBe(true)
  takeProblems(page)
})

test('an unknown route shows "Page not found"', async () => {
  const page = await newPage()
  await page.goto('/no-such-page')
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
})

test.each([
  { name: 'overview-1440x900-light', width: 1440, height: 900, colorScheme: 'light' },
  { name: 'overview-1440x900-dark', width: 1440, height: 900, colorScheme: 'dark' },
  { name: 'overview-1920x1080-light', width: 1920, height: 1080, colorScheme: 'light' },
] as const)('screenshot $name', async ({ name, width, height, colorScheme }) => {
  const page = await newPage({ viewport: { width, height }, colorScheme })
  await openOverview(page, '/?scenario=healthy&seed=1')
  await loadedHealthStrip(page)
  for (const figure of LATENCY_FIGURES) await drawnLine(page, figure)

  // The theme really follows the colour scheme: a dark screenshot of a light page proves nothing.
  const lightness = await pageBackgroundLightness(page)
  if (colorScheme === 'dark') expect(lightness).toBeLessThan(80)
  else expect(lightness).toBeGreaterThan(180)

  await screenshot(page, name)
})

test('screenshot wall-1920x1080: the war-room wall with its health strip', async () => {
  const page = await newPage({ viewport: { width: 1920, height: 1080 }, colorScheme: 'dark' })
  await page.goto('/wall?scenario=openai-outage&seed=1')
  await page.getByRole('heading', { level: 1, name: /war room|wall/i }).waitFor()
  await expect.poll(() => stateOf(page, 'STT'), { timeout: 20_000 }).toBe('down')
  await screenshot(page, 'wall-1920x1080')
})

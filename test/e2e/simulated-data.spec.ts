/**
 * Simulated numbers are never shown as real: on the shipped config (mock) every page,
 * the wall included, says "Simulated data"; a production build whose config.json
 * cannot be read stops with a page that says why, instead of starting the simulator.
 */
import type { Locator, Page } from 'playwright-core'
import { newPage, takeProblems } from './browser'

const EXPLANATION = "Numbers come from Vigil's built-in simulator, not your services"

function badge(page: Page): Locator {
  return page.getByText('Simulated data', { exact: true })
}

/** True when the two boxes share any pixels. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [p, q] = await Promise.all([a.boundingBox(), b.boundingBox()])
  if (p === null || q === null) throw new Error('an element has no box')
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height
}

test.each(['light', 'dark'] as const)('on the mock backend the Overview header says "Simulated data" (%s theme)', async (colorScheme) => {
  const page = await newPage({ colorScheme })
  await page.goto('/')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
  const header = page.getByRole('banner')
  await expect.poll(() => header.getByText('Simulated data', { exact: true }).isVisible()).toBe(true)
  expect(await badge(page).getAttribute('title')).toBe(EXPLANATION)
})

test('on the mock backend the wall says "Simulated data", clear of its title and clock', async () => {
  const page = await newPage({ viewport: { width: 1920, height: 1080 } })
  await page.goto('/wall')
  const title = page.getByRole('heading', { level: 1, name: 'War room' })
  await title.waitFor()
  await expect.poll(() => badge(page).isVisible()).toBe(true)
  expect(await overlap(badge(page), title)).toBe(false)
  expect(await overlap(badge(page), page.getByText('Server time'))).toBe(false)
  expect(await overlap(badge(page), page.getByText(/^Last refresh/))).toBe(false)
})

test('with a Vigil server configured there is no "Simulated data" badge', async () => {
  const page = await newPage()
  await page.route('**/config.json', (route) => route.fulfill({ json: { backend: 'http', apiBaseUrl: '' } }))
  // No real server here: refuse every API call; the header renders regardless.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'))
  await page.goto('/')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
  await page.getByRole('navigation', { name: 'Main' }).waitFor()
  expect(await badge(page).count()).toBe(0)
  await page.close()
  for (const problem of takeProblems(page)) expect(problem).toMatch(/ERR_CONNECTION_REFUSED \(http:\/\/[^/]+\/api\//)
})

test.each([
  ['missing (404)', { status: 404, contentType: 'text/plain', body: 'Not found' }, 'HTTP 404'],
  ['without a backend', { status: 200, contentType: 'application/json', body: '{}' }, 'The field "backend" must be one of "mock", "http".'],
])('a production build whose config.json is %s stops with "Vigil cannot start" and never runs the simulator', async (_, answer, reason) => {
  const page = await newPage()
  const requests: string[] = []
  page.on('request', (request) => requests.push(new URL(request.url()).pathname))
  await page.route('**/config.json', (route) => route.fulfill(answer))
  await page.goto('/')
  await page.getByRole('heading', { level: 1, name: 'Vigil cannot start' }).waitFor()
  const alert = page.getByRole('alert')
  expect(await alert.textContent()).toContain('/config.json')
  expect(await alert.textContent()).toContain(reason)
  expect(await badge(page).count()).toBe(0)
  // Neither the simulator's service worker nor any API call was started.
  expect(requests.filter((path) => path.startsWith('/api/') || path.includes('mockServiceWorker'))).toEqual([])
  for (const problem of takeProblems(page)) expect(problem).toMatch(/status of 404/)
})

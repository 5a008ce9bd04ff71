/**
 * The app on the server's clock (issue 12 §5): the mock backend's clock is pinned off the
 * browser's (the real one), as a kiosk whose clock is wrong sees it.
 */
import { screen, within } from '@testing-library/react'
import { formatAge } from '@/domain/format'
import { givenScenario, setMockNow } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const WAIT = { timeout: 10_000 }
const MIN = 60_000
const HOUR = 60 * MIN
const NOTE = /^Your clock is .+ the server; times shown are the server's\.$/

test('a browser 5 min behind the server is told so in the header', async () => {
  setMockNow(Date.now() + 5 * MIN)
  renderRoute('/')
  const note = await screen.findByText("Your clock is 5 min behind the server; times shown are the server's.", {}, WAIT)
  // In the sticky header, beside the main navigation.
  const header = screen.getAllByRole('banner').find((banner) => within(banner).queryByRole('navigation', { name: 'Main' }) !== null)
  expect(header).toContainElement(note)
})

test('a browser an hour ahead of the server is told so, and ages still count from the server', async () => {
  setMockNow(Date.now() - HOUR)
  renderRoute('/')
  expect(await screen.findByText("Your clock is 1 h ahead of the server; times shown are the server's.", {}, WAIT)).toBeInTheDocument()
  // The health answer is stamped with the server's now: checked just now, not an hour ago.
  const checked = await screen.findByText(/^Checked/, {}, WAIT)
  expect(checked).toHaveTextContent('Checked just now')
})

test('within 30 s of the server the header says nothing about clocks', async () => {
  setMockNow(Date.now() + 20_000)
  renderRoute('/')
  await screen.findByText(/^Checked/, {}, WAIT)
  expect(screen.queryByText(NOTE)).not.toBeInTheDocument()
})

test('the wall tells a kiosk 5 min ahead of the server, and says its last refresh on the server\'s clock', async () => {
  const serverNow = Date.now() - 5 * MIN
  setMockNow(serverNow)
  renderRoute('/wall')
  expect(await screen.findByText("Your clock is 5 min ahead of the server; times shown are the server's.", {}, WAIT)).toBeInTheDocument()
  const refresh = await screen.findByText(/^Last refresh/, {}, { timeout: 20_000 })
  const time = await within(refresh).findByText(/^\d\d:\d\d:\d\d$/, {}, { timeout: 20_000 })
  expect(Math.abs(Date.parse(time.getAttribute('dateTime') ?? '') - serverNow)).toBeLessThan(15_000)
})

test("an alert's age counts from the server's now, for a browser an hour behind", async () => {
  const serverNow = Date.now() + HOUR
  setMockNow(serverNow)
  givenScenario('openai-outage')
  renderRoute('/alerts')
  const evaluated = await screen.findByText(/^Evaluated/, {}, WAIT)
  expect(evaluated).toHaveTextContent('Evaluated just now')
  // Every age on the page is the server's now minus its instant (a browser an hour behind
  // would read the alerts' starts as an hour in its future).
  const ages = await screen.findAllByText(/ ago$/, { selector: 'time' }, WAIT)
  for (const time of screen.getAllByText(/ ago$|^just now$|clock ahead/, { selector: 'time' })) {
    const msAgo = serverNow - Date.parse(time.getAttribute('dateTime') ?? '')
    expect([formatAge(msAgo), formatAge(msAgo + 10_000)]).toContain(time.textContent)
  }
  expect(ages.length).toBeGreaterThan(0)
})

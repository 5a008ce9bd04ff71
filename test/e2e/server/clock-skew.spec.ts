/**
 * Time is the server's (issue 12 §5), in Chromium against the real server (`npm run serve`,
 * started by ./serve.ts), whose clock is this machine's. The page's clock is set 5 min and
 * 1 h before and after the real time with Playwright's clock (the mock backend would not
 * do: it runs in the page and would share the page's wrong clock). For each:
 * - the Overview asks for, and draws, the newest hour of latency (its last sample now);
 * - the header says how far the browser's clock is off;
 * - every relative time on the Overview, /alerts and the wall reads the age of its
 *   instant on the real clock, and none in the future reads "just now";
 * - alert history and errors by type are asked up to the real now, and the log tail's
 *   times are the server's;
 * - the wall shows the note and the server's time.
 */
import type { Page, Request } from 'playwright-core'
import { newPage } from '../browser'
import { startVigilServer, type VigilServer } from './serve'

const LOAD = { timeout: 30_000 }
const MIN = 60_000
const HOUR = 60 * MIN
/** Ages on screen tick every 1 or 10 s; the page read comes a moment before the check's clock. */
const AGE_SLACK_MS = 12_000
/** The skew estimate and the check's clock agree within this much (local server, fast answers). */
const CLOCK_SLACK_MS = 3_000

let server: VigilServer

beforeAll(async () => {
  // An outage so that alerts are firing (with ages) and errors are logged.
  server = await startVigilServer({ scenario: 'openai-outage', seed: 1 })
})

/** Browser minus real time, and what the header should say about it. */
const OFFSETS = [
  ['5 min behind', -5 * MIN, 'Your clock is 5 min behind the server'],
  ['5 min ahead of', 5 * MIN, 'Your clock is 5 min ahead of the server'],
  ['1 h behind', -HOUR, 'Your clock is 1 h behind the server'],
  ['1 h ahead of', HOUR, 'Your clock is 1 h ahead of the server'],
] as const

interface Asked {
  path: string
  /** The `to` the page asked for. */
  toMs: number
  /** The real time when the request left. */
  atMs: number
}

/** Every windowed API request the page makes, with the real time it was made at. */
function recordWindows(page: Page): Asked[] {
  const asked: Asked[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    const to = url.searchParams.get('to')
    if (url.pathname.startsWith('/api/') && to !== null) asked.push({ path: url.pathname, toMs: Date.parse(to), atMs: Date.now() })
  })
  return asked
}

/** A page whose clock is `offsetMs` off the real time, on the real server. */
async function skewedPage(offsetMs: number): Promise<Page> {
  const page = await newPage({ baseURL: server.baseURL })
  // install() fakes Date, timers and performance, and lets time flow from there.
  await page.clock.install({ time: Date.now() + offsetMs })
  return page
}

/** An age as the page prints it, as the range of ages (ms) the words cover. */
function ageRange(text: string): [number, number] | null {
  if (text === 'just now') return [-5_000, 10_000]
  const units: Record<string, number> = { s: 1000, min: MIN, h: HOUR, d: 24 * HOUR }
  const past = /^(\d+) (s|min|h|d) ago$/.exec(text)
  const future = /^in (\d+) (s|min|h|d) — clock ahead\?$/.exec(text)
  const match = past ?? future
  if (match === null) return null
  const unit = units[match[2] ?? ''] ?? NaN
  const low = Number(match[1]) * unit
  return past !== null ? [low, low + unit] : [-(low + unit), -low]
}

interface ShownTime {
  text: string
  dateTime: string
  title: string
}

async function shownTimes(page: Page): Promise<ShownTime[]> {
  return page.locator('time').evaluateAll((elements) =>
    elements.map((e) => ({ text: e.textContent.trim(), dateTime: e.getAttribute('datetime') ?? '', title: e.getAttribute('title') ?? '' })),
  )
}

/**
 * Every relative time on the page reads the age of its instant on the real clock, with the
 * exact time and zone on hover; none in the future reads "just now". Returns how many it checked.
 */
async function expectAgesOnRealClock(page: Page): Promise<number> {
  const times = await shownTimes(page)
  const now = Date.now()
  let checked = 0
  for (const time of times) {
    const range = ageRange(time.text)
    if (range === null) continue
    const at = Date.parse(time.dateTime)
    expect(Number.isNaN(at), `dateTime of "${time.text}"`).toBe(false)
    const ageMs = now - at
    const [low, high] = range
    expect(ageMs, `"${time.text}" for ${time.dateTime} at ${new Date(now).toISOString()}`).toBeGreaterThanOrEqual(low - CLOCK_SLACK_MS)
    expect(ageMs, `"${time.text}" for ${time.dateTime} at ${new Date(now).toISOString()}`).toBeLessThan(high + AGE_SLACK_MS)
    if (at > now + 5_000 + CLOCK_SLACK_MS) expect(time.text).not.toBe('just now')
    expect(time.title).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d$/)
    checked++
  }
  return checked
}

/** The last request for `path` asked up to the real time it was made at. */
function expectAskedUpToNow(asked: readonly Asked[], path: string): void {
  const last = asked.filter((a) => a.path === path).at(-1)
  expect(last, `a request to ${path}`).toBeDefined()
  if (last === undefined) return
  expect(Math.abs(last.toMs - last.atMs), `${path} asked up to ${new Date(last.toMs).toISOString()}`).toBeLessThan(CLOCK_SLACK_MS)
}

test.each(OFFSETS)('a browser %s the real time: windows, ages and notes are on the server\'s clock', async (_, offsetMs, note) => {
  const page = await skewedPage(offsetMs)
  const asked = recordWindows(page)
  const metricAnswers: { to: string; series: { values: (number | null)[]; from: string; step: number }[] }[] = []
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname !== '/api/metrics' || response.status() !== 200) return
    metricAnswers.push((await response.json()) as (typeof metricAnswers)[number])
  })

  // ---- the Overview
  await page.goto('/')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(LOAD)
  await page.getByRole('banner').getByText(note).waitFor(LOAD)
  const curve = page.getByRole('figure', { name: /STT latency/ }).locator('path.line-chart-series').first()
  await curve.waitFor({ state: 'attached', ...LOAD })
  await expect.poll(async () => (await curve.getAttribute('d')) ?? '', LOAD).toMatch(/^M\s*[\d.-]/)
  // The answer drawn is the last one in: its last sample is the real now (10 s steps).
  await expect.poll(() => metricAnswers.length, LOAD).toBeGreaterThan(0)
  const drawn = metricAnswers.at(-1)
  expect(drawn).toBeDefined()
  const stt = drawn?.series[0]
  expect(stt).toBeDefined()
  if (stt !== undefined) {
    const lastSampleMs = Date.parse(stt.from) + (stt.values.length - 1) * stt.step * 1000
    expect(Date.now() - lastSampleMs, `last sample at ${new Date(lastSampleMs).toISOString()}`).toBeLessThan(20_000 + CLOCK_SLACK_MS)
    expect(Date.now() - lastSampleMs).toBeGreaterThan(-CLOCK_SLACK_MS)
    expect(stt.values.at(-1)).not.toBeNull()
    expect(stt.values.length).toBeGreaterThanOrEqual(360)
  }
  expectAskedUpToNow(asked, '/api/metrics')
  await page.getByText(/^Checked just now$/).waitFor(LOAD)
  // The outage's alerts, firing for some minutes.
  await page.locator('time').filter({ hasText: / ago$/ }).first().waitFor(LOAD)
  expect(await expectAgesOnRealClock(page)).toBeGreaterThan(1)

  // ---- /alerts: history, errors, logs
  await page.goto('/alerts')
  await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor(LOAD)
  await page.getByText(/^Evaluated just now$/).waitFor(LOAD)
  const logTimes = page.getByRole('list', { name: 'Log lines' }).locator('time')
  await logTimes.first().waitFor(LOAD)
  await expect.poll(() => asked.filter((a) => a.path === '/api/errors').length, LOAD).toBeGreaterThan(0)
  await expect.poll(() => asked.filter((a) => a.path === '/api/alerts/history').length, LOAD).toBeGreaterThan(0)
  expectAskedUpToNow(asked, '/api/errors')
  expectAskedUpToNow(asked, '/api/alerts/history')
  const logs = await logTimes.evaluateAll((elements) => elements.map((e) => ({ text: e.textContent, dateTime: e.getAttribute('datetime') ?? '' })))
  const newest = Math.max(...logs.map((l) => Date.parse(l.dateTime)))
  expect(Date.now() - newest, 'the newest log line is recent on the real clock').toBeLessThan(5 * MIN)
  expect(newest).toBeLessThan(Date.now() + CLOCK_SLACK_MS)
  for (const line of logs) expect(line.text).toMatch(/^\d\d:\d\d:\d\d$/)
  expect(await expectAgesOnRealClock(page)).toBeGreaterThan(1)

  // ---- the wall
  await page.goto('/wall')
  await page.getByRole('heading', { level: 1, name: 'War room' }).waitFor(LOAD)
  await page.getByText(note).waitFor(LOAD)
  const serverClock = page.getByText('Server time', { exact: true }).locator('xpath=..').locator('time')
  const shownAt = Date.parse((await serverClock.getAttribute('datetime')) ?? '')
  expect(Math.abs(shownAt - Date.now()), 'the wall clock reads the real time').toBeLessThan(CLOCK_SLACK_MS + 1_000)
  const lastRefresh = page.getByText(/^Last refresh/).locator('time')
  await lastRefresh.waitFor(LOAD)
  const refreshedAt = Date.parse((await lastRefresh.getAttribute('datetime')) ?? '')
  expect(Math.abs(Date.now() - refreshedAt), 'the last refresh, on the real clock').toBeLessThan(MIN)
})

test('a browser within a few seconds of the server shows no note', async () => {
  const page = await skewedPage(3_000)
  await page.goto('/')
  await page.getByText(/^Checked just now$/).waitFor(LOAD)
  expect(await page.getByText(/^Your clock is/).count()).toBe(0)
})

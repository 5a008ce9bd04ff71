import { boundOf, noteServerDate, onServerTime, resetServerSkew, serverNow, serverSkewMs, within } from './server-time'

const T = Date.parse('2026-11-27T10:00:00.000Z')
const MIN = 60_000
const HOUR = 60 * MIN
/** A Date header for the server's clock `skewMs` off the browser's T (the header drops the milliseconds). */
const header = (skewMs: number) => new Date(T + skewMs).toUTCString()

test('no response yet: the server is taken to agree with the browser', () => {
  expect(serverSkewMs()).toBe(0)
  expect(serverNow(T)).toBe(T)
})

test('a quick answer whose Date is 5 min ahead puts the server 5 min ahead, and serverNow with it', () => {
  noteServerDate(header(5 * MIN), T + 40, T)
  expect(serverSkewMs()).toBe(5 * MIN - 40)
  expect(serverNow(T)).toBe(T + 5 * MIN - 40)
})

test('a skew under a second is the header\'s resolution, not a skew', () => {
  // The server is between 0.4 s and 1.4 s behind: the estimate moves to -0.4 s, which reads as none.
  noteServerDate(header(-1_000), T + 400)
  expect(serverSkewMs()).toBe(0)
  expect(serverNow(T)).toBe(T)
})

test('missing or unreadable headers change nothing', () => {
  noteServerDate(null, T)
  noteServerDate('yesterday-ish', T)
  expect(serverSkewMs()).toBe(0)
})

test('the Date header bounds the skew by when the request left and the answer came', () => {
  // Stamped 10:00:00.xxx on the server, between 10:00:03 and 10:00:05 on the browser.
  expect(boundOf(header(0), T + 3_000, T + 5_000)).toEqual({ lowMs: -5_000, highMs: -2_000 })
})

test('a slow answer cannot invent a skew: the clocks are taken to agree while the bound allows it', () => {
  // The answer took 9 s; its Date is from when the request left.
  noteServerDate(header(0), T + 9_000, T)
  expect(serverSkewMs()).toBe(0)
})

test('the estimate moves only as far as each bound needs, so it does not wobble', () => {
  const estimate = { skewMs: 5 * MIN }
  expect(within(estimate, { lowMs: 5 * MIN - 800, highMs: 5 * MIN + 200 })).toBe(estimate)
  expect(within(estimate, { lowMs: 5 * MIN + 300, highMs: 5 * MIN + 1_300 })).toEqual({ skewMs: 5 * MIN + 300 })
})

test('a browser clock changed by an hour moves the estimate at the next answer', () => {
  noteServerDate(header(0), T)
  noteServerDate(header(HOUR), T)
  expect(serverSkewMs()).toBe(HOUR)
})

test("a window computed before the skew was known is asked again on the server's clock", async () => {
  vi.useFakeTimers({ now: T })
  try {
    const asked: number[] = []
    const answer = await onServerTime((nowMs) => {
      asked.push(nowMs)
      // The first answer teaches the skew: the server is an hour ahead.
      if (asked.length === 1) noteServerDate(header(HOUR), T)
      return Promise.resolve(`answer ${asked.length}`)
    })
    expect(asked).toEqual([T, T + HOUR])
    expect(answer).toBe('answer 2')
  } finally {
    vi.useRealTimers()
  }
})

test('once the skew is known, a window is asked once', async () => {
  vi.useFakeTimers({ now: T })
  try {
    noteServerDate(header(-5 * MIN), T)
    const asked: number[] = []
    await onServerTime((nowMs) => {
      asked.push(nowMs)
      noteServerDate(header(-5 * MIN), T)
      return Promise.resolve(null)
    })
    expect(asked).toEqual([T - 5 * MIN + 1_000])
  } finally {
    vi.useRealTimers()
  }
})

test('resetServerSkew forgets the estimate', () => {
  noteServerDate(header(HOUR), T)
  resetServerSkew()
  expect(serverSkewMs()).toBe(0)
})

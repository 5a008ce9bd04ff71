import { act, render, screen } from '@testing-library/react'
import { noteServerDate } from '@/api/server-time'
import { RelativeTime } from './relative-time'

const T = new Date(2026, 10, 27, 14, 10, 0).getTime()
const MIN = 60_000

beforeEach(() => {
  vi.useFakeTimers({ now: T })
})

afterEach(() => {
  vi.useRealTimers()
})

test('a relative time carries the exact time and zone on hover and the instant in dateTime, and ticks', () => {
  const at = new Date(2026, 10, 27, 14, 8, 30).getTime()
  render(<RelativeTime at={at} />)
  const time = screen.getByText('1 min ago')
  expect(time.tagName).toBe('TIME')
  // The viewer's zone: "UTC+00:00" on a machine in UTC, "UTC+01:00" in Berlin.
  expect(time).toHaveAttribute('title', expect.stringMatching(/^2026-11-27 14:08:30 UTC[+-]\d\d:\d\d$/))
  expect(time).toHaveAttribute('dateTime', new Date(at).toISOString())

  act(() => {
    vi.advanceTimersByTime(31_000)
  })
  expect(time).toHaveTextContent('2 min ago')
})

test('a time more than 5 s in the future is flagged, never "just now"', () => {
  render(
    <>
      <RelativeTime at={T + 3 * MIN} />
      <RelativeTime at={T + 3_000} />
    </>,
  )
  expect(screen.getByText('in 3 min — clock ahead?')).toHaveAttribute('dateTime', new Date(T + 3 * MIN).toISOString())
  // A few seconds ahead is clocks and network disagreeing.
  expect(screen.getByText('just now')).toHaveAttribute('dateTime', new Date(T + 3_000).toISOString())
})

test("ages count from the server's now, not the browser's", () => {
  // The server is 10 min ahead of this browser: what it stamped 4 min ago is 6 min in the browser's future.
  noteServerDate(new Date(T + 10 * MIN).toUTCString(), T)
  render(<RelativeTime at={T + 6 * MIN} />)
  expect(screen.getByText('4 min ago')).toBeInTheDocument()
})

test('an age already on screen is corrected as soon as a response tells the skew, without waiting for a tick', () => {
  render(<RelativeTime at={T - 2 * MIN} tickMs={60_000} />)
  const time = screen.getByText('2 min ago')
  // The first answer: the server is an hour behind this browser.
  act(() => {
    noteServerDate(new Date(T - 60 * MIN).toUTCString(), T)
  })
  expect(time).toHaveTextContent('in 57 min — clock ahead?')
})

test('a timestamp that did not parse shows a dash rather than throwing', () => {
  render(<RelativeTime at={Number.NaN} />)
  expect(screen.getByText('—')).toBeInTheDocument()
})

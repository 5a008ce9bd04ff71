import { act, render, screen } from '@testing-library/react'
import { noteServerDate } from '@/api/server-time'
import { ResponseClock } from './response-clock'

const T = Date.parse('2026-11-27T10:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

afterEach(() => {
  vi.useRealTimers()
})

test('a P1 counts down each second, then shows the breach in words with the word BREACHED announced', () => {
  vi.useFakeTimers({ now: T })
  render(<ResponseClock incident={{ severity: 'P1', declaredAt: iso(T - 4 * 60_000 - 55_000), acknowledgedAt: null }} />)
  expect(screen.getByRole('timer')).toHaveTextContent('Acknowledge within 0:05')
  expect(screen.getByRole('status')).toHaveTextContent('Awaiting acknowledgement')

  act(() => {
    vi.advanceTimersByTime(1_000)
  })
  expect(screen.getByRole('timer')).toHaveTextContent('Acknowledge within 0:04')

  act(() => {
    vi.advanceTimersByTime(134_000)
  })
  expect(screen.getByRole('timer')).toHaveTextContent('Response time breached by 2:10')
  expect(screen.getByRole('status')).toHaveTextContent('BREACHED')
})

test('an acknowledgement in time stops the clock; a late one keeps the breach on record', () => {
  vi.useFakeTimers({ now: T })
  const { rerender } = render(<ResponseClock incident={{ severity: 'P2', declaredAt: iso(T - 10 * 60_000), acknowledgedAt: iso(T - 7 * 60_000) }} />)
  expect(screen.getByRole('timer')).toHaveTextContent('Acknowledged in 3 min')
  expect(screen.getByRole('status')).toHaveTextContent('Response time met')

  rerender(<ResponseClock incident={{ severity: 'P1', declaredAt: iso(T - 10 * 60_000), acknowledgedAt: iso(T - 3 * 60_000) }} />)
  expect(screen.getByRole('timer')).toHaveTextContent('Acknowledged in 7 min — response time breached by 2:00')
  expect(screen.getByRole('status')).toHaveTextContent('BREACHED')
})

test("the clock runs on the server's time, learnt from its Date header", () => {
  vi.useFakeTimers({ now: T })
  // The server is 2 minutes ahead of this browser.
  noteServerDate(new Date(T + 2 * 60_000).toUTCString(), T)
  render(<ResponseClock incident={{ severity: 'P1', declaredAt: iso(T), acknowledgedAt: null }} />)
  // 5 min budget − (2 min skew + half a second for the header's truncation), rounded up.
  expect(screen.getByRole('timer')).toHaveTextContent('Acknowledge within 3:00')
})

test('a tab brought back to the front shows the right time at once, without waiting for a throttled tick', () => {
  vi.useFakeTimers({ now: T })
  render(<ResponseClock incident={{ severity: 'P1', declaredAt: iso(T), acknowledgedAt: null }} />)
  expect(screen.getByRole('timer')).toHaveTextContent('Acknowledge within 5:00')

  // A background tab: the clock moved on but no timer fired.
  vi.setSystemTime(T + 6 * 60_000)
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible')
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'))
  })
  expect(screen.getByRole('timer')).toHaveTextContent('Response time breached by 1:00')
  visibility.mockRestore()
})

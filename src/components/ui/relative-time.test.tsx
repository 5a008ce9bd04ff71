import { act, render, screen } from '@testing-library/react'
import { RelativeTime } from './relative-time'

test('a relative time carries the exact time on hover and in dateTime, and ticks', () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 27, 14, 10, 0) })
  try {
    const at = new Date(2026, 10, 27, 14, 8, 30).getTime()
    render(<RelativeTime at={at} />)
    const time = screen.getByText('1 min ago')
    expect(time).toHaveAttribute('title', '2026-11-27 14:08:30')
    expect(time).toHaveAttribute('dateTime', new Date(at).toISOString())

    act(() => {
      vi.advanceTimersByTime(31_000)
    })
    expect(time).toHaveTextContent('2 min ago')
  } finally {
    vi.useRealTimers()
  }
})

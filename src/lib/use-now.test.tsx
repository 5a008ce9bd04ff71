import { act, render, screen } from '@testing-library/react'
import { useNow } from './use-now'

function Clock({ label, intervalMs }: { label: string; intervalMs: number }) {
  const now = useNow(intervalMs)
  return <p>{`${label} ${now}`}</p>
}

test('clocks with the same period tick together, once per period', () => {
  vi.useFakeTimers({ now: 1_000_000 })
  try {
    render(
      <>
        <Clock label="a" intervalMs={1000} />
        <Clock label="b" intervalMs={1000} />
        <Clock label="slow" intervalMs={10_000} />
      </>,
    )
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    expect(screen.getByText('a 1001000')).toBeInTheDocument()
    expect(screen.getByText('b 1001000')).toBeInTheDocument()
    expect(screen.getByText('slow 1000000')).toBeInTheDocument()

    act(() => {
      vi.advanceTimersByTime(9000)
    })
    expect(screen.getByText('slow 1010000')).toBeInTheDocument()
  } finally {
    vi.useRealTimers()
  }
})

test('the timer stops when the last clock unmounts', () => {
  vi.useFakeTimers()
  try {
    const { unmount } = render(<Clock label="a" intervalMs={1000} />)
    expect(vi.getTimerCount()).toBe(1)
    unmount()
    expect(vi.getTimerCount()).toBe(0)
  } finally {
    vi.useRealTimers()
  }
})

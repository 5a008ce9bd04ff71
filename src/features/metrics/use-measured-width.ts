import { useCallback, useState, type RefCallback } from 'react'

/**
 * The rendered width of an element, or null until it has been measured. Unlike a
 * width with a fallback, null lets a caller wait for the real size before it fetches,
 * so a chart is not fetched twice (once for the guess, once for the truth). Where
 * nothing has layout (jsdom) the width is `fallback`.
 */
export function useMeasuredWidth<T extends HTMLElement>(fallback: number): [RefCallback<T>, number | null] {
  const [width, setWidth] = useState<number | null>(null)
  const ref = useCallback(
    (element: T | null) => {
      if (element === null) return
      const measured = Math.floor(element.getBoundingClientRect().width)
      setWidth(measured > 0 ? measured : fallback)
      if (typeof ResizeObserver === 'undefined') return
      const observer = new ResizeObserver((entries) => {
        const w = Math.floor(entries[0]?.contentRect.width ?? 0)
        if (w > 0) setWidth(w)
      })
      observer.observe(element)
      return () => {
        observer.disconnect()
      }
    },
    [fallback],
  )
  return [ref, width]
}

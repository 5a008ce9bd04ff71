import { useCallback, useState, type RefCallback } from 'react'

/**
 * How many equal rows of a list fit its box: the list is given a height by its layout
 * (flex-1, min-h-0), its first row is measured, and the count follows resizes (a
 * takeover banner taking room, a bigger screen). Rows that do not fit are left out
 * and counted by the caller ("+3 more") instead of being clipped silently. Without
 * layout (jsdom) or before the first row is there, it is `max`.
 */
export function useFittingCount<T extends HTMLElement>(max: number): [RefCallback<T>, number] {
  const [count, setCount] = useState(max)
  const ref = useCallback(
    (list: T | null) => {
      if (list === null || typeof ResizeObserver === 'undefined') return
      const fit = () => {
        const row = list.firstElementChild
        const available = list.clientHeight
        if (!(row instanceof HTMLElement) || row.offsetHeight <= 0 || available <= 0) return
        const gap = Number.parseFloat(getComputedStyle(list).rowGap) || 0
        const fits = Math.floor((available + gap) / (row.offsetHeight + gap))
        const next = Math.max(1, Math.min(max, fits))
        setCount((current) => (current === next ? current : next))
      }
      fit()
      const observer = new ResizeObserver(fit)
      observer.observe(list)
      return () => {
        observer.disconnect()
      }
    },
    [max],
  )
  return [ref, count]
}

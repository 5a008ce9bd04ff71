import { useCallback, useState, type RefCallback } from 'react'

/**
 * The rendered width of an element, following resizes. Until it has been measured
 * (and in environments without layout, like jsdom) it is `fallback`, so a chart
 * always has a size to draw at.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefCallback<T>, number] {
  const [measured, setMeasured] = useState(0)
  const ref = useCallback((element: T | null) => {
    if (element === null) return
    setMeasured(Math.floor(element.getBoundingClientRect().width))
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0]
      if (entry) setMeasured(Math.floor(entry.contentRect.width))
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
    }
  }, [])
  return [ref, measured > 0 ? measured : fallback]
}

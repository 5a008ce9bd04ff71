import { useCallback, useLayoutEffect, useRef, useState, type RefCallback } from 'react'

/**
 * Sizes a chart's plot so the whole chart (caption, plot, legend, threshold text)
 * fills its container exactly: the plot gets the container's height minus what the
 * rest of the chart takes. The container's first child is the chart. Until measured
 * (and in jsdom, which has no layout) the plot is `fallback` high.
 */
export function useFitHeight<T extends HTMLElement>(fallback: number, min = 60): [RefCallback<T>, number] {
  const [height, setHeight] = useState(fallback)
  // The height the DOM was last laid out with: measurements pair with it, not with a pending state.
  const rendered = useRef(height)
  useLayoutEffect(() => {
    rendered.current = height
  }, [height])

  const ref = useCallback(
    (container: T | null) => {
      if (container === null || typeof ResizeObserver === 'undefined') return
      const fit = () => {
        const chart = container.firstElementChild
        const available = container.clientHeight
        if (!(chart instanceof HTMLElement) || available <= 0) return
        const rest = chart.offsetHeight - rendered.current
        const next = Math.max(min, Math.floor(available - rest))
        if (Math.abs(next - rendered.current) >= 2) setHeight(next)
      }
      const observer = new ResizeObserver(fit)
      observer.observe(container)
      if (container.firstElementChild !== null) observer.observe(container.firstElementChild)
      return () => {
        observer.disconnect()
      }
    },
    [min],
  )
  return [ref, height]
}

import { useCallback, useState, type RefCallback } from 'react'

/**
 * Sizes a chart's plot so the whole chart (caption, plot, legend, threshold text)
 * fills its container exactly: the plot gets the container's height minus what the
 * rest of the chart takes. The container's first child is the chart. Until measured
 * (and in jsdom, which has no layout) the plot is `fallback` high.
 */
export function useFitHeight<T extends HTMLElement>(fallback: number, min = 60): [RefCallback<T>, number] {
  const [height, setHeight] = useState(fallback)
  const ref = useCallback(
    (container: T | null) => {
      if (container === null || typeof ResizeObserver === 'undefined') return
      const fit = () => {
        const chart = container.firstElementChild
        const available = container.clientHeight
        if (!(chart instanceof HTMLElement) || available <= 0) return
        setHeight((plot) => {
          const rest = chart.offsetHeight - plot
          const next = Math.max(min, Math.floor(available - rest))
          return Math.abs(next - plot) < 2 ? plot : next
        })
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

import type { MetricProblem } from '@/api/schemas'

export interface MetricProblemListProps {
  problems: readonly MetricProblem[]
  className?: string
}

/**
 * Under a chart: why some of its lines are missing, gappy or coarser than asked, in the
 * backend's words (each names its metric: "stt.up: Prometheus refused the query — …").
 * Renders nothing when there is nothing to say.
 */
export function MetricProblemList({ problems, className = 'text-xs text-amber-900 dark:text-amber-200' }: MetricProblemListProps) {
  if (problems.length === 0) return null
  return (
    <ul aria-label="Data problems" className={`flex flex-col gap-0.5 ${className}`}>
      {problems.map((p, i) => (
        <li key={`${p.metric}-${i}`} className="break-words">
          {p.message}
        </li>
      ))}
    </ul>
  )
}

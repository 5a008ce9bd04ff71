import { memo, useId, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { MetricWindow } from '@/api/metrics'
import { logQueries } from '@/api/logs'
import type { ErrorGroupsResponse } from '@/api/schemas'
import { formatCount, formatRatio } from '@/domain/format'
import { QueryPanel, Skeleton } from '@/components/ui/panel'
import { useElementWidth } from '@/lib/use-element-width'
import { componentLabel } from '@/domain/catalog'
import { summarizeErrors, type ErrorTypeRow } from './error-groups'
import { polling } from '@/api/refresh-schedule'

const REFRESH_MS = 30_000
const BAR_PX = 26
const TOP_N = 10

/**
 * "Group by error_type" from the runbook's high-error-rate playbook: the most frequent
 * error types per service over the range, as bars with count and share, and as a
 * table for screen readers.
 */
export function ErrorsByType({ window, rangeLabel }: { window: MetricWindow; rangeLabel: string }) {
  const query = useQuery({
    ...logQueries.errorsIn(window),
    ...polling(window.kind === 'relative' ? REFRESH_MS : false),
  })
  return (
    <QueryPanel title="Top error types" query={query} skeleton={<Skeleton rows={5} />}>
      {(data) => <ErrorsChart data={data} rangeLabel={rangeLabel} />}
    </QueryPanel>
  )
}

const ErrorsChart = memo(function ErrorsChart({ data, rangeLabel }: { data: ErrorGroupsResponse; rangeLabel: string }) {
  const summary = useMemo(() => summarizeErrors(data.groups, TOP_N), [data])
  const [measure, width] = useElementWidth<HTMLDivElement>(480)
  const captionId = useId()
  const summaryId = useId()
  const height = summary.top.length * BAR_PX + 24

  return (
    // No threshold applies to counts: the totals are the description, the table the detail.
    <figure aria-labelledby={captionId} aria-describedby={summaryId} className="flex min-w-0 flex-col gap-2">
      <figcaption id={captionId} className="text-sm font-semibold">
        Errors by type
      </figcaption>
      <p id={summaryId} className="text-xs text-zinc-600 dark:text-zinc-400">
        {formatCount(summary.total)} errors over {rangeLabel}
        {summary.byService.length > 0 &&
          `: ${summary.byService.map((s) => `${s.label} ${formatCount(s.count)}`).join(', ')}`}
        .
      </p>
      {summary.top.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">No errors in this range.</p>
      ) : (
        <>
          <div ref={measure} aria-hidden="true" className="w-full text-zinc-600 dark:text-zinc-400" style={{ height }}>
            <BarChart accessibilityLayer={false} width={width} height={height} data={summary.top} layout="vertical" margin={{ top: 0, right: 112, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
              <XAxis type="number" hide allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fill: 'currentColor', fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
              <Tooltip
                isAnimationActive={false}
                formatter={(value, _name, item) => {
                  const row = item.payload as ErrorTypeRow | undefined
                  return [`${formatCount(Number(value))} (${formatRatio(row?.share ?? 0)})`, 'Errors']
                }}
                contentStyle={{
                  background: 'var(--vigil-tooltip-bg)',
                  border: '1px solid var(--vigil-tooltip-border)',
                  color: 'var(--vigil-tooltip-fg)',
                  fontSize: 12,
                  borderRadius: 6,
                }}
              />
              <Bar dataKey="count" fill="#c2410c" isAnimationActive={false} barSize={16}>
                <LabelList
                  dataKey="count"
                  position="right"
                  fill="currentColor"
                  fontSize={11}
                  // A share depends only on the count, so the label needs no row lookup.
                  formatter={(value: unknown) => `${formatCount(Number(value))} · ${formatRatio(Number(value) / summary.total)}`}
                />
              </Bar>
            </BarChart>
          </div>
          <ErrorTable rows={summary.top} otherCount={summary.otherCount} total={summary.total} />
        </>
      )}
    </figure>
  )
})

function ErrorTable({ rows, otherCount, total }: { rows: readonly ErrorTypeRow[]; otherCount: number; total: number }) {
  return (
    <table className="sr-only">
      <caption>Errors by service and type, most frequent first</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Error type</th>
          <th scope="col">Count</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.service}:${r.errorType}`}>
            <td>{componentLabel(r.service)}</td>
            <td>{r.errorType}</td>
            <td>{formatCount(r.count)}</td>
            <td>{formatRatio(r.share)}</td>
          </tr>
        ))}
        {otherCount > 0 && (
          <tr>
            <td colSpan={2}>Other types</td>
            <td>{formatCount(otherCount)}</td>
            <td>{formatRatio(otherCount / total)}</td>
          </tr>
        )}
      </tbody>
    </table>
  )
}

/**
 * A chart said in one sentence, for those who cannot see it: each series' latest value
 * and where it stands against the runbook's thresholds. Pure, so every wording is
 * table-tested; the charts put it in their figure's accessible description.
 */
import { sampleTime } from '@/domain/time-grid'
import type { Comparator } from '@/domain/alert-rules'
import type { ChartSeries, ChartThreshold } from './chart-data'

export interface TextAlternativeInput {
  series: readonly Pick<ChartSeries, 'label' | 'data'>[]
  thresholds: readonly ChartThreshold[]
  /** A value in the chart's unit: "1.2 s", "12 %". */
  format: (value: number) => string
  /** The time of a value that is not the latest sample: "14:03". */
  formatTime: (ms: number) => string
}

export const NO_DATA_TEXT = 'No data in this range.'

/** Whether `value` is past the threshold the way its rule compares (`>` unless it says otherwise). */
export function crosses(value: number, threshold: Pick<ChartThreshold, 'value' | 'comparator'>): boolean {
  const comparator: Comparator = threshold.comparator ?? '>'
  if (comparator === '>') return value > threshold.value
  if (comparator === '>=') return value >= threshold.value
  return value === threshold.value
}

const SEVERITY_ORDER: Record<ChartThreshold['severity'], number> = { warning: 0, critical: 1 }

const CROSSED_WORDS: Record<Comparator, string> = { '>': 'above', '>=': 'at or above', '==': 'at' }

/** "above the 3 s warning threshold", "below the 5 % warning threshold", or null without thresholds. */
function standing(value: number, thresholds: readonly ChartThreshold[], format: (value: number) => string): string | null {
  let worst: ChartThreshold | undefined
  let lowest: ChartThreshold | undefined
  for (const t of thresholds) {
    if (crosses(value, t) && (worst === undefined || SEVERITY_ORDER[t.severity] > SEVERITY_ORDER[worst.severity] || (t.severity === worst.severity && t.value > worst.value))) {
      worst = t
    }
    if (lowest === undefined || t.value < lowest.value) lowest = t
  }
  if (worst !== undefined) return `${CROSSED_WORDS[worst.comparator ?? '>']} the ${format(worst.value)} ${worst.severity} threshold`
  if (lowest === undefined) return null
  // An "equals" rule (down = 0) has no below: the value is simply clear of it.
  if ((lowest.comparator ?? '>') === '==') return 'within its thresholds'
  if (value === lowest.value) return `at the ${format(lowest.value)} ${lowest.severity} threshold, not above it`
  return `below the ${format(lowest.value)} ${lowest.severity} threshold`
}

/**
 * "P50 now 410 ms; P95 now 3.4 s, above the 3 s warning threshold." A series whose
 * latest samples are gaps gives its last value and when; one with none says so; a chart
 * with no value at all says only that. A threshold applies to the series it names
 * (`series`), or to every series when it names none.
 */
export function chartTextAlternative({ series, thresholds, format, formatTime }: TextAlternativeInput): string {
  const parts: string[] = []
  let anyValue = false
  for (const { label, data } of series) {
    let at = data.values.length - 1
    while (at >= 0 && data.values[at] == null) at--
    const latest = data.values[at]
    if (latest == null) {
      parts.push(`${label} no data`)
      continue
    }
    anyValue = true
    const when = at === data.values.length - 1 ? `now ${format(latest)}` : `last ${format(latest)} at ${formatTime(sampleTime(data.fromMs, data.stepS, at))}`
    const applying = thresholds.filter((t) => t.series === undefined || t.series.includes(label))
    const stands = standing(latest, applying, format)
    parts.push(stands === null ? `${label} ${when}` : `${label} ${when}, ${stands}`)
  }
  return anyValue ? `${parts.join('; ')}.` : NO_DATA_TEXT
}

import { formatValue } from '@/domain/format'
import type { ChartSeries, ChartThreshold } from './chart-data'
import { chartTextAlternative, crosses, NO_DATA_TEXT } from './text-alternative'

const T0 = Date.UTC(2026, 10, 27, 14, 0)
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16)
const ms = (v: number) => formatValue('ms', v)
const pct = (v: number) => formatValue('ratio', v)

const line = (label: string, values: (number | null)[]): Pick<ChartSeries, 'label' | 'data'> => ({ label, data: { fromMs: T0, stepS: 60, values } })

const p95Warning: ChartThreshold = { value: 3000, severity: 'warning', label: 'P95 warning: > 3 s for 1 min', comparator: '>', series: ['P95'] }
const errorWarning: ChartThreshold = { value: 0.05, severity: 'warning', label: 'Warning: > 5 % for 15 min' }
const errorCritical: ChartThreshold = { value: 0.1, severity: 'critical', label: 'Critical: > 10 % for 5 min' }
const quota: ChartThreshold = { value: 1, severity: 'critical', label: 'Critical: ≥ 100 %', comparator: '>=' }
const down: ChartThreshold = { value: 0, severity: 'critical', label: 'Critical: down for 1 min', comparator: '==' }

test.each<[string, Pick<ChartSeries, 'label' | 'data'>[], ChartThreshold[], (v: number) => string, string]>([
  ['latency over its threshold', [line('P95', [900, 3400])], [p95Warning], ms, 'P95 now 3.4 s, above the 3 s warning threshold.'],
  ['latency under it', [line('P95', [900, 1200])], [p95Warning], ms, 'P95 now 1.2 s, below the 3 s warning threshold.'],
  ['exactly on a ">" threshold is not over it', [line('P95', [3000])], [p95Warning], ms, 'P95 now 3 s, at the 3 s warning threshold, not above it.'],
  [
    'a threshold for P95 says nothing about P50',
    [line('P50', [400, 410]), line('P95', [600, 3200])],
    [p95Warning],
    ms,
    'P50 now 410 ms; P95 now 3.2 s, above the 3 s warning threshold.',
  ],
  ['past the warning only', [line('Error rate', [0.07])], [errorWarning, errorCritical], pct, 'Error rate now 7 %, above the 5 % warning threshold.'],
  ['past both: the critical one is named', [line('Error rate', [0.12])], [errorWarning, errorCritical], pct, 'Error rate now 12 %, above the 10 % critical threshold.'],
  ['under both: the lowest is named', [line('Error rate', [0.01])], [errorCritical, errorWarning], pct, 'Error rate now 1 %, below the 5 % warning threshold.'],
  ['a ">=" threshold is crossed when reached', [line('OpenAI', [1])], [quota], pct, 'OpenAI now 100 %, at or above the 100 % critical threshold.'],
  ['down is "at" the down threshold', [line('Voice agent', [1, 0])], [down], pct, 'Voice agent now 0 %, at the 0 % critical threshold.'],
  ['up is within it', [line('Voice agent', [1])], [down], pct, 'Voice agent now 100 %, within its thresholds.'],
  ['no thresholds: the value alone', [line('STT', [12.5])], [], (v) => formatValue('rps', v), 'STT now 12.5 req/s.'],
  [
    'a series whose latest samples are gaps gives its last value and when',
    [line('P95', [600, 3400, null, null])],
    [p95Warning],
    ms,
    'P95 last 3.4 s at 14:01, above the 3 s warning threshold.',
  ],
  ['the first series stale, the second current', [line('P50', [400, null]), line('P95', [600, 640])], [], ms, 'P50 last 400 ms at 14:00; P95 now 640 ms.'],
  ['a series with no value says so beside the others', [line('P50', [null]), line('P95', [600])], [p95Warning], ms, 'P50 no data; P95 now 600 ms, below the 3 s warning threshold.'],
  ['nothing at all in the range', [line('P50', [null, null]), line('P95', [])], [p95Warning], ms, NO_DATA_TEXT],
  ['no series', [], [p95Warning], ms, NO_DATA_TEXT],
])('%s', (_, series, thresholds, format, expected) => {
  expect(chartTextAlternative({ series, thresholds, format, formatTime: hhmm })).toBe(expected)
})

test.each<[number, ChartThreshold['comparator'], number, boolean]>([
  [3001, '>', 3000, true],
  [3000, '>', 3000, false],
  [3000, undefined, 3000, false],
  [1, '>=', 1, true],
  [0.99, '>=', 1, false],
  [0, '==', 0, true],
  [0.5, '==', 0, false],
])('%d %s %d crosses: %s', (value, comparator, threshold, expected) => {
  expect(crosses(value, { value: threshold, comparator })).toBe(expected)
})

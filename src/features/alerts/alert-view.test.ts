import type { Alert, AlertSpan } from '@/api/schemas'
import { formatClockTime } from '@/lib/format-time'
import {
  alertDestination,
  conditionText,
  DEFAULT_ALERT_FILTERS,
  describeSpan,
  filterAlerts,
  groupAlerts,
  historyByAlert,
  parseAlertFilters,
  playbookTitle,
  stripSegments,
  writeAlertFilters,
} from './alert-view'

const T0 = new Date(2026, 10, 27, 10, 0).getTime()
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

function alert(partial: Partial<Alert> & Pick<Alert, 'id'>): Alert {
  return {
    ruleId: 'error-rate-critical',
    name: partial.id,
    severity: 'critical',
    subject: 'stt',
    state: 'inactive',
    value: 0.01,
    threshold: 0.1,
    since: null,
    summary: '',
    playbook: 'high-error-rate',
    metric: 'stt.error_rate',
    ...partial,
  }
}

test.each([
  ['', DEFAULT_ALERT_FILTERS],
  ['state=firing&severity=critical', { state: 'firing', severity: 'critical' }],
  ['state=nodata', { state: 'nodata', severity: 'all' }],
  ['state=burning&severity=P1', DEFAULT_ALERT_FILTERS],
] as const)('?%s reads as the expected filter', (query, expected) => {
  expect(parseAlertFilters(new URLSearchParams(query))).toEqual(expected)
})

test('writing the filter keeps the range and leaves "all" out', () => {
  const params = new URLSearchParams('range=6h&state=pending')
  expect(writeAlertFilters(params, { state: 'all', severity: 'warning' }).toString()).toBe('range=6h&severity=warning')
})

test('firing comes first, then pending, then the rest; critical first, then the longest-running', () => {
  const alerts = [
    alert({ id: 'a', state: 'inactive' }),
    alert({ id: 'b', state: 'firing', severity: 'warning', since: iso(T0) }),
    alert({ id: 'c', state: 'firing', since: iso(T0 + 5 * MIN) }),
    alert({ id: 'd', state: 'firing', since: iso(T0) }),
    alert({ id: 'e', state: 'pending' }),
    alert({ id: 'f', state: 'nodata' }),
  ]
  const groups = groupAlerts(alerts)
  expect(groups.firing.map((a) => a.id)).toEqual(['d', 'c', 'b'])
  expect(groups.pending.map((a) => a.id)).toEqual(['e'])
  expect(groups.rest.map((a) => a.id)).toEqual(['f', 'a'])
  expect(filterAlerts(alerts, { state: 'firing', severity: 'critical' }).map((a) => a.id)).toEqual(['c', 'd'])
})

test('an alert in a state this version does not know is grouped apart: neither firing nor quiet, but listed', () => {
  const alerts = [
    alert({ id: 'a', state: 'firing' }),
    alert({ id: 'b', state: 'resolved', severity: 'warning' }),
    alert({ id: 'c', state: 'inactive' }),
    alert({ id: 'd', state: 'silenced' }),
  ]
  const groups = groupAlerts(alerts)
  expect(groups.firing.map((a) => a.id)).toEqual(['a'])
  expect(groups.pending).toEqual([])
  expect(groups.rest.map((a) => a.id)).toEqual(['c'])
  expect(groups.unknown.map((a) => a.id)).toEqual(['d', 'b'])
  // Only the "all" filter shows it: no state filter names a state we do not know.
  expect(filterAlerts(alerts, { state: 'all', severity: 'all' }).map((a) => a.id)).toContain('b')
  expect(filterAlerts(alerts, { state: 'inactive', severity: 'all' }).map((a) => a.id)).toEqual(['c'])
})

test('a known rule reads as its condition; an unknown one as the backend summary', () => {
  expect(conditionText({ ruleId: 'error-rate-critical', summary: '' })).toBe('Error rate above 10 % for 5 min')
  expect(conditionText({ ruleId: 'disk-full', summary: 'Disk 97 % full' })).toBe('Disk 97 % full')
  expect(playbookTitle('high-error-rate')).toBe('High Error Rate')
  expect(playbookTitle('disk-cleanup')).toBe('disk cleanup')
})

test.each([
  ['an alert an open incident handles opens that incident', 'high-error-rate', { id: 'INC-7' }, '/incidents/INC-7'],
  ['one nobody handles opens its playbook', 'high-error-rate', undefined, '/runbooks/high-error-rate'],
  ['one with neither opens its chart', null, undefined, '/metrics?range=1h#stt-error-rate'],
  ['the incident wins even without a playbook', null, { id: 'INC 8' }, '/incidents/INC%208'],
] as const)('Enter on a selected alert: %s', (_, playbook, handledBy, expected) => {
  expect(alertDestination(alert({ id: 'a', playbook }), handledBy, '/metrics?range=1h#stt-error-rate')).toBe(expected)
})

test('history spans are grouped per alert, oldest first, and laid on a strip', () => {
  const span = (alertId: string, state: AlertSpan['state'], from: number, to: number): AlertSpan => ({
    alertId,
    ruleId: 'r',
    subject: 's',
    state,
    from: iso(T0 + from * MIN),
    to: iso(T0 + to * MIN),
  })
  const byAlert = historyByAlert([span('x', 'firing', 30, 60), span('y', 'nodata', 0, 10), span('x', 'pending', 25, 30)])
  const x = byAlert.get('x') ?? []
  expect(x.map((s) => s.state)).toEqual(['pending', 'firing'])
  expect(stripSegments(x, T0, T0 + 100 * MIN)).toEqual([
    { state: 'pending', left: 25, width: 5 },
    { state: 'firing', left: 30, width: 30 },
  ])
  // Clipped to the window; a tiny span still shows.
  expect(stripSegments(x, T0 + 50 * MIN, T0 + 100 * MIN)).toEqual([{ state: 'firing', left: 0, width: 20 }])
  expect(stripSegments([{ state: 'firing', fromMs: T0, toMs: T0 + 1000 }], T0, T0 + 7 * 24 * 60 * MIN)).toEqual([
    { state: 'firing', left: 0, width: 0.4 },
  ])
  expect(stripSegments(x, T0, T0)).toEqual([])
})

test('a span reads as from–to, or "since" when it is still open at the window’s end', () => {
  const end = T0 + 60 * MIN
  expect(describeSpan({ state: 'firing', fromMs: T0 + 42 * MIN, toMs: T0 + 57 * MIN }, end, formatClockTime)).toBe('Firing 10:42–10:57')
  expect(describeSpan({ state: 'pending', fromMs: T0 + 42 * MIN, toMs: end - 10_000 }, end, formatClockTime)).toBe('Pending since 10:42')
  expect(describeSpan({ state: 'nodata', fromMs: T0, toMs: T0 + MIN }, end, formatClockTime)).toBe('No data 10:00–10:01')
})

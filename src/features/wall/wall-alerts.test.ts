import type { Alert } from '@/api/schemas'
import { activeAlerts, countAlerts } from './wall-alerts'

function alert(partial: Partial<Alert> & Pick<Alert, 'id'>): Alert {
  return {
    ruleId: 'latency-p95',
    name: 'STT P95 latency > 3 s',
    severity: 'warning',
    subject: 'stt',
    state: 'firing',
    value: 3500,
    threshold: 3000,
    since: '2026-11-27T10:00:00Z',
    summary: '',
    playbook: null,
    metric: 'stt.latency.p95',
    ...partial,
  }
}

test('firing before pending before no data; critical first; the longest-running first; inactive left out', () => {
  const alerts = [
    alert({ id: 'a', state: 'pending', severity: 'critical' }),
    alert({ id: 'b', state: 'firing', severity: 'warning', since: '2026-11-27T09:00:00Z' }),
    alert({ id: 'c', state: 'inactive' }),
    alert({ id: 'd', state: 'firing', severity: 'critical', since: '2026-11-27T10:30:00Z' }),
    alert({ id: 'e', state: 'nodata' }),
    alert({ id: 'f', state: 'firing', severity: 'warning', since: '2026-11-27T10:00:00Z' }),
  ]
  expect(activeAlerts(alerts).map((a) => a.id)).toEqual(['d', 'b', 'f', 'a', 'e'])
  expect(countAlerts(alerts)).toEqual({ firing: 3, pending: 1, nodata: 1 })
})

test('an alert in a state this version does not know is listed last, and counted neither firing nor pending', () => {
  const alerts = [
    alert({ id: 'a', state: 'resolved', severity: 'critical' }),
    alert({ id: 'b', state: 'nodata' }),
    alert({ id: 'c', state: 'firing' }),
    alert({ id: 'd', state: 'inactive' }),
  ]
  expect(activeAlerts(alerts).map((a) => a.id)).toEqual(['c', 'b', 'a'])
  expect(countAlerts(alerts)).toEqual({ firing: 1, pending: 0, nodata: 1 })
})

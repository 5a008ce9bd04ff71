import { ALERT_STATES, alertStateLabel, isKnownAlertState } from './alert-state'

test.each([
  ['firing', true, 'Firing'],
  ['pending', true, 'Pending'],
  ['inactive', true, 'Inactive'],
  ['nodata', true, 'No data'],
  ['resolved', false, 'resolved (unknown state)'],
  ['Firing', false, 'Firing (unknown state)'],
  ['toString', false, 'toString (unknown state)'],
  ['', false, ' (unknown state)'],
])('state %j: known %s, labelled %j', (state, known, label) => {
  expect(isKnownAlertState(state)).toBe(known)
  expect(alertStateLabel(state)).toBe(label)
})

test('the known states are exactly the engine’s four', () => {
  expect([...ALERT_STATES].sort()).toEqual(['firing', 'inactive', 'nodata', 'pending'])
})

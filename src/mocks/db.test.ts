import type { IncidentStatus } from '@/api/schemas'
import { checkIfMatch, emptyDb, insertIncident, patchIncident } from './db'

const NOW = Date.parse('2026-11-27T12:00:00Z')
const at = (ms: number) => new Date(ms).toISOString()

test.each([
  ['"3"', null],
  ['W/"3"', null],
  ['3', null],
  ['"1", "3"', null],
  ['*', null],
  ['"2"', 412],
  ['"three"', 412],
  ['', 428],
  [null, 428],
] as const)('If-Match %j against version 3 → %s', (header, expected) => {
  const incident = insertIncident(emptyDb(), { version: 3 }, NOW)
  expect(checkIfMatch(incident, header)?.status ?? null).toBe(expected)
})

test.each<[IncidentStatus, IncidentStatus, number | 'ok']>([
  ['investigating', 'identified', 'ok'],
  ['investigating', 'mitigated', 'ok'],
  ['investigating', 'closed', 409],
  ['identified', 'investigating', 'ok'],
  ['mitigated', 'identified', 409],
  ['resolved', 'closed', 'ok'],
  ['closed', 'resolved', 409],
  ['closed', 'investigating', 'ok'],
])('%s → %s: %s', (from, to, expected) => {
  const db = emptyDb()
  const incident = insertIncident(db, { status: from, rootCause: 'quota', resolution: 'new key' }, NOW)
  const result = patchIncident(db, incident.id, '"1"', { status: to }, NOW)
  expect(result.ok ? 'ok' : result.status).toBe(expected)
})

test('a refused change leaves the incident untouched, even its other fields', () => {
  const db = emptyDb()
  const incident = insertIncident(db, { title: 'Before' }, NOW)
  const result = patchIncident(db, incident.id, '"1"', { title: 'After', status: 'closed' }, NOW + 1000)

  expect(result).toMatchObject({ ok: false, status: 409 })
  expect(db.incidents[0]).toEqual(incident)
  expect(db.events).toHaveLength(1)
})

test('seeding keeps later declarations from reusing its id', () => {
  const db = emptyDb()
  insertIncident(db, { id: 'INC-12345' }, NOW)
  expect(insertIncident(db, {}, NOW).id).toBe('INC-12346')
  expect(() => insertIncident(db, { id: 'INC-12345' }, NOW)).toThrow(/already exists/)
})

test('seeding records the lifecycle timestamps it was given on the timeline', () => {
  const db = emptyDb()
  insertIncident(
    db,
    { status: 'resolved', acknowledgedAt: at(NOW + 1000), resolvedAt: at(NOW + 3000), rootCause: 'a', resolution: 'b' },
    NOW,
  )
  expect(db.events.map((e) => [e.kind, e.at])).toEqual([
    ['declared', at(NOW)],
    ['acknowledged', at(NOW + 1000)],
    ['status', at(NOW + 3000)],
  ])
})

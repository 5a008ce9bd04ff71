/**
 * The incident service on both databases: the shared rules planned, the plan stored with a
 * compare-and-set, every write idempotent. No HTTP here.
 */
import type { Incident, TimelineEvent } from '@/api/schemas'
import { ROSTER } from '@/backend/roster'
import { databaseTargets, type OpenedTestDatabase } from '../../test/support/database-targets'
import { incidentRepository } from '../db/incident-repository'
import { createIncidentService, type IncidentService } from './incidents'

const T0 = Date.parse('2026-12-03T10:00:00Z')
const declaration = { title: 'Agent not responding', severity: 'P2' as const, impact: 'Callers hear silence', services: ['llm'] }

for (const target of databaseTargets()) {
  describe.skipIf(target.skip)(`the incident service on ${target.label}`, () => {
    let opened: OpenedTestDatabase
    let service: IncidentService
    let nowMs = T0

    beforeAll(async () => {
      opened = await target.open()
      service = createIncidentService({ repository: incidentRepository(opened.db), roster: ROSTER, now: () => nowMs })
    })
    afterAll(async () => {
      await opened.close()
    })

    const ctx = (key: string | null = crypto.randomUUID(), actor = 'priya') => ({ actor, idempotencyKey: key })
    const declare = async () => {
      const answer = await service.declare(declaration, ctx())
      expect(answer.status).toBe(201)
      return answer.body as Incident
    }

    test('a declaration without a key is refused; with a key it is made once, however often it is retried', async () => {
      expect((await service.declare(declaration, ctx(null))).status).toBe(400)
      const key = crypto.randomUUID()
      const first = await service.declare(declaration, ctx(key))
      const again = await service.declare(declaration, ctx(key))
      expect(first.status).toBe(201)
      expect(again).toEqual({ ...first, status: 200 })
      const reused = await service.declare({ ...declaration, title: 'Something else' }, ctx(key))
      expect(reused.status).toBe(422)
    })

    test('a change at the version held is stored with the next version and its timeline entry', async () => {
      const incident = await declare()
      nowMs = T0 + 60_000
      const answer = await service.patch(incident.id, '"1"', { status: 'identified' }, ctx())
      expect(answer).toMatchObject({ status: 200, etag: '"2"', body: { status: 'identified', version: 2, acknowledgedAt: new Date(nowMs).toISOString() } })
      const timeline = await service.timeline(incident.id)
      expect(timeline?.events.map((e) => [e.kind, e.actor])).toEqual([
        ['declared', 'priya'],
        ['acknowledged', 'priya'],
        ['status', 'priya'],
      ])
    })

    test('a change at a stale version is refused with the incident as it is, and writes nothing', async () => {
      const incident = await declare()
      await service.patch(incident.id, '"1"', { assignee: 'tom' }, ctx())
      const stale = await service.patch(incident.id, '"1"', { assignee: 'kwame' }, ctx())
      expect(stale).toMatchObject({ status: 412, body: { current: { assignee: 'tom', version: 2 } } })
      expect((await service.get(incident.id))?.assignee).toBe('tom')
    })

    test('of ten changes racing at one version exactly one wins; none is lost or doubled', async () => {
      const incident = await declare()
      const impacts = Array.from({ length: 10 }, (_, i) => `Impact ${i}`)
      const answers = await Promise.all(impacts.map((impact) => service.patch(incident.id, '"1"', { impact }, ctx())))
      const winners = answers.filter((a) => a.status === 200)
      expect(winners).toHaveLength(1)
      expect(answers.filter((a) => a.status === 412)).toHaveLength(9)
      const stored = await service.get(incident.id)
      expect(stored).toMatchObject({ version: 2, impact: (winners[0]?.body as Incident).impact })
      const entries = (await service.timeline(incident.id))?.events.filter((e) => e.kind === 'impact')
      expect(entries).toHaveLength(1)
    })

    test('notes need no version: concurrent notes are all kept, a retried one only once', async () => {
      const incident = await declare()
      const key = crypto.randomUUID()
      const answers = await Promise.all([
        service.note(incident.id, { text: 'Restarted the LLM pods' }, ctx(key)),
        service.note(incident.id, { text: 'Restarted the LLM pods' }, ctx(key)),
        service.note(incident.id, { text: 'Groq fallback on' }, ctx()),
        service.note(incident.id, { text: 'Quota raised' }, ctx()),
      ])
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201])
      expect((answers[0].body as TimelineEvent).id).toBe((answers[1].body as TimelineEvent).id)
      const notes = (await service.timeline(incident.id))?.events.filter((e) => e.kind === 'note').map((e) => e.text)
      expect(notes?.sort()).toEqual(['Groq fallback on', 'Quota raised', 'Restarted the LLM pods'])
      expect((await service.get(incident.id))?.version).toBe(4)
    })

    test('forty notes at once on one incident are all saved: appends queue, they never conflict', async () => {
      const incident = await declare()
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => service.note(incident.id, { text: `note ${i}` }, ctx())))
      expect(answers.filter((a) => a.status === 201)).toHaveLength(40)
      expect((await service.get(incident.id))?.version).toBe(41)
      expect((await service.timeline(incident.id))?.events.filter((e) => e.kind === 'note')).toHaveLength(40)
    })

    test('every write replays its first answer for its key, even after the incident moved on', async () => {
      const incident = await declare()
      const key = crypto.randomUUID()
      const first = await service.checklist(incident.id, '"1"', { stepId: 'triage.assess', done: true }, ctx(key))
      await service.note(incident.id, { text: 'moving on' }, ctx())
      const retried = await service.checklist(incident.id, '"1"', { stepId: 'triage.assess', done: true }, ctx(key))
      expect(retried).toEqual(first)
      const ticks = (await service.timeline(incident.id))?.events.filter((e) => e.kind === 'checklist')
      expect(ticks).toHaveLength(1)
    })

    test('two acknowledgements at once both succeed; the first one counts', async () => {
      const incident = await declare()
      const [a, b] = await Promise.all([
        service.acknowledge(incident.id, '"1"', {}, ctx(crypto.randomUUID(), 'priya')),
        service.acknowledge(incident.id, '"1"', {}, ctx(crypto.randomUUID(), 'tom')),
      ])
      expect([a.status, b.status]).toEqual([200, 200])
      const acks = (await service.timeline(incident.id))?.events.filter((e) => e.kind === 'acknowledged')
      expect(acks).toHaveLength(1)
    })

    test('escalation pages the next level until L4, then says it is the top', async () => {
      const incident = await declare()
      let version = 1
      for (const [level, assignee] of [[2, 'ana'], [3, 'mei'], [4, 'daniel']] as const) {
        const answer = await service.escalate(incident.id, `"${version}"`, {}, ctx())
        expect(answer.body).toMatchObject({ escalationLevel: level, assignee })
        version += 1
      }
      expect((await service.escalate(incident.id, `"${version}"`, {}, ctx())).status).toBe(400)
    })

    test('an unknown incident is a 404 for every write', async () => {
      expect((await service.patch('INC-1', '"1"', { impact: 'x' }, ctx())).status).toBe(404)
      expect((await service.note('INC-1', { text: 'x' }, ctx())).status).toBe(404)
      expect((await service.message('INC-1', { template: 'resolution', text: 'x' }, ctx())).status).toBe(404)
    })
  })
}

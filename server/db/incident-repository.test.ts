import { followUp as followUpSchema, incident as incidentSchema, timelineEvent as timelineEventSchema, type Incident, type TimelineEvent } from '@/api/schemas'
import { databaseTargets, type OpenedTestDatabase } from '../../test/support/database-targets'
import { CHANGES_CHANNEL, incidentRepository, type ChangeNotice, type IncidentRepository, type NewEvent, type StoredAnswer } from './incident-repository'

const T0 = Date.parse('2024-05-01T10:00:00.000Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

function anIncident(overrides: Partial<Incident> = {}): Omit<Incident, 'id'> {
  return {
    title: 'STT error rate above 10 %',
    severity: 'P2',
    status: 'investigating',
    impact: 'Some callers hear silence',
    services: ['stt'],
    assignee: null,
    escalationLevel: 1,
    declaredAt: at(0),
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    rootCause: '',
    resolution: '',
    alertIds: [],
    playbooks: [],
    checklist: [],
    postmortemAt: null,
    followUps: [],
    lastStatusUpdateAt: null,
    updatedAt: at(0),
    version: 1,
    ...overrides,
  }
}

const declared = (text = 'Declared'): NewEvent => ({ at: at(0), actor: 'alice', kind: 'declared', text })

/** The answer a service would store: the incident as the body, its version as the ETag. */
const answerWith = (status: number) => (incident: Incident, events: readonly TimelineEvent[]): StoredAnswer => ({
  status,
  body: { incident, events: events.length },
  etag: `"${incident.id}:${incident.version}"`,
})

function createInput(repo: IncidentRepository, key: string | null, overrides: Partial<Incident> = {}, events: readonly NewEvent[] = [declared()]) {
  return repo.create({
    key,
    fingerprint: `POST /api/incidents ${key ?? ''}`,
    build: (id) => ({ ...anIncident(overrides), id }),
    events,
    answer: answerWith(201),
  })
}

async function created(repo: IncidentRepository, overrides: Partial<Incident> = {}, events?: readonly NewEvent[]): Promise<Incident> {
  const result = await createInput(repo, null, overrides, events)
  if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`)
  return result.incident
}

const ODD_TEXT = [
  'Ünïcödé 🚨👩🏽‍💻 עברית العربية 中文 𝕏',
  'zero\u200Bwidth, bom\uFEFF, rtl\u202Eoverride, combining Z̷̢͎a̶l̵g̸o',
  "quotes ' \" ` and \\backslash\\ and $1 $$ %s ${x} {{x}}",
  "'); DROP TABLE incidents; --",
  '<script>alert(1)</script>',
  'line\nbreaks\r\nand\ttabs',
  '\u0001\u001F control characters \u007F',
].join(' | ')

for (const target of databaseTargets()) {
  describe.skipIf(target.skip)(`incident repository on ${target.label}`, () => {
    let opened: OpenedTestDatabase
    let repo: IncidentRepository

    beforeAll(async () => {
      opened = await target.open()
      repo = incidentRepository(opened.db)
    }, 60_000)

    afterAll(async () => {
      await opened.close()
    })

    test('a fresh database has no incidents, revision 0 and no simulator state', async () => {
      expect(await repo.list()).toEqual({ incidents: [], revision: 0 })
      expect(await repo.revision()).toBe(0)
      expect(await repo.simulatorState()).toBeNull()
    })

    test('a created incident reads back the same through get, list and timeline, in the contract shape', async () => {
      const longTitle = 'x'.repeat(100_000) + ODD_TEXT
      const result = await createInput(repo, null, {
        title: longTitle,
        impact: ODD_TEXT,
        services: ['stt', ODD_TEXT],
        // Offsets other than Z are accepted and come back as the same instant in toISOString() form.
        declaredAt: '2024-05-01T12:00:00.000+02:00',
        acknowledgedAt: '2024-05-01T10:03:00+00:00',
        followUps: [{ id: 'f1', text: ODD_TEXT, owner: 'bob', due: '2024-06-01', done: false }],
        checklist: ['triage.1', 'triage.2'],
        version: 3,
      }, [declared(ODD_TEXT), { at: at(1), actor: ODD_TEXT, kind: 'note', text: longTitle }])
      if (result.kind !== 'created') throw new Error('not created')
      const { incident, events } = result

      expect(incident.id).toMatch(/^INC-\d{5,}$/)
      expect(incident.title).toBe(longTitle)
      expect(incident.impact).toBe(ODD_TEXT)
      expect(incident.services).toEqual(['stt', ODD_TEXT])
      expect(incident.declaredAt).toBe('2024-05-01T10:00:00.000Z')
      expect(incident.acknowledgedAt).toBe('2024-05-01T10:03:00.000Z')
      expect(incident.version).toBe(3)
      expect(incidentSchema.parse(incident)).toEqual(incident)
      // Keys in the contract's order, whatever order jsonb keeps.
      expect(Object.keys(incident)).toEqual(Object.keys(incidentSchema.shape))
      expect(Object.keys(incident.followUps[0] ?? {})).toEqual(Object.keys(followUpSchema.shape))

      expect(events).toHaveLength(2)
      expect(events[0]).toEqual({ id: expect.stringMatching(/^EV-\d+$/) as string, incidentId: incident.id, at: at(0), actor: 'alice', kind: 'declared', text: ODD_TEXT })
      expect(events[1]?.text).toBe(longTitle)
      expect(events[1]?.actor).toBe(ODD_TEXT)
      for (const event of events) expect(timelineEventSchema.parse(event)).toEqual(event)

      expect(await repo.get(incident.id)).toEqual(incident)
      expect((await repo.list()).incidents).toContainEqual(incident)
      expect(await repo.timeline(incident.id)).toEqual(events)
    })

    test('unknown ids: get is null, the timeline is empty', async () => {
      expect(await repo.get('INC-1')).toBeNull()
      expect(await repo.timeline('INC-1')).toEqual([])
    })

    test('numbers count up from INC-10001 and the list is newest declaration first, then highest number', async () => {
      const a = await created(repo, { declaredAt: at(-60) })
      const b = await created(repo, { declaredAt: at(-60) })
      const c = await created(repo, { declaredAt: at(-30) })
      expect(Number(b.id.slice(4))).toBe(Number(a.id.slice(4)) + 1)
      expect(Number(a.id.slice(4))).toBeGreaterThanOrEqual(10001)
      const ids = (await repo.list()).incidents.map((i) => i.id)
      const order = [c.id, b.id, a.id].map((id) => ids.indexOf(id))
      expect(order).toEqual([...order].sort((x, y) => x - y))
      const { incidents } = await repo.list()
      const declaredTimes = incidents.map((i) => Date.parse(i.declaredAt))
      expect(declaredTimes).toEqual([...declaredTimes].sort((x, y) => y - x))
    })

    test('the timeline is in time order, ties in insertion order', async () => {
      const incident = await created(repo, {}, [
        { at: at(5), actor: 'a', kind: 'note', text: 'third' },
        { at: at(1), actor: 'a', kind: 'note', text: 'first' },
        { at: at(5), actor: 'a', kind: 'note', text: 'fourth' },
        { at: at(2), actor: 'a', kind: 'note', text: 'second' },
      ])
      expect((await repo.timeline(incident.id)).map((e) => e.text)).toEqual(['first', 'second', 'third', 'fourth'])
    })

    test('a retried create with the same key replays the first answer and creates nothing', async () => {
      const first = await createInput(repo, 'key-create-1')
      if (first.kind !== 'created') throw new Error('not created')
      const before = await repo.list()

      const again = await createInput(repo, 'key-create-1', { title: 'something else' })
      expect(again).toEqual({
        kind: 'replay',
        fingerprint: 'POST /api/incidents key-create-1',
        answer: { status: 201, body: { incident: first.incident, events: 1 }, etag: `"${first.incident.id}:1"` },
      })
      expect(await repo.list()).toEqual(before)
      expect(await repo.findAnswer('key-create-1')).toEqual({ fingerprint: 'POST /api/incidents key-create-1', answer: again.kind === 'replay' ? again.answer : null })
      expect(await repo.findAnswer('never-used')).toBeNull()
    })

    test('concurrent creates with one key make one incident; the others replay its answer', async () => {
      const before = (await repo.list()).incidents.length
      const results = await Promise.all(Array.from({ length: 10 }, () => createInput(repo, 'key-create-concurrent')))
      const made = results.filter((r) => r.kind === 'created')
      expect(made).toHaveLength(1)
      const [winner] = made
      for (const r of results) {
        if (r.kind === 'replay') expect(r.answer.body).toEqual({ incident: winner?.incident, events: 1 })
      }
      expect((await repo.list()).incidents.length).toBe(before + 1)
    })

    test('update is a compare-and-set: the current version wins, a stale one is a conflict that writes nothing', async () => {
      const incident = await created(repo, { version: 1 })
      const updated = await repo.update({
        id: incident.id,
        expectedVersion: 1,
        key: 'key-update-1',
        fingerprint: 'PATCH',
        next: { ...incident, status: 'identified', updatedAt: at(10), version: 99 },
        events: [{ at: at(10), actor: 'bob', kind: 'status', text: 'investigating → identified' }],
        answer: answerWith(200),
      })
      if (updated.kind !== 'updated') throw new Error(`expected updated, got ${updated.kind}`)
      // `next.version` is ignored: the row's version moved from 1 to 2.
      expect(updated.incident).toEqual({ ...incident, status: 'identified', updatedAt: at(10), version: 2 })
      expect(updated.events).toEqual([{ id: expect.stringMatching(/^EV-\d+$/) as string, incidentId: incident.id, at: at(10), actor: 'bob', kind: 'status', text: 'investigating → identified' }])
      expect(await repo.get(incident.id)).toEqual(updated.incident)

      const revision = await repo.revision()
      const timeline = await repo.timeline(incident.id)
      const stale = await repo.update({
        id: incident.id,
        expectedVersion: 1,
        key: 'key-update-stale',
        fingerprint: 'PATCH',
        next: { ...incident, status: 'resolved' },
        events: [{ at: at(11), actor: 'carol', kind: 'status', text: 'should not be written' }],
        answer: answerWith(200),
      })
      expect(stale).toEqual({ kind: 'conflict', current: updated.incident })
      expect(await repo.get(incident.id)).toEqual(updated.incident)
      expect(await repo.timeline(incident.id)).toEqual(timeline)
      expect(await repo.revision()).toBe(revision)
      // The conflict released its key: the same key with the right version goes through.
      expect(await repo.findAnswer('key-update-stale')).toBeNull()
      const retried = await repo.update({
        id: incident.id,
        expectedVersion: 2,
        key: 'key-update-stale',
        fingerprint: 'PATCH',
        next: { ...updated.incident, status: 'mitigated' },
        events: [],
        answer: answerWith(200),
      })
      expect(retried.kind).toBe('updated')

      // And the first key replays its own answer, even with a now-stale version.
      const replay = await repo.update({
        id: incident.id,
        expectedVersion: 1,
        key: 'key-update-1',
        fingerprint: 'PATCH',
        next: incident,
        events: [],
        answer: answerWith(200),
      })
      expect(replay).toEqual({ kind: 'replay', fingerprint: 'PATCH', answer: { status: 200, body: { incident: updated.incident, events: 1 }, etag: `"${incident.id}:2"` } })
    })

    test('updating an incident that does not exist is a conflict with no current incident', async () => {
      const result = await repo.update({
        id: 'INC-999999',
        expectedVersion: 1,
        key: null,
        fingerprint: '',
        next: { ...anIncident(), id: 'INC-999999' },
        events: [],
        answer: answerWith(200),
      })
      expect(result).toEqual({ kind: 'conflict', current: null })
    })

    test('50 concurrent updates at the same version: exactly one wins, 49 conflict', async () => {
      const incident = await created(repo, { version: 1 })
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          repo.update({
            id: incident.id,
            expectedVersion: 1,
            key: null,
            fingerprint: '',
            next: { ...incident, title: `writer ${i}` },
            events: [{ at: at(20), actor: `writer-${i}`, kind: 'note', text: `writer ${i}` }],
            answer: answerWith(200),
          }),
        ),
      )
      const winners = results.filter((r) => r.kind === 'updated')
      const conflicts = results.filter((r) => r.kind === 'conflict')
      expect(winners).toHaveLength(1)
      expect(conflicts).toHaveLength(49)
      const stored = await repo.get(incident.id)
      expect(stored?.version).toBe(2)
      expect(stored).toEqual(winners[0]?.incident)
      expect((await repo.timeline(incident.id)).filter((e) => e.kind === 'note')).toHaveLength(1)
    })

    test('concurrent updates with one key: one is applied, the others replay it', async () => {
      const incident = await created(repo, { version: 1 })
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          repo.update({
            id: incident.id,
            expectedVersion: 1,
            key: `key-concurrent-update-${incident.id}`,
            fingerprint: 'PATCH',
            next: { ...incident, severity: 'P1' },
            events: [],
            answer: answerWith(200),
          }),
        ),
      )
      expect(results.filter((r) => r.kind === 'updated')).toHaveLength(1)
      expect(results.filter((r) => r.kind === 'replay')).toHaveLength(7)
    })

    test('a failing build or answer rolls the whole write back, key included', async () => {
      const before = await repo.list()
      await expect(
        repo.create({ key: 'key-boom', fingerprint: '', build: () => { throw new Error('boom') }, events: [], answer: answerWith(201) }),
      ).rejects.toThrow('boom')
      await expect(
        repo.create({ key: 'key-boom', fingerprint: '', build: (id) => ({ ...anIncident(), id }), events: [declared()], answer: () => { throw new Error('bang') } }),
      ).rejects.toThrow('bang')
      expect(await repo.list()).toEqual(before)
      expect(await repo.findAnswer('key-boom')).toBeNull()
    })

    test('revision() moves with every write and only then, and list() carries the same number', async () => {
      const r0 = await repo.revision()
      const incident = await created(repo)
      const r1 = await repo.revision()
      expect(r1).toBeGreaterThan(r0)
      await repo.update({ id: incident.id, expectedVersion: incident.version, key: null, fingerprint: '', next: { ...incident, title: 'renamed' }, events: [], answer: answerWith(200) })
      const r2 = await repo.revision()
      expect(r2).toBeGreaterThan(r1)
      await repo.insert(anIncident(), [])
      const r3 = await repo.revision()
      expect(r3).toBeGreaterThan(r2)
      // Conflicts, replays, reads and simulator state leave it alone.
      await repo.update({ id: incident.id, expectedVersion: 1, key: null, fingerprint: '', next: incident, events: [], answer: answerWith(200) })
      await repo.list()
      await repo.saveSimulatorState({ scenario: 'healthy' })
      expect(await repo.revision()).toBe(r3)
      expect((await repo.list()).revision).toBe(r3)
    })

    test('insert keeps a given INC number and create continues after it', async () => {
      const seeded = await repo.insert({ ...anIncident({ version: 7 }), id: 'INC-50000' }, [declared('seeded')])
      expect(seeded.id).toBe('INC-50000')
      expect(seeded.version).toBe(7)
      expect((await repo.timeline('INC-50000')).map((e) => e.text)).toEqual(['seeded'])
      expect((await created(repo)).id).toBe('INC-50001')
      const numbered = await repo.insert(anIncident(), [])
      expect(numbered.id).toBe('INC-50002')
      // A lower given number does not move the sequence back.
      await repo.insert({ ...anIncident(), id: 'INC-20000' }, [])
      expect((await created(repo)).id).toBe('INC-50003')
    })

    test('simulator state round-trips as JSON', async () => {
      const state = { scenario: 'openai-outage', seed: 42, faults: { rate: 0.5, status: 503 }, scenarioStartedAt: at(0), note: ODD_TEXT }
      await repo.saveSimulatorState(state)
      expect(await repo.simulatorState()).toEqual(state)
      await repo.saveSimulatorState({ scenario: 'healthy' })
      expect(await repo.simulatorState()).toEqual({ scenario: 'healthy' })
    })

    test('pruneAnswers forgets keys older than the given age', async () => {
      const result = await createInput(repo, 'key-prune')
      expect(result.kind).toBe('created')
      expect(await repo.pruneAnswers(60 * 60_000, Date.now())).toBe(0)
      expect(await repo.findAnswer('key-prune')).not.toBeNull()
      const pruned = await repo.pruneAnswers(60 * 60_000, Date.now() + 2 * 60 * 60_000)
      expect(pruned).toBeGreaterThanOrEqual(1)
      expect(await repo.findAnswer('key-prune')).toBeNull()
    })

    test('changes are announced on CHANGES_CHANNEL after commit, never for a write that rolled back', async () => {
      const notices: ChangeNotice[] = []
      const stop = await opened.db.listen(CHANGES_CHANNEL, (payload) => notices.push(JSON.parse(payload) as ChangeNotice))
      try {
        const incident = await created(repo)
        await repo.update({ id: incident.id, expectedVersion: 1, key: null, fingerprint: '', next: incident, events: [], answer: answerWith(200) })
        await repo.update({ id: incident.id, expectedVersion: 1, key: null, fingerprint: '', next: incident, events: [], answer: answerWith(200) }) // conflict
        await expect(repo.create({ key: 'key-rolled-back', fingerprint: '', build: (id) => ({ ...anIncident(), id }), events: [declared()], answer: () => { throw new Error('no') } })).rejects.toThrow('no')
        await repo.saveSimulatorState({ scenario: 'healthy' })
        await vi.waitFor(() => {
          expect(notices).toContainEqual({ type: 'alerts' })
        })
        // Notices arrive in commit order; the alerts notice came last, so nothing else is pending.
        expect(notices).toEqual([
          { type: 'incident', id: incident.id, version: 1 },
          { type: 'incident', id: incident.id, version: 2 },
          { type: 'alerts' },
        ])
      } finally {
        await stop()
      }
    })
  })
}

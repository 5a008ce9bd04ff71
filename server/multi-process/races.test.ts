/**
 * Two real server processes (the bundle `npm run serve` runs) on one PostgreSQL behave as
 * one server: racing If-Match writes through both have exactly one winner per version and
 * nothing lost or doubled, one Idempotency-Key sent to both records once, and a change made
 * through one process reaches the event streams of the other (LISTEN/NOTIFY), also after
 * the LISTEN connections were cut. Numbers measured are printed with a [multi-process] tag.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { incident, timelineEvent, timelineResponse, type Incident, type TimelineEvent } from '@/api/schemas'
import { declaration } from '../../test/contract/incident-steps'
import { call, expectBody, expectProblem, type Answer } from '../../test/contract/target'
import { createTestDatabase, POSTGRES_MISSING } from '../../test/support/postgres-cluster'
import { openEventStream, type EventStream, type StreamMessage } from './event-stream'
import { buildServerBundle, startServerProcess, type ServerBundle, type ServerProcess } from './server-process'

const postgresUrl = inject('postgresUrl')
// The global setup already refuses to run CI without PostgreSQL; this file must never be the one that skips there.
if (postgresUrl === '' && process.env.CI === 'true') throw new Error(`CI=true: ${POSTGRES_MISSING}`)

const ROUNDS = 10
const WRITERS_PER_ROUND = 10
const FEED_CHANGES = 20
const FEED_BUDGET_MS = 1_000

let bundle: ServerBundle | undefined
let database: { url: string; drop(): Promise<void> } | undefined
let a: ServerProcess
let b: ServerProcess
const started: ServerProcess[] = []
const streams: EventStream[] = []

function log(line: string): void {
  console.log(`[multi-process] ${line}`)
}

function declare(via: ServerProcess): Promise<Incident> {
  return call(via, 'POST', '/api/incidents', { body: declaration(), headers: { 'Idempotency-Key': randomUUID() } }).then((answer) =>
    expectBody(answer, 201, incident),
  )
}

async function read(via: ServerProcess, id: string): Promise<Incident> {
  return expectBody(await call(via, 'GET', `/api/incidents/${id}`), 200, incident)
}

async function timeline(via: ServerProcess, id: string): Promise<TimelineEvent[]> {
  return expectBody(await call(via, 'GET', `/api/incidents/${id}/timeline`), 200, timelineResponse).events
}

/** The version an answer's ETag names ("7" → 7). */
function etagVersion(answer: Answer): number {
  const tag = answer.headers.get('ETag') ?? ''
  const version = Number(/^"(\d+)"$/.exec(tag)?.[1])
  if (!Number.isInteger(version)) throw new Error(`no version ETag on HTTP ${answer.status}: ${JSON.stringify(tag)}`)
  return version
}

function incidentNotice(id: string, version: number) {
  return (message: StreamMessage) => {
    const data = message.data as { type?: unknown; id?: unknown; version?: unknown }
    return message.event === 'change' && data.type === 'incident' && data.id === id && data.version === version
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN
}

const skipReason = postgresUrl === '' ? ` (skipped: ${POSTGRES_MISSING})` : ''

describe.skipIf(postgresUrl === '')(`two server processes on one PostgreSQL${skipReason}`, () => {
  beforeAll(async () => {
    database = await createTestDatabase(postgresUrl)
    bundle = await buildServerBundle()
    const { url } = database
    const { entry } = bundle
    // Started together on an empty database: both run the migrations at once, as a rolling deploy would.
    const starts = await Promise.allSettled(['process A', 'process B'].map((name) => startServerProcess({ name, entry, databaseUrl: url })))
    for (const start of starts) if (start.status === 'fulfilled') started.push(start.value)
    for (const start of starts) if (start.status === 'rejected') throw start.reason
    ;[a, b] = started as [ServerProcess, ServerProcess]
  }, 90_000)

  afterAll(async () => {
    for (const stream of streams) stream.close()
    await Promise.all(started.map((server) => server.close()))
    await database?.drop()
    await bundle?.remove()
  }, 60_000)

  test(`${ROUNDS * WRITERS_PER_ROUND} racing If-Match writes through both processes: one winner per version, none lost or doubled`, async () => {
    const declared = await declare(a)
    const before = await timeline(b, declared.id)
    const servers = [a, b] as const
    const winners: { title: string; via: string; version: number }[] = []
    const losers: string[] = []
    let stale = 0

    for (let round = 0; round < ROUNDS; round += 1) {
      const current = await read(servers[round % 2] ?? a, declared.id)
      const attempts = Array.from({ length: WRITERS_PER_ROUND }, (_, i) => ({
        // Alternating, and each round's first request to the other process, so both get to win.
        via: servers[(i + round) % 2] ?? a,
        title: `[race ${round}-${i}] ${declared.id}`,
        key: randomUUID(),
      }))
      const answers = await Promise.all(
        attempts.map((attempt) =>
          call(attempt.via, 'PATCH', `/api/incidents/${declared.id}`, {
            body: { title: attempt.title },
            headers: { 'If-Match': `"${current.version}"`, 'Idempotency-Key': attempt.key },
          }),
        ),
      )
      const won = answers.flatMap((answer, i) => (answer.status === 200 ? [i] : []))
      expect(won, `round ${round}: statuses ${answers.map((x) => x.status).join(' ')}`).toHaveLength(1)
      const index = won[0] ?? -1
      const winner = attempts[index]
      const winning = answers[index]
      if (winner === undefined || winning === undefined) throw new Error('unreachable: one winner was checked above')
      const saved = expectBody(winning, 200, incident)
      expect(saved).toMatchObject({ version: current.version + 1, title: winner.title })
      winners.push({ title: winner.title, via: winner.via.name, version: saved.version })

      answers.forEach((answer, i) => {
        if (i === index) return
        // Every loser is told who won: 412 with the incident as the winner left it.
        const problem = expectProblem(answer, 412)
        expect(incident.parse(problem.current)).toMatchObject({ version: current.version + 1, title: winner.title })
        expect(etagVersion(answer)).toBe(current.version + 1)
        losers.push(attempts[i]?.title ?? '')
        stale += 1
      })
    }

    const final = await read(a, declared.id)
    expect(final.version).toBe(declared.version + winners.length)
    expect(final.title).toBe(winners.at(-1)?.title)
    expect(winners.map((w) => w.version)).toEqual(winners.map((_, i) => declared.version + 1 + i))

    // The timeline: every winning write exactly once, in order; no losing write at all.
    const events = await timeline(b, declared.id)
    const mentions = (title: string) => events.filter((e) => e.text.includes(title))
    for (const w of winners) expect(mentions(w.title), w.title).toHaveLength(1)
    for (const title of losers) expect(mentions(title), title).toHaveLength(0)
    expect(events).toHaveLength(before.length + winners.length)
    expect(events.slice(before.length).map((e) => winners.findIndex((w) => e.text.includes(w.title)))).toEqual(winners.map((_, i) => i))

    const byProcess = (name: string) => winners.filter((w) => w.via === name).length
    log(
      `races: ${ROUNDS * WRITERS_PER_ROUND} PATCHes in ${ROUNDS} rounds of ${WRITERS_PER_ROUND}: ` +
        `${winners.length} × 200 (A ${byProcess(a.name)}, B ${byProcess(b.name)}), ${stale} × 412 with current, 0 other; ` +
        `final version ${final.version}, ${events.length - before.length} timeline entries added`,
    )
  }, 60_000)

  test('one Idempotency-Key sent at once to both processes records one note', async () => {
    const declared = await declare(b)
    const keys = Array.from({ length: 5 }, () => randomUUID())
    const copies = 6
    const sends = keys.flatMap((key, k) =>
      Array.from({ length: copies }, (_, i) => ({ via: i % 2 === 0 ? a : b, key, text: `Same key ${k}: ${key}` })),
    )
    const answers = await Promise.all(
      sends.map((send) =>
        call(send.via, 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: send.text }, headers: { 'Idempotency-Key': send.key } }),
      ),
    )

    for (const key of keys) {
      const mine = answers.filter((_, i) => sends[i]?.key === key)
      const first = mine[0]
      if (first === undefined) throw new Error('no answers for a key')
      expectBody(first, 201, timelineEvent)
      // Every copy, whichever process took it, gets the first answer: same status, event id and ETag.
      for (const answer of mine) expect([answer.status, answer.json, answer.headers.get('ETag')]).toEqual([201, first.json, first.headers.get('ETag')])
    }
    const notes = (await timeline(a, declared.id)).filter((e) => e.kind === 'note')
    expect(notes.map((e) => e.text).sort()).toEqual(keys.map((key, k) => `Same key ${k}: ${key}`).sort())
    expect((await read(b, declared.id)).version).toBe(declared.version + keys.length)
    log(`idempotency: ${sends.length} requests (${keys.length} keys × ${copies}, split over A and B) → ${notes.length} notes`)
  }, 30_000)

  test(`a change through process A reaches an event stream on process B within ${FEED_BUDGET_MS} ms`, async () => {
    const declared = await declare(a)
    const onB = await openEventStream(b.baseUrl)
    streams.push(onB)
    const sinceSent: number[] = []
    const sinceAnswered: number[] = []
    let version = declared.version

    for (let i = 0; i < FEED_CHANGES; i += 1) {
      const sent = performance.now()
      // Both kinds of write: appends (notes) and If-Match changes.
      const answer =
        i % 2 === 0
          ? await call(a, 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: `Feed check ${i}` } })
          : await call(a, 'PATCH', `/api/incidents/${declared.id}`, { body: { impact: `Feed check ${i}` }, headers: { 'If-Match': `"${version}"` } })
      const answered = performance.now()
      expect(answer.status, answer.text).toBe(i % 2 === 0 ? 201 : 200)
      version = etagVersion(answer)
      const heard = await onB.waitFor(incidentNotice(declared.id, version), 5_000)
      sinceSent.push(heard.at - sent)
      sinceAnswered.push(heard.at - answered)
    }

    // Nothing missed or doubled: B heard every version of this incident once, in order.
    const heardVersions = onB.messages.filter((m) => (m.data as { id?: unknown }).id === declared.id).map((m) => (m.data as { version: number }).version)
    expect(heardVersions).toEqual(Array.from({ length: FEED_CHANGES }, (_, i) => declared.version + 1 + i))

    const sorted = [...sinceSent].sort((x, y) => x - y)
    const afterAnswer = [...sinceAnswered].sort((x, y) => x - y)
    log(
      `feed A→B over ${FEED_CHANGES} changes, from request sent: p50 ${percentile(sorted, 0.5).toFixed(1)} ms, max ${percentile(sorted, 1).toFixed(1)} ms; ` +
        `from A's answer: p50 ${percentile(afterAnswer, 0.5).toFixed(1)} ms, max ${percentile(afterAnswer, 1).toFixed(1)} ms`,
    )
    expect(percentile(sorted, 1)).toBeLessThan(FEED_BUDGET_MS)
  }, 60_000)

  test('when the LISTEN connections are cut, streams on both processes are told to resync and later changes still cross', async () => {
    const declared = await declare(a)
    const onA = await openEventStream(a.baseUrl)
    const onB = await openEventStream(b.baseUrl)
    streams.push(onA, onB)
    const isResync = (m: StreamMessage) => m.event === 'change' && (m.data as { type?: unknown }).type === 'resync'
    expect(onB.messages.filter(isResync)).toEqual([])

    // As a database failover or an idle-connection reaper would: the server ends each process's LISTEN backend.
    const admin = new pg.Client({ connectionString: database?.url })
    await admin.connect()
    let killed: number
    try {
      const result = await admin.query<{ pid: number }>(
        // Materialised first, so only this database's listeners are ever ended (the cluster is shared).
        `WITH listeners AS MATERIALIZED (
           SELECT pid FROM pg_stat_activity WHERE application_name = 'vigil-listen' AND datname = current_database()
         )
         SELECT pid FROM listeners WHERE pg_terminate_backend(pid)`,
      )
      killed = result.rows.length
    } finally {
      await admin.end()
    }
    const cutAt = performance.now()
    expect(killed, 'one LISTEN connection per process').toBe(2)

    const [resyncA, resyncB] = await Promise.all([onA.waitFor(isResync, 10_000), onB.waitFor(isResync, 10_000)])
    const note = await call(a, 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: 'After the cut' } })
    expect(note.status, note.text).toBe(201)
    await onB.waitFor(incidentNotice(declared.id, etagVersion(note)), 5_000)
    log(`LISTEN cut: resync on A after ${(resyncA.at - cutAt).toFixed(0)} ms, on B after ${(resyncB.at - cutAt).toFixed(0)} ms; a later change crossed A→B`)
  }, 30_000)

  test('neither process logged an error', () => {
    expect([...a.errors(), ...b.errors()]).toEqual([])
  })
})

/**
 * Incidents, timelines, idempotency keys and the simulator's state in PostgreSQL. All the SQL for
 * them lives here; services decide what a change means and hand over whole incidents.
 *
 * Storage: an incident row holds id, number, version, declared_at and updated_at as columns and
 * every other contract field in `doc` (jsonb). Timestamps are normalised on the way in to
 * `toISOString()` form, so what comes back always reads "2024-05-01T10:00:00.000Z". Returned
 * incidents list their keys in the contract's order (follow-ups too), whatever order jsonb keeps,
 * so JSON.stringify of the same incident is the same string from every read (ETags).
 * Strings are stored byte for byte, except that PostgreSQL refuses NUL (U+0000) in text and
 * jsonb, and a lone UTF-16 surrogate in jsonb: the API layer refuses those before they get here.
 *
 * Lock order in every write, so concurrent writes never deadlock: the idempotency key, then the
 * incident row, then the one change_revision row (taken last, just before commit).
 */
import { followUp as followUpSchema, incident as incidentSchema, type FollowUp, type Incident, type TimelineEvent } from '@/api/schemas'
import type { Database, Sql } from './database'

export interface NewEvent { at: string; actor: string; kind: string; text: string }
/** The first answer to a write, replayed for a retried request with the same Idempotency-Key. */
export interface StoredAnswer { status: number; body: unknown; etag: string | null }
export type Claimed = { kind: 'replay'; fingerprint: string; answer: StoredAnswer }
export type CreateResult = { kind: 'created'; incident: Incident; events: TimelineEvent[] } | Claimed
export type UpdateResult = { kind: 'updated'; incident: Incident; events: TimelineEvent[] } | { kind: 'conflict'; current: Incident | null } | Claimed
export type AppendResult = { kind: 'updated'; incident: Incident; events: TimelineEvent[] } | { kind: 'missing' } | Claimed
export const CHANGES_CHANNEL = 'vigil_changes'
/** Payloads sent on CHANGES_CHANNEL (JSON): */
export type ChangeNotice = { type: 'incident'; id: string; version: number } | { type: 'alerts' }

export interface IncidentRepository {
  /** Newest declaration first (declared_at desc, then number desc); revision as in revision(). */
  list(): Promise<{ incidents: Incident[]; revision: number }>
  /** Moves on every write to any incident (e.g. max timeline seq, or a sequence); cheap. */
  revision(): Promise<number>
  get(id: string): Promise<Incident | null>
  /** Time order, ties in insertion order; [] for an unknown id. */
  timeline(id: string): Promise<TimelineEvent[]>
  findAnswer(key: string): Promise<{ fingerprint: string; answer: StoredAnswer } | null>
  /** One transaction: claim the key (if not null) — if another request already holds it, return {kind:'replay'} with its stored answer (waiting for that transaction if it is in flight); take the next INC number; insert build(id) with version = build(id).version; append events (ids 'EV-<seq>', incidentId = id); store answer(incident, events) under the key; pg_notify(CHANGES_CHANNEL, {type:'incident',id,version}). */
  create(input: { key: string | null; fingerprint: string; build: (id: string) => Incident; events: readonly NewEvent[]; answer: (incident: Incident, events: readonly TimelineEvent[]) => StoredAnswer }): Promise<CreateResult>
  /** One transaction: claim the key as above; the compare-and-set is ONE statement `UPDATE incidents SET doc = $3, version = version + 1, updated_at = … WHERE id = $1 AND version = $2 RETURNING …` — no row back means {kind:'conflict', current} (current re-read, null if missing) and nothing is written (key released). Else append events, store the answer, notify. `next` is the whole incident as it should be; its `version` field is ignored (the row's new version is expectedVersion + 1 and is what the returned Incident carries). */
  update(input: { id: string; expectedVersion: number; key: string | null; fingerprint: string; next: Incident; events: readonly NewEvent[]; answer: (incident: Incident, events: readonly TimelineEvent[]) => StoredAnswer }): Promise<UpdateResult>
  /**
   * For changes that need no version (notes, messages): one transaction that claims the key,
   * locks the row (SELECT … FOR UPDATE), plans on the row as it is and stores the plan. Such
   * changes never conflict: concurrent ones queue on the row lock instead of retrying.
   */
  append(input: { id: string; key: string | null; fingerprint: string; plan: (current: Incident) => { next: Incident; events: readonly NewEvent[] }; answer: (incident: Incident, events: readonly TimelineEvent[]) => StoredAnswer }): Promise<AppendResult>
  /** Test/demo seeding: insert a whole incident (given id or next number) with its events. */
  insert(incident: Omit<Incident, 'id'> & { id?: string }, events: readonly NewEvent[]): Promise<Incident>
  simulatorState(): Promise<unknown>   // null when never saved
  saveSimulatorState(state: unknown): Promise<void>   // also notifies {type:'alerts'}
  /** Forget idempotency keys older than `olderThanMs` (called periodically by the server). */
  pruneAnswers(olderThanMs: number, nowMs: number): Promise<number>
}

/** The contract's field order: returned incidents list their keys in it, whatever jsonb did. */
const FIELDS = Object.keys(incidentSchema.shape) as (keyof Incident)[]
const FOLLOW_UP_FIELDS = Object.keys(followUpSchema.shape) as (keyof FollowUp)[]
const COLUMN_FIELDS = new Set<keyof Incident>(['id', 'version', 'declaredAt', 'updatedAt'])
const DOC_FIELDS = FIELDS.filter((field) => !COLUMN_FIELDS.has(field))
const DOC_TIMESTAMPS = new Set<keyof Incident>(['acknowledgedAt', 'mitigatedAt', 'resolvedAt', 'closedAt', 'postmortemAt', 'lastStatusUpdateAt'])

interface IncidentRow {
  id: string
  version: number
  declared_at: string
  updated_at: string
  doc: Record<string, unknown>
}
const INCIDENT_COLUMNS = 'id, version, declared_at, updated_at, doc'

interface EventRow {
  id: string
  incident_id: string
  at: string
  actor: string
  kind: string
  text: string
}
// Text comes back wrapped as JSON: PGlite decodes a text column with a TextDecoder that drops a
// leading byte-order mark (U+FEFF), so "\uFEFFhello" would come back as "hello". A JSON string
// starts with a quote, and both drivers hand jsonb back parsed.
const EVENT_COLUMNS = 'id, incident_id, at, to_jsonb(actor) AS actor, to_jsonb(kind) AS kind, to_jsonb(text) AS text'

interface AnswerRow {
  fingerprint: string
  status: number | null
  body: unknown
  etag: string | null
}

/** Thrown inside an update transaction to roll it back (releasing the key); never escapes. */
class Conflict extends Error {
  constructor(readonly current: Incident | null) {
    super('version conflict')
  }
}

export function incidentRepository(db: Database): IncidentRepository {
  return {
    async list() {
      // One statement, one snapshot: the revision belongs to exactly these rows.
      const rows = await db.query<{ revision: number } & { [K in keyof IncidentRow]: IncidentRow[K] | null }>(
        `SELECT r.value AS revision, i.id, i.version, i.declared_at, i.updated_at, i.doc
           FROM change_revision r LEFT JOIN incidents i ON true
          ORDER BY i.declared_at DESC, i.number DESC`,
      )
      const incidents: Incident[] = []
      for (const row of rows) {
        if (row.id !== null && row.version !== null && row.declared_at !== null && row.updated_at !== null && row.doc !== null) {
          incidents.push(toIncident({ id: row.id, version: row.version, declared_at: row.declared_at, updated_at: row.updated_at, doc: row.doc }))
        }
      }
      return { incidents, revision: rows[0]?.revision ?? 0 }
    },

    async revision() {
      const [row] = await db.query<{ value: number }>('SELECT value FROM change_revision')
      return row?.value ?? 0
    },

    get: (id) => getIncident(db, id),

    async timeline(id) {
      const rows = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM timeline_events WHERE incident_id = $1 ORDER BY at, seq`, [id])
      return rows.map(toEvent)
    },

    async findAnswer(key) {
      const [row] = await db.query<AnswerRow>('SELECT fingerprint, status, body, etag FROM idempotency_keys WHERE key = $1', [key])
      return row ? toAnswer(row) : null
    },

    create(input) {
      return db.transaction(async (tx): Promise<CreateResult> => {
        if (input.key !== null) {
          const replay = await claimKey(tx, input.key, input.fingerprint)
          if (replay) return replay
        }
        const number = await nextNumber(tx)
        const id = `INC-${number}`
        const incident = await insertIncident(tx, { ...input.build(id), id }, number)
        const events = await recordWrite(tx, incident, input.events, input.key, input.answer)
        return { kind: 'created', incident, events }
      })
    },

    async update(input) {
      try {
        return await db.transaction(async (tx): Promise<UpdateResult> => {
          if (input.key !== null) {
            const replay = await claimKey(tx, input.key, input.fingerprint)
            if (replay) return replay
          }
          const incident = await compareAndSet(tx, input.id, input.expectedVersion, input.next)
          if (incident === null) throw new Conflict(await getIncident(tx, input.id))
          const events = await recordWrite(tx, incident, input.events, input.key, input.answer)
          return { kind: 'updated', incident, events }
        })
      } catch (error) {
        if (error instanceof Conflict) return { kind: 'conflict', current: error.current }
        throw error
      }
    },

    async append(input) {
      try {
        return await db.transaction(async (tx): Promise<AppendResult> => {
          if (input.key !== null) {
            const replay = await claimKey(tx, input.key, input.fingerprint)
            if (replay) return replay
          }
          const [locked] = await tx.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1 FOR UPDATE`, [input.id])
          // Throwing rolls the key claim back with everything else.
          if (!locked) throw new Conflict(null)
          const current = toIncident(locked)
          const planned = input.plan(current)
          const incident = await compareAndSet(tx, input.id, current.version, planned.next)
          if (incident === null) throw new Error(`${input.id} changed under its own row lock`)
          const events = await recordWrite(tx, incident, planned.events, input.key, input.answer)
          return { kind: 'updated', incident, events }
        })
      } catch (error) {
        if (error instanceof Conflict) return { kind: 'missing' }
        throw error
      }
    },

    insert(incident, events) {
      return db.transaction(async (tx) => {
        let id = incident.id
        let number: number
        const numbered = id === undefined ? null : /^INC-(\d{1,15})$/.exec(id)
        if (numbered?.[1] !== undefined) {
          number = Number(numbered[1])
          // Keep the sequence ahead of seeded numbers, so create() never collides with them.
          await tx.query(
            `SELECT setval('incident_number_seq', $1::bigint)
               FROM incident_number_seq
              WHERE $1::bigint >= CASE WHEN is_called THEN last_value + 1 ELSE last_value END`,
            [number],
          )
        } else {
          number = await nextNumber(tx)
        }
        id ??= `INC-${number}`
        const stored = await insertIncident(tx, { ...incident, id }, number)
        await appendEvents(tx, id, events)
        await bumpRevision(tx)
        await notify(tx, { type: 'incident', id, version: stored.version })
        return stored
      })
    },

    async simulatorState() {
      const [row] = await db.query<{ state: unknown }>('SELECT state FROM simulator_state')
      return row ? row.state : null
    },

    async saveSimulatorState(state) {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO simulator_state (singleton, state, updated_at) VALUES (true, $1::jsonb, now())
           ON CONFLICT (singleton) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
          [JSON.stringify(state ?? null)],
        )
        await notify(tx, { type: 'alerts' })
      })
    },

    async pruneAnswers(olderThanMs, nowMs) {
      const [row] = await db.query<{ n: number }>(
        'WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < $1::timestamptz RETURNING 1) SELECT count(*) AS n FROM gone',
        [new Date(nowMs - olderThanMs).toISOString()],
      )
      return row?.n ?? 0
    },
  }
}

/** The compare-and-set, one statement: the incident at `expectedVersion` becomes `next` at the version after; null when it was not at that version. */
async function compareAndSet(tx: Sql, id: string, expectedVersion: number, next: Incident): Promise<Incident | null> {
  const stored = normalise({ ...next, id })
  const [row] = await tx.query<IncidentRow>(
    `UPDATE incidents
        SET doc = $3::jsonb, version = version + 1, updated_at = $4::timestamptz, declared_at = $5::timestamptz
      WHERE id = $1 AND version = $2
  RETURNING ${INCIDENT_COLUMNS}`,
    [id, expectedVersion, JSON.stringify(toDoc(stored)), stored.updatedAt, stored.declaredAt],
  )
  return row ? toIncident(row) : null
}

/** What every write does after storing the incident: its timeline entries, its answer under the key, the revision, the notice. */
async function recordWrite(
  tx: Sql,
  incident: Incident,
  newEvents: readonly NewEvent[],
  key: string | null,
  answer: (incident: Incident, events: readonly TimelineEvent[]) => StoredAnswer,
): Promise<TimelineEvent[]> {
  const events = await appendEvents(tx, incident.id, newEvents)
  if (key !== null) await storeAnswer(tx, key, answer(incident, events))
  await bumpRevision(tx)
  await notify(tx, { type: 'incident', id: incident.id, version: incident.version })
  return events
}

async function getIncident(sql: Sql, id: string): Promise<Incident | null> {
  const [row] = await sql.query<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1`, [id])
  return row ? toIncident(row) : null
}

/**
 * Claims an idempotency key for this transaction, or returns the answer stored under it. The
 * database decides: the key is a primary key, so a concurrent claim of the same key waits on the
 * first one's row lock and, once that commits, finds the row and reads its answer (once it rolls
 * back instead, the waiting claim succeeds). Inside PGlite transactions simply run one at a time.
 */
async function claimKey(tx: Sql, key: string, fingerprint: string): Promise<Claimed | null> {
  // A pruned key can vanish between the two statements: then claiming it again succeeds.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claimed = await tx.query('INSERT INTO idempotency_keys (key, fingerprint) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key', [key, fingerprint])
    if (claimed.length > 0) return null
    const [row] = await tx.query<AnswerRow>('SELECT fingerprint, status, body, etag FROM idempotency_keys WHERE key = $1', [key])
    if (row) return { kind: 'replay', ...toAnswer(row) }
  }
  throw new Error(`Idempotency key ${JSON.stringify(key)} could not be claimed or read`)
}

async function storeAnswer(tx: Sql, key: string, answer: StoredAnswer): Promise<void> {
  await tx.query('UPDATE idempotency_keys SET status = $2, body = $3::json, etag = $4 WHERE key = $1', [key, answer.status, JSON.stringify(answer.body ?? null), answer.etag])
}

function toAnswer(row: AnswerRow): { fingerprint: string; answer: StoredAnswer } {
  // Committed rows always carry an answer (see the idempotency_keys table).
  if (row.status === null) throw new Error('An idempotency key was committed without its answer')
  return { fingerprint: row.fingerprint, answer: { status: row.status, body: row.body, etag: row.etag } }
}

async function nextNumber(tx: Sql): Promise<number> {
  const [row] = await tx.query<{ n: number }>("SELECT nextval('incident_number_seq') AS n")
  if (!row) throw new Error('nextval returned no row')
  return row.n
}

async function insertIncident(tx: Sql, incident: Incident, number: number): Promise<Incident> {
  const next = normalise(incident)
  const [row] = await tx.query<IncidentRow>(
    `INSERT INTO incidents (id, number, version, declared_at, updated_at, doc)
     VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::jsonb)
     RETURNING ${INCIDENT_COLUMNS}`,
    [next.id, number, next.version, next.declaredAt, next.updatedAt, JSON.stringify(toDoc(next))],
  )
  if (!row) throw new Error('INSERT … RETURNING returned no row')
  return toIncident(row)
}

/** One statement per event, in order, so seq (and so the EV- id) follows the given order. */
async function appendEvents(tx: Sql, incidentId: string, events: readonly NewEvent[]): Promise<TimelineEvent[]> {
  const stored: TimelineEvent[] = []
  for (const event of events) {
    const [row] = await tx.query<EventRow>(
      `INSERT INTO timeline_events (incident_id, at, actor, kind, text) VALUES ($1, $2::timestamptz, $3, $4, $5) RETURNING ${EVENT_COLUMNS}`,
      [incidentId, isoTimestamp(event.at), event.actor, event.kind, event.text],
    )
    if (!row) throw new Error('INSERT … RETURNING returned no row')
    stored.push(toEvent(row))
  }
  return stored
}

async function bumpRevision(tx: Sql): Promise<void> {
  await tx.query('UPDATE change_revision SET value = value + 1')
}

async function notify(tx: Sql, notice: ChangeNotice): Promise<void> {
  // Delivered when the transaction commits, and not at all when it rolls back.
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(notice)])
}

/** Only the contract's fields, timestamps in toISOString() form (throws on an invalid one). */
function normalise(incident: Incident): Incident {
  const out: Record<string, unknown> = {}
  for (const field of FIELDS) {
    const value = incident[field]
    out[field] = (DOC_TIMESTAMPS.has(field) || field === 'declaredAt' || field === 'updatedAt') && typeof value === 'string' ? isoTimestamp(value) : value
  }
  return out as Incident
}

function toDoc(incident: Incident): Record<string, unknown> {
  const doc: Record<string, unknown> = {}
  for (const field of DOC_FIELDS) doc[field] = incident[field]
  return doc
}

function toIncident(row: IncidentRow): Incident {
  const out: Record<string, unknown> = {}
  for (const field of FIELDS) {
    switch (field) {
      case 'id':
        out.id = row.id
        break
      case 'version':
        out.version = row.version
        break
      case 'declaredAt':
        out.declaredAt = row.declared_at
        break
      case 'updatedAt':
        out.updatedAt = row.updated_at
        break
      case 'followUps':
        out.followUps = Array.isArray(row.doc.followUps) ? row.doc.followUps.map(inContractOrder) : row.doc.followUps
        break
      default:
        out[field] = row.doc[field]
    }
  }
  return out as Incident
}

/** jsonb keeps object keys sorted its own way; follow-ups come back in the contract's order. */
function inContractOrder(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item
  const source = item as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of FOLLOW_UP_FIELDS) out[key] = source[key]
  return out
}

function toEvent(row: EventRow): TimelineEvent {
  return { id: row.id, incidentId: row.incident_id, at: row.at, actor: row.actor, kind: row.kind, text: row.text }
}

/** Any date-time the contract accepts → toISOString() form; 'now', 'epoch' and the like throw. */
function isoTimestamp(value: string): string {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new RangeError(`Not a timestamp: ${JSON.stringify(value)}`)
  return new Date(ms).toISOString()
}

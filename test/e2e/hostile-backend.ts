/**
 * The backend side of the hostile-text test: every hostile string stored through the mock
 * backend's own API, and the bodies the page's fetch answers with for what the mock has no
 * write for (roster, logs, alerts, playbooks, error messages).
 *
 * The writes go through the mock's own handlers (createHandlers: the same validation,
 * idempotency and incident rules the browser runs) with msw's getResponse, in Node, and the
 * world they leave is loaded into the browser's localStorage, where the in-page mock reads
 * it. Sent from the page instead, each write cost O(every incident): the app refetches the
 * whole incident list after every change it hears of, so ~1,100 writes took 207 s.
 */
import { getResponse } from 'msw'
import { safeParse } from 'zod/mini'
import { unstorableTextPath } from '@/api/request-validation'
import { declareIncidentRequest, noteRequest, patchIncidentRequest, type FollowUp } from '@/api/schemas'
import { createHandlers } from '@/mocks/handlers/all'
import { createWorld, STORAGE_KEY, type World } from '@/mocks/world'
import type { Feed } from './hostile-watch'

/** Follow-ups an incident may hold (the contract's limit), and notes put on one timeline. */
const PER_INCIDENT = 100
export const ERROR_PREFIX = '/api/incidents/hostile-error-'

export const personId = (i: number) => `hostile-person-${i}`

/** Whether the backend stores `body` for a write with this schema (else it answers 422): the contract's own check. */
function accepted(schema: typeof declareIncidentRequest | typeof noteRequest | typeof patchIncidentRequest, body: object): boolean {
  return safeParse(schema, body).success && unstorableTextPath(body) === null
}

/** Whether the backend would store this text at all (no NUL, no half surrogate pair). */
export const storable = (text: string) => unstorableTextPath(text) === null

interface Declare {
  title: string
  impact: string
  /** Which fields hold the hostile string (a refused title is replaced by a plain one). */
  hostileTitle: boolean
  hostileImpact: boolean
}

/** One incident per string: the string as title and as impact, where the contract takes it. */
function declarations(strings: readonly string[]): Declare[] {
  return strings.flatMap((s, i) => {
    const base = { severity: 'P3', services: [] }
    const hostileTitle = accepted(declareIncidentRequest, { ...base, title: s, impact: '' })
    const hostileImpact = accepted(declareIncidentRequest, { ...base, title: 'x', impact: s })
    if (!hostileTitle && !hostileImpact) return []
    return [{ title: hostileTitle ? s : `Hostile impact ${i}`, impact: hostileImpact ? s : '', hostileTitle, hostileImpact }]
  })
}

export interface Lane {
  /** Each by the roster person whose name is the same string. */
  notes: { text: string; actor: string }[]
  followUps: FollowUp[]
}

/** Notes and follow-ups, dealt into incidents of at most PER_INCIDENT each. */
function lanes(strings: readonly string[]): Lane[] {
  const notes = strings.flatMap((text, i) => (accepted(noteRequest, { text, actor: personId(i) }) ? [{ text, actor: personId(i) }] : []))
  // A blank follow-up reads "(no description)": not the string, so not tried here.
  const followUps = strings.flatMap((text, i) => {
    const item: FollowUp = { id: `hostile-follow-up-${i}`, text, owner: text, due: null, done: false }
    return text.trim() !== '' && accepted(patchIncidentRequest, { followUps: [item] }) ? [item] : []
  })
  const count = Math.ceil(Math.max(notes.length, followUps.length) / PER_INCIDENT)
  return Array.from({ length: count }, (_, n) => ({
    notes: notes.slice(n * PER_INCIDENT, (n + 1) * PER_INCIDENT),
    followUps: followUps.slice(n * PER_INCIDENT, (n + 1) * PER_INCIDENT),
  }))
}

export interface SeededIncident {
  id: string
  title: string
  impact: string
  hostileTitle: boolean
  hostileImpact: boolean
}

/** A mock world as the browser keeps it: loaded into localStorage before the app starts. */
export interface StoredWorld {
  key: string
  value: string
}

export interface Seeded {
  /** One incident per string, in a world of their own (so the notes do not weigh on every read of them). */
  incidents: SeededIncident[]
  incidentWorld: StoredWorld
  /** The incidents holding the notes and follow-ups, with what each holds, in a second world. */
  lanes: { id: string; lane: Lane }[]
  laneWorld: StoredWorld
  writes: number
}

/**
 * The mock's world, changed in place. createWorld's update() copies the whole state for each
 * write (so a write that throws leaves nothing half done), which over a thousand writes to a
 * growing store cost ~15 s; here a write that throws fails the test anyway.
 */
function worldInPlace(): World {
  const base = createWorld()
  let state = base.read()
  return {
    now: () => base.now(),
    setClock: (now) => {
      base.setClock(now)
    },
    read: () => state,
    update: (change) => change(state),
    reset: (options) => {
      base.reset(options)
      state = base.read()
    },
    subscribe: () => () => undefined,
  }
}

/** The mock backend's API over a world of its own, and that world as the browser stores it. */
function backend() {
  const world = worldInPlace()
  const handlers = createHandlers(world)
  const origin = 'http://vigil.test'
  let writes = 0
  return {
    writes: () => writes,
    stored: (): StoredWorld => ({ key: STORAGE_KEY, value: JSON.stringify(world.read()) }),
    /** Throws on any answer but 2xx: each body was checked against the contract first. */
    send: async (method: 'POST' | 'PATCH', path: string, body: object, headers: Record<string, string> = {}) => {
      writes += 1
      const request = new Request(`${origin}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `hostile-text-${writes}`, ...headers },
        body: JSON.stringify(body),
      })
      const response = await getResponse(handlers, request, { baseUrl: origin })
      if (response === undefined || !response.ok) {
        throw new Error(`${method} ${path} ${JSON.stringify(body).slice(0, 80)} → ${response === undefined ? 'no handler' : `HTTP ${response.status}: ${await response.text()}`}`)
      }
      return { json: (await response.json()) as { id: string; title: string; impact: string }, etag: response.headers.get('ETag') ?? '' }
    },
  }
}

/** Stores every string through the mock backend's API: as titles and impacts in one world, as notes and follow-ups in another. */
export async function seed(strings: readonly string[]): Promise<Seeded> {
  const declaring = backend()
  const incidents: SeededIncident[] = []
  for (const d of declarations(strings)) {
    const { json } = await declaring.send('POST', '/api/incidents', { title: d.title, severity: 'P3', impact: d.impact, services: [] })
    incidents.push({ id: json.id, title: json.title, impact: json.impact, hostileTitle: d.hostileTitle, hostileImpact: d.hostileImpact })
  }
  const filling = backend()
  const filled: Seeded['lanes'] = []
  for (const [n, lane] of lanes(strings).entries()) {
    const declared = await filling.send('POST', '/api/incidents', { title: `Hostile notes and follow-ups ${n + 1}`, severity: 'P4', impact: '', services: [] })
    const id = declared.json.id
    if (lane.followUps.length > 0) await filling.send('PATCH', `/api/incidents/${id}`, { followUps: lane.followUps }, { 'If-Match': declared.etag })
    for (const note of lane.notes) await filling.send('POST', `/api/incidents/${id}/notes`, note)
    filled.push({ id, lane })
  }
  return {
    incidents,
    incidentWorld: declaring.stored(),
    lanes: filled,
    laneWorld: filling.stored(),
    writes: declaring.writes() + filling.writes(),
  }
}

// ---------------------------------------------------------------- what the page's fetch answers

/** Playbook text is trimmed and 1–2,000 characters (src/api/runbooks.ts); one bad playbook fails the whole answer. */
const playbookText = (s: string) => s.trim().length >= 1 && s.trim().length <= 2000

/** The served playbooks: one per string the schema takes, titled with it (as the app shows it: trimmed). */
export function playbooksOf(strings: readonly string[]): { slug: string; title: string }[] {
  return strings.flatMap((s, i) => (playbookText(s) ? [{ slug: `hostile-${i}`, title: s.trim() }] : []))
}

/** What a page's fetch answers itself: the roster, or the alerts, log lines, playbooks and error messages. */
export type FeedPart = 'nothing' | 'roster' | 'alerts, logs, playbooks and errors'

/**
 * The roster (every string a person's name, four levels, the first of each on call); or
 * every string an alert (firing, its playbook slug the string too: an href-able field), a
 * log line and a playbook's every text, and a 500 with each string as its message.
 */
export function feed(strings: readonly string[], part: FeedPart): Feed {
  const now = new Date().toISOString()
  const people = strings.map((name, i) => ({ id: personId(i), name, handle: `hostile-handle-${i}` }))
  const levels = [1, 2, 3, 4].map((level) => {
    const onLevel = people.filter((_, i) => i % 4 === level - 1)
    return { level, title: `Level ${level}`, people: onLevel, onCall: onLevel[0]?.id ?? personId(0) }
  })
  const alerts = strings.map((name, i) => ({
    id: `hostile-alert-${i}`,
    ruleId: `hostile-rule-${i}`,
    name,
    severity: 'warning',
    subject: 'agent',
    state: 'firing',
    value: null,
    threshold: 1,
    since: now,
    summary: name,
    playbook: name,
    metric: null,
  }))
  // All lines in one answer, past the tail's limit of 100: the client shows what it is sent.
  const lines = strings.map((message, i) => ({ id: `hostile-line-${i}`, at: now, service: 'agent', level: 'ERROR', message, errorType: null }))
  const playbooks = strings.flatMap((s, i) =>
    playbookText(s)
      ? [
          {
            slug: `hostile-${i}`,
            title: s,
            symptoms: [s],
            investigation: [{ kind: 'command', comment: s, command: s }],
            causes: [{ id: 'cause', cause: s, check: s }],
            resolution: [{ id: 'step', label: s }],
          },
        ]
      : [],
  )
  if (part === 'nothing') return { answers: {}, errorPrefix: ERROR_PREFIX, errors: [] }
  if (part === 'roster') return { answers: { '/api/roster': { levels } }, errorPrefix: ERROR_PREFIX, errors: [] }
  return {
    answers: {
      '/api/alerts': { at: now, alerts },
      '/api/logs': { lines, source: { kind: 'file', detail: 'hostile-text.spec.ts' } },
      '/api/runbooks': { playbooks },
    },
    errorPrefix: ERROR_PREFIX,
    errors: strings,
  }
}

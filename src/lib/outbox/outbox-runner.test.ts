import { QueryClient } from '@tanstack/react-query'
import { declareIncident, etagOf, fetchIncident, patchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { controlSimulator } from '@/api/simulator'
import type { OutboxRequest } from '@/domain/outbox'
import { draftKey, readDraft, writeDraftText } from './drafts'
import { startOutboxRunner } from './outbox-runner'
import { outboxSnapshot, queueChange, queueFailedChange, type NewChange } from './outbox-store'

let stop: (() => void) | null = null

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  stop?.()
  stop = null
  vi.useRealTimers()
  localStorage.clear()
})

let declared = 0
async function anIncident(): Promise<Incident> {
  declared += 1
  return declareIncident({ title: 'LLM timeouts', severity: 'P2', impact: '', services: ['llm'] }, `runner-test-${declared}`)
}

const path = (id: string, suffix = '') => `/api/incidents/${id}${suffix}`

function noteChange(incident: Incident, id: string, text: string, draft?: string): NewChange {
  const request: OutboxRequest = { method: 'POST', path: path(incident.id, '/notes'), body: { text, actor: 'priya' } }
  return {
    id,
    key: `incident:${incident.id}:note`,
    request,
    meta: { incidentId: incident.id, summary: `Note: ${text}`, stake: [], ...(draft === undefined ? {} : { draftKey: draft }) },
  }
}

function patchChange(incident: Incident, id: string, body: Record<string, unknown>, basedOn: number): NewChange {
  return {
    id,
    key: `incident:${incident.id}`,
    request: { method: 'PATCH', path: path(incident.id), body: { ...body, actor: 'priya' }, ifMatch: etagOf(basedOn) },
    meta: {
      incidentId: incident.id,
      summary: 'edit',
      stake: Object.entries(body).map(([field, yours]) => ({ path: field, base: (incident as unknown as Record<string, unknown>)[field], yours })),
    },
  }
}

const timelineTexts = async (id: string) => {
  const res = await fetch(`/api/incidents/${id}/timeline`)
  const body = (await res.json()) as { events: { text: string }[] }
  return body.events.map((e) => e.text)
}

/** Lets fetches (answered by the in-process mock backend) and the runner's follow-ups settle. */
async function settle(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms)
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => {
      queueMicrotask(resolve)
    })
  await vi.waitFor(() => Promise.resolve(), { timeout: 50 })
}

test('a change that failed is not retried before the server\'s Retry-After, then is sent and removed', async () => {
  const incident = await anIncident()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  const key = draftKey('note', incident.id)
  writeDraftText(key, 'Pool restarted')
  const id = readDraft(key)?.id ?? ''
  queueFailedChange(noteChange(incident, id, 'Pool restarted', key), 'HTTP 503', Date.now(), 5_000)

  stop = startOutboxRunner(new QueryClient())
  await settle(4_900)
  expect(outboxSnapshot().box.entries).toHaveLength(1)

  await settle(200)
  await vi.waitFor(() => {
    expect(outboxSnapshot().box.entries).toHaveLength(0)
  })
  vi.useRealTimers()
  expect(await timelineTexts(incident.id)).toContain('Pool restarted')
  // The draft the note came from is cleared once the server has it.
  expect(readDraft(key)).toBeNull()
})

test('a failed retry counts the attempt and waits at least the Retry-After before the next', async () => {
  const incident = await anIncident()
  await controlSimulator({ faults: { rate: 1, status: 503 } })
  const before = Date.now()
  queueChange(noteChange(incident, 'n1', 'Checked quotas'), before)

  stop = startOutboxRunner(new QueryClient())
  await vi.waitFor(() => {
    expect(outboxSnapshot().box.entries[0]?.attempts).toBe(1)
  })
  const [entry] = outboxSnapshot().box.entries
  expect(entry?.lastError).toMatch(/HTTP 503/)
  // The mock sends Retry-After: 1 with a 503.
  expect(entry?.nextAttemptAt).toBeGreaterThanOrEqual(before + 1_000)

  await controlSimulator({ faults: null })
  await vi.waitFor(
    () => {
      expect(outboxSnapshot().box.entries).toHaveLength(0)
    },
    { timeout: 4_000 },
  )
  expect(await timelineTexts(incident.id)).toContain('Checked quotas')
})

test('changes on one incident are sent in order, and the later one does not trip over the earlier one', async () => {
  const incident = await anIncident()
  const now = Date.now()
  queueChange(patchChange(incident, 'a', { status: 'identified' }, incident.version), now)
  queueChange(patchChange(incident, 'b', { assignee: 'tom' }, incident.version), now)

  stop = startOutboxRunner(new QueryClient())
  await vi.waitFor(() => {
    expect(outboxSnapshot().box.entries).toHaveLength(0)
  })
  expect(outboxSnapshot().problems).toEqual([])
  const saved = await fetchIncident(incident.id)
  expect(saved).toMatchObject({ status: 'identified', assignee: 'tom', version: incident.version + 2 })
  const texts = await timelineTexts(incident.id)
  expect(texts.indexOf('Status investigating → identified')).toBeLessThan(texts.indexOf('Assigned to Tom Becker'))
})

test('a real conflict is kept for the responder and holds back what was queued behind it', async () => {
  const incident = await anIncident()
  await patchIncident(incident.id, incident.version, { status: 'identified', actor: 'tom' })
  const now = Date.now()
  queueChange(patchChange(incident, 'mine', { status: 'mitigated' }, incident.version), now)
  queueChange(patchChange(incident, 'next', { assignee: 'ana' }, incident.version), now)

  stop = startOutboxRunner(new QueryClient())
  await vi.waitFor(() => {
    expect(outboxSnapshot().problems).toHaveLength(1)
  })
  const [problem] = outboxSnapshot().problems
  expect(problem).toMatchObject({ id: 'mine', kind: 'conflict', current: { status: 'identified' } })
  expect(outboxSnapshot().box.entries.map((e) => e.id)).toEqual(['next'])
  expect((await fetchIncident(incident.id)).assignee).toBeNull()
})

test('a 412 where the change is already what the server has counts as saved', async () => {
  const incident = await anIncident()
  await patchIncident(incident.id, incident.version, { status: 'identified', actor: 'tom' })
  queueChange(patchChange(incident, 'same', { status: 'identified' }, incident.version), Date.now())

  stop = startOutboxRunner(new QueryClient())
  await vi.waitFor(() => {
    expect(outboxSnapshot().box.entries).toHaveLength(0)
  })
  expect(outboxSnapshot().problems).toEqual([])
})

test('a change the server refuses for good stops retrying and is kept, with the reason, for the responder', async () => {
  const incident = await anIncident()
  queueChange(patchChange(incident, 'bad', { assignee: 'nobody-here' }, incident.version), Date.now())

  stop = startOutboxRunner(new QueryClient())
  await vi.waitFor(() => {
    expect(outboxSnapshot().problems).toHaveLength(1)
  })
  expect(outboxSnapshot().problems[0]).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/Nobody called "nobody-here"/) as unknown })
  expect(outboxSnapshot().box.entries).toEqual([])
})

import type { Incident } from '@/api/schemas'

/** 2026-11-27 12:00 UTC: "now" in the list's pure tests and benchmark. */
export const NOW = Date.parse('2026-11-27T12:00:00Z')
export const MIN = 60_000
export const HOUR = 60 * MIN

export const minutesAgo = (m: number): string => new Date(NOW - m * MIN).toISOString()

/** An incident as the API sends it, with test defaults for whatever is not given. */
export function buildIncident(partial: Partial<Incident> = {}): Incident {
  const declaredAt = partial.declaredAt ?? minutesAgo(10)
  return {
    id: 'INC-10001',
    title: 'Voice agent not responding',
    severity: 'P2',
    status: 'investigating',
    impact: 'Users cannot hold a conversation',
    services: [],
    assignee: null,
    escalationLevel: 1,
    declaredAt,
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
    updatedAt: partial.updatedAt ?? declaredAt,
    version: 1,
    ...partial,
  }
}

const SEVERITY_MIX = ['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4', 'P4', 'SEV0'] as const
const STATUS_MIX = ['investigating', 'identified', 'mitigated', 'resolved', 'resolved', 'closed', 'closed', 'closed'] as const
const SERVICE_MIX = ['stt', 'llm', 'tts', 'livekit', 'database', 'openai', 'groq'] as const
const TITLES = ['STT error rate > 10 %', 'LLM timeouts', 'TTS voice garbled', 'LiveKit rooms dropping', 'Database connection lost', 'OpenAI quota exceeded']
const PEOPLE = [null, 'priya', 'tom', 'kwame', 'ana'] as const

/**
 * `n` varied incidents over the last few weeks, deterministic (no random numbers) so a
 * benchmark measures the same work on every run.
 */
export function manyIncidents(n: number): Incident[] {
  const pick = <T>(list: readonly T[], k: number): T => list[k % list.length] as T
  return Array.from({ length: n }, (_, k) => {
    const status = pick(STATUS_MIX, k * 7 + 3)
    const declaredMs = NOW - ((k * 97) % (30 * 24 * 60)) * MIN
    const ended = status === 'resolved' || status === 'closed' ? new Date(declaredMs + 90 * MIN).toISOString() : null
    return buildIncident({
      id: `INC-${10_001 + k}`,
      title: `${pick(TITLES, k)} #${k}`,
      severity: pick(SEVERITY_MIX, k * 5 + 1),
      status,
      services: [pick(SERVICE_MIX, k), pick(SERVICE_MIX, k * 3 + 1)],
      assignee: pick(PEOPLE, k * 11),
      declaredAt: new Date(declaredMs).toISOString(),
      acknowledgedAt: k % 3 === 0 ? new Date(declaredMs + 4 * MIN).toISOString() : null,
      resolvedAt: ended,
      closedAt: status === 'closed' ? ended : null,
    })
  })
}

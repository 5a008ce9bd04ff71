import {
  MISSING,
  durationInWords,
  fillTemplate,
  formatDateTime,
  formatHandle,
  formatPostmortem,
  formatStatus,
  incidentMessageContext,
  messageValues,
  renderMessage,
  resolveTimeZone,
  type MessageContext,
  type MessageIncident,
} from './messages'
import { MESSAGE_TEMPLATES, PLACEHOLDER_KEYS, messageTemplate } from './runbook'

const MIN = 60_000
const t = (iso: string) => Date.parse(iso)
const NOW = t('2026-11-27T10:30:00Z')

const example: MessageContext = {
  severity: 'P1',
  title: 'Voice Agent Service Down',
  status: 'investigating',
  impact: 'All users affected',
  onCall: 'priya',
  incidentId: 'INC-12345',
  rootCause: 'OpenAI API outage',
  resolution: 'Switched to Ollama fallback',
  eta: '5 minutes',
  durationMs: 15 * MIN,
  postmortemAt: '2026-11-28T10:00:00Z',
  now: NOW,
}

test('the internal alert is laid out as the runbook shows it, starting cleanly at "[P1]"', () => {
  expect(renderMessage(messageTemplate('internal-alert'), example)).toBe(
    '[P1] Voice Agent Service Down\nStatus: Investigating\nImpact: All users affected\nOn-call: @priya\nIncident: INC-12345',
  )
})

test('the status update says UPDATE and carries status, root cause, resolution and ETA', () => {
  expect(renderMessage(messageTemplate('status-update'), { ...example, status: 'mitigated' })).toBe(
    '[P1] Voice Agent Service Down - UPDATE\nStatus: Mitigated\nRoot Cause: OpenAI API outage\nResolution: Switched to Ollama fallback\nETA: 5 minutes',
  )
})

test('the resolution message says RESOLVED with the duration in words and the post-mortem', () => {
  expect(renderMessage(messageTemplate('resolution'), example)).toBe(
    '[P1] Voice Agent Service Down - RESOLVED\nDuration: 15 minutes\nRoot Cause: OpenAI API outage\nResolution: Switched to Ollama fallback\nPost-mortem: Scheduled for tomorrow, 10:00 UTC',
  )
})

test.each(MESSAGE_TEMPLATES.map((tpl) => [tpl.id, tpl] as const))(
  '%s with nothing known prints placeholders, never "undefined" or "null"',
  (_id, template) => {
    const lines = renderMessage(template, {}).split('\n')
    expect(lines.join('\n')).not.toMatch(/undefined|null|NaN|\{\{/)
    expect(lines).toHaveLength(template.lines.length)
    expect(lines[0]?.startsWith('[Unknown] Untitled incident')).toBe(true)
  },
)

test('blank and whitespace-only values count as missing; null and undefined alike', () => {
  const values = messageValues({
    severity: ' ',
    title: '',
    status: null,
    impact: '\n\t',
    onCall: '   ',
    incidentId: undefined,
    rootCause: '',
    resolution: ' ',
    eta: null,
    durationMs: null,
    postmortemAt: '',
  })
  expect(values).toEqual(MISSING)
  expect(Object.keys(values).sort()).toEqual([...PLACEHOLDER_KEYS].sort())
})

test('a non-finite duration reads Unknown rather than NaN', () => {
  expect(messageValues({ durationMs: Number.NaN }).duration).toBe('Unknown')
})

test('hostile text is kept exactly as typed: HTML, replacement patterns and placeholder syntax', () => {
  const title = '<img src=x onerror=alert(1)> $& $1 {{status}} "quoted" & co'
  const lines = renderMessage(messageTemplate('internal-alert'), { ...example, title, impact: '</textarea><script>x()</script>' }).split('\n')
  expect(lines[0]).toBe(`[P1] ${title}`)
  expect(lines[2]).toBe('Impact: </textarea><script>x()</script>')
  // "{{status}}" inside a value is not expanded again.
  expect(lines.join('\n').match(/Investigating/g)).toHaveLength(1)
})

test('an unknown placeholder in a template is left as written so the typo shows', () => {
  expect(fillTemplate({ lines: ['Owner: {{owner}}', 'Sev: {{severity}}'] }, messageValues({ severity: 'P2' }))).toBe(
    'Owner: {{owner}}\nSev: P2',
  )
})

test.each([
  [0, '0 seconds'],
  [1000, '1 second'],
  [59_999, '59 seconds'],
  [MIN, '1 minute'],
  [15 * MIN, '15 minutes'],
  [15 * MIN + 59_000, '15 minutes'],
  [60 * MIN, '1 hour'],
  [65 * MIN, '1 hour 5 minutes'],
  [24 * 60 * MIN, '1 day'],
  [51 * 60 * MIN + 30 * MIN, '2 days 3 hours'],
  [-5 * MIN, '0 seconds'],
] as const)('durationInWords(%i) is "%s"', (ms, expected) => {
  expect(durationInWords(ms)).toBe(expected)
})

test.each([
  ['investigating', 'Investigating'],
  ['identified', 'Identified'],
  ['mitigated', 'Mitigated'],
  ['resolved', 'Resolved'],
  ['closed', 'Closed'],
  ['on-hold', 'On-hold'],
] as const)('formatStatus(%s) is %s', (status, expected) => {
  expect(formatStatus(status)).toBe(expected)
})

test.each([
  ['priya', '@priya'],
  ['@priya', '@priya'],
  ['engineer-name', '@engineer-name'],
] as const)('formatHandle(%s) is %s', (handle, expected) => {
  expect(formatHandle(handle)).toBe(expected)
})

test.each([
  ['later today', '2026-11-27T16:00:00Z', undefined, 'Scheduled for today, 16:00 UTC'],
  ['tomorrow', '2026-11-28T09:30:00Z', undefined, 'Scheduled for tomorrow, 09:30 UTC'],
  ['next week', '2026-12-02T10:00:00Z', undefined, 'Scheduled for 2026-12-02 10:00 UTC'],
  ['yesterday', '2026-11-26T10:00:00Z', undefined, 'Scheduled for 2026-11-26 10:00 UTC'],
  // 23:30 UTC is already the 28th in Berlin: tomorrow there, today in UTC.
  ['just after midnight in Berlin', '2026-11-27T23:30:00Z', 'Europe/Berlin', 'Scheduled for tomorrow, 00:30 Europe/Berlin'],
  ['the same instant in UTC', '2026-11-27T23:30:00Z', 'UTC', 'Scheduled for today, 23:30 UTC'],
  ['an unknown zone falls back to UTC', '2026-11-28T09:30:00Z', 'Mars/Olympus', 'Scheduled for tomorrow, 09:30 UTC'],
  ['an unreadable date, kept as given', 'next Tuesday', undefined, 'Scheduled for next Tuesday'],
] as const)('post-mortem %s', (_name, at, timeZone, expected) => {
  expect(formatPostmortem(at, NOW, timeZone)).toBe(expected)
})

test('post-mortem: not scheduled, and an absolute date when no present is given', () => {
  expect(formatPostmortem(null, NOW)).toBe('Not scheduled')
  expect(formatPostmortem(undefined)).toBe('Not scheduled')
  expect(formatPostmortem(t('2026-11-28T09:30:00Z'))).toBe('Scheduled for 2026-11-28 09:30 UTC')
})

test('resolveTimeZone keeps a known zone and replaces a missing or unknown one with UTC', () => {
  expect(resolveTimeZone('America/New_York')).toBe('America/New_York')
  expect(resolveTimeZone(undefined)).toBe('UTC')
  expect(resolveTimeZone('')).toBe('UTC')
  expect(resolveTimeZone('Not/AZone')).toBe('UTC')
  expect(formatDateTime(t('2026-11-27T10:04:00Z'), 'America/New_York')).toBe('2026-11-27 05:04 America/New_York')
})

const incident: MessageIncident = {
  id: 'INC-20001',
  title: 'STT failing',
  severity: 'P2',
  status: 'investigating',
  impact: 'Some users cannot speak to the agent',
  rootCause: '',
  resolution: '',
  declaredAt: '2026-11-27T10:00:00Z',
  resolvedAt: null,
  postmortemAt: null,
}

test('an open incident lasts until now; its messages fill in ID, on-call and placeholders', () => {
  const context = incidentMessageContext(incident, { now: NOW, onCall: 'sam' })
  expect(context.durationMs).toBe(30 * MIN)
  expect(renderMessage(messageTemplate('internal-alert'), context)).toBe(
    '[P2] STT failing\nStatus: Investigating\nImpact: Some users cannot speak to the agent\nOn-call: @sam\nIncident: INC-20001',
  )
  expect(renderMessage(messageTemplate('status-update'), context)).toBe(
    '[P2] STT failing - UPDATE\nStatus: Investigating\nRoot Cause: TBD\nResolution: TBD\nETA: TBD',
  )
})

test('a resolved incident lasts from declaration to resolution, whatever the present', () => {
  const resolved = {
    ...incident,
    status: 'resolved',
    resolvedAt: '2026-11-27T10:15:00Z',
    rootCause: 'OpenAI API outage',
    resolution: 'Switched to Ollama fallback',
    postmortemAt: '2026-11-28T10:00:00Z',
  }
  const context = incidentMessageContext(resolved, { now: NOW + 3 * 60 * MIN, eta: null, timeZone: 'UTC' })
  expect(renderMessage(messageTemplate('resolution'), context)).toBe(
    '[P2] STT failing - RESOLVED\nDuration: 15 minutes\nRoot Cause: OpenAI API outage\nResolution: Switched to Ollama fallback\nPost-mortem: Scheduled for tomorrow, 10:00 UTC',
  )
})

test('an unreadable declaration time gives an Unknown duration, not NaN', () => {
  const context = incidentMessageContext({ ...incident, declaredAt: 'garbage' }, { now: NOW })
  expect(renderMessage(messageTemplate('resolution'), context)).toContain('Duration: Unknown')
})

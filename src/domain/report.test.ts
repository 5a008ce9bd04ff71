import type { FollowUp, Incident, TimelineEvent } from '@/api/schemas'
import { escapeBlock, escapeInline, incidentReport, type ReportIncident, type ReportTimelineEvent } from './report'
import { POST_INCIDENT_CHECKLIST } from './runbook'

const NOW = Date.parse('2026-11-27T12:00:00Z')

const build = (over: Partial<ReportIncident> = {}): ReportIncident => ({
  id: 'INC-12345',
  title: 'Voice Agent Service Down',
  severity: 'P1',
  status: 'resolved',
  impact: 'All users affected',
  services: ['stt', 'llm'],
  declaredAt: '2026-11-27T10:00:00Z',
  acknowledgedAt: '2026-11-27T10:03:00Z',
  mitigatedAt: '2026-11-27T10:09:30Z',
  resolvedAt: '2026-11-27T10:15:00Z',
  rootCause: 'OpenAI API outage',
  resolution: 'Switched to Ollama fallback',
  postmortemAt: '2026-11-28T10:00:00Z',
  followUps: [
    { text: 'Alert on OpenAI status page', owner: 'priya', due: '2026-12-01', done: true },
    { text: 'Load-test the Ollama fallback', owner: 'sam', due: null, done: false },
  ],
  checklist: ['post-incident-checklist.document-incident', 'post-incident-checklist.create-report', 'triage.assign'],
  ...over,
})

const timeline: ReportTimelineEvent[] = [
  { at: '2026-11-27T10:03:00Z', actor: 'priya', kind: 'acknowledged', text: 'Acknowledged' },
  { at: '2026-11-27T10:00:00Z', actor: 'system', kind: 'declared', text: 'Declared from alert service-down:stt' },
  { at: '2026-11-27T10:15:00Z', actor: 'priya', kind: 'status', text: 'mitigated → resolved' },
]

/** Undo the report's escaping: what a Markdown renderer would show as text. */
const unescape = (s: string) =>
  s
    .replace(/<br>/g, '\n')
    .replace(/\\\n/g, '\n')
    .replace(/\\([\\<|#>+\-*=_`~.)])/g, '$1')

/** The text of one `## heading` section, up to the next. */
function section(report: string, heading: string): string {
  const start = report.indexOf(`\n## ${heading}`)
  if (start < 0) throw new Error(`no section ${heading}`)
  const next = report.indexOf('\n## ', start + 1)
  return report.slice(start, next < 0 ? undefined : next)
}

test('the API types satisfy the report input types', () => {
  expectTypeOf<Incident>().toExtend<ReportIncident>()
  expectTypeOf<TimelineEvent>().toExtend<ReportTimelineEvent>()
  expectTypeOf<FollowUp>().toExtend<ReportIncident['followUps'][number]>()
})

test('the report has every section, in order', () => {
  const report = incidentReport(build(), timeline, { now: NOW })
  const headings = report.split('\n').filter((l) => l.startsWith('#'))
  expect(headings).toEqual([
    '# INC-12345: Voice Agent Service Down',
    '## Summary',
    '## Durations',
    '## Timeline',
    '## Root cause',
    '## Resolution',
    '## Follow-up actions',
    '## Post-incident checklist (2/6)',
    '## Response process',
  ])
  expect(report).toContain('_Generated 2026-11-27 12:00 UTC._')
  expect(report.endsWith('\n')).toBe(true)
})

test('the summary gives severity with its runbook impact, status, impact, services and post-mortem', () => {
  const summary = section(incidentReport(build({ assignee: 'priya', escalationLevel: 2 }), timeline, { now: NOW, names: new Map([['priya', '@priya']]) }), 'Summary')
  expect(summary).toContain('P1 incident declared 2026-11-27 10:00 UTC. Resolved after 15 minutes.')
  expect(summary).toContain('| Severity | P1 — Critical (Service completely down) |')
  expect(summary).toContain('| Status | Resolved |')
  expect(summary).toContain('| Impact | All users affected |')
  expect(summary).toContain('| Affected services | STT, LLM |')
  expect(summary).toContain('| Assignee | @priya |')
  expect(summary).toContain('| Escalation | L2: Senior engineer |')
  expect(summary).toContain('| Post-mortem | 2026-11-28 10:00 UTC |')
})

test('durations run from declaration to acknowledgement, mitigation and resolution', () => {
  const durations = section(incidentReport(build(), timeline, { now: NOW }), 'Durations')
  expect(durations).toContain('| Time to acknowledge | 3 minutes | 2026-11-27 10:03 UTC |')
  expect(durations).toContain('| Time to mitigate | 9 minutes | 2026-11-27 10:09 UTC |')
  expect(durations).toContain('| Time to resolve | 15 minutes | 2026-11-27 10:15 UTC |')
})

test('an open incident says how long it has been open and which durations are not yet known', () => {
  const report = incidentReport(
    build({ status: 'investigating', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, rootCause: '', resolution: '', postmortemAt: null, followUps: [], checklist: [] }),
    [],
    { now: NOW },
  )
  expect(report).toContain('P1 incident declared 2026-11-27 10:00 UTC. Investigating, open for 2 hours so far.')
  expect(report).toContain('| Time to acknowledge | Not yet | — |')
  expect(report).toContain('| Time to resolve | Not yet | — |')
  expect(report).toContain('| Post-mortem | Not scheduled |')
  expect(section(report, 'Timeline')).toContain('No events recorded.')
  expect(section(report, 'Root cause')).toContain('TBD')
  expect(section(report, 'Follow-up actions')).toContain('None recorded.')
  expect(report).toContain('## Post-incident checklist (0/6)')
  expect(report).not.toMatch(/undefined|null|NaN/)
})

test('a resolved incident without a mitigation step says the time was not recorded', () => {
  const report = incidentReport(build({ mitigatedAt: null }), timeline, { now: NOW })
  expect(report).toContain('| Time to mitigate | Not recorded | — |')
})

test('the timeline is oldest first; clock times carry the date on the first row and when the day changes', () => {
  const overnight = [
    ...timeline,
    { at: '2026-11-28T00:05:00Z', actor: 'sam', kind: 'note', text: 'Still quiet' },
    { at: '2026-11-28T00:05:00Z', actor: 'sam', kind: 'note', text: 'Same minute, kept in order' },
  ]
  const rows = section(incidentReport(build(), overnight, { now: NOW }), 'Timeline').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Time') && !l.startsWith('| ---'))
  expect(rows).toEqual([
    '| 2026-11-27 10:00 UTC | system | declared | Declared from alert service-down:stt |',
    '| 10:03 UTC | priya | acknowledged | Acknowledged |',
    '| 10:15 UTC | priya | status | mitigated → resolved |',
    '| 2026-11-28 00:05 UTC | sam | note | Still quiet |',
    '| 00:05 UTC | sam | note | Same minute, kept in order |',
  ])
})

test('ISO times and another time zone are choices of the caller', () => {
  const iso = incidentReport(build(), timeline, { now: NOW, times: 'iso' })
  expect(iso).toContain('| 2026-11-27T10:00:00.000Z | system | declared |')
  const berlin = incidentReport(build(), timeline, { now: NOW, timeZone: 'Europe/Berlin' })
  expect(berlin).toContain('| 2026-11-27 11:00 Europe/Berlin | system | declared |')
  expect(berlin).toContain('_Generated 2026-11-27 13:00 Europe/Berlin._')
})

test('the same input always gives the same report', () => {
  expect(incidentReport(build(), timeline, { now: NOW })).toBe(incidentReport(build(), [...timeline], { now: NOW }))
})

test('follow-ups show done as [x], owner and due date', () => {
  const followUps = section(incidentReport(build(), timeline, { now: NOW, names: new Map([['sam', 'Sam Okafor']]) }), 'Follow-up actions')
  expect(followUps).toContain('- [x] Alert on OpenAI status page — owner: priya, due 2026-12-01')
  expect(followUps).toContain('- [ ] Load-test the Ollama fallback — owner: Sam Okafor, no due date')
})

test('the post-incident checklist lists all six items with their state', () => {
  const checklist = section(incidentReport(build(), timeline, { now: NOW }), 'Post-incident checklist')
  expect(checklist).toContain('- [x] Document incident in incident log')
  expect(checklist).toContain('- [x] Create incident report')
  expect(checklist).toContain('- [ ] Schedule post-mortem meeting')
  expect(checklist.split('\n').filter((l) => l.startsWith('- ['))).toHaveLength(POST_INCIDENT_CHECKLIST.length)
  expect(section(incidentReport(build(), timeline, { now: NOW }), 'Response process')).toContain('- Triage: 1/3 steps')
})

const HOSTILE = 'a | b\nc <img src=x onerror=alert(1)> \\| d\r\n# not a heading'

test('hostile text in table cells cannot break the table, and no character is dropped', () => {
  const report = incidentReport(build({ impact: HOSTILE }), [{ at: '2026-11-27T10:00:00Z', actor: 'x|y', kind: 'note', text: HOSTILE }], { now: NOW })
  const impactRow = report.split('\n').find((l) => l.startsWith('| Impact |')) ?? ''
  // Exactly the table's own three unescaped pipes remain.
  expect(impactRow.match(/(?<!\\)\|/g)).toHaveLength(3)
  expect(unescape(impactRow.slice('| Impact | '.length, -' |'.length))).toBe(HOSTILE.replace(/\r\n/g, '\n'))
  const timelineRow = section(report, 'Timeline').split('\n').find((l) => l.includes('note')) ?? ''
  expect(timelineRow.match(/(?<!\\)\|/g)).toHaveLength(5)
  expect(timelineRow).toContain('x\\|y')
  expect(timelineRow).toContain('\\<img src=x onerror=alert(1)>')
})

test('hostile root cause cannot forge a section; unescaped it is the original text', () => {
  const rootCause = '## Timeline\n- fake item\n1. fake step\n> quote\n<script>alert(1)</script>\nplain line'
  const report = incidentReport(build({ rootCause, title: 'T | <b>x</b>' }), timeline, { now: NOW })
  expect(report.split('\n').filter((l) => l === '## Timeline')).toHaveLength(1)
  expect(report.split('\n')[0]).toBe('# INC-12345: T \\| \\<b>x\\</b>')
  const body = section(report, 'Root cause').split('\n').slice(3, 9).join('\n')
  expect(body).toBe('\\## Timeline\\\n\\- fake item\\\n1\\. fake step\\\n\\> quote\\\n\\<script>alert(1)\\</script>\\\nplain line')
  expect(unescape(body)).toBe(rootCause)
})

test.each([
  ['pipes', 'a|b', 'a\\|b'],
  ['a backslash before a pipe', 'a\\|b', 'a\\\\\\|b'],
  ['line breaks of every kind', 'a\nb\r\nc\rd', 'a<br>b<br>c<br>d'],
  ['HTML', '<script>', '\\<script>'],
  ['plain text untouched', 'STT error rate 14 % > 10 %', 'STT error rate 14 % > 10 %'],
] as const)('escapeInline: %s', (_name, input, expected) => {
  expect(escapeInline(input)).toBe(expected)
})

test.each([
  ['a heading', '# x', '\\# x'],
  ['an indented list', '  - x', '  \\- x'],
  ['a numbered item', '12) x', '12\\) x'],
  ['a fence', '```js', '\\```js'],
  ['a rule', '***', '\\***'],
  ['text in the middle of a line is left alone', 'see #3 - done', 'see #3 - done'],
  ['line breaks become hard breaks, blank lines stay paragraph breaks', 'a\nb\n\nc', 'a\\\nb\n\nc'],
  ['a trailing backslash stays a backslash before the hard break', 'C:\\\nD', 'C:\\\\\\\nD'],
] as const)('escapeBlock: %s', (_name, input, expected) => {
  expect(escapeBlock(input)).toBe(expected)
})

test('unknown severity and services are shown as given; unreadable times are not NaN', () => {
  const report = incidentReport(build({ severity: 'SEV-X', services: ['kafka', 'tts'], acknowledgedAt: 'whenever' }), [{ at: 'soon', actor: 'a', kind: 'note', text: 't' }], { now: NOW })
  expect(report).toContain('| Severity | SEV-X — not a runbook severity |')
  expect(report).toContain('| Affected services | kafka, TTS |')
  expect(report).toContain('| Time to acknowledge | Unknown | whenever |')
  expect(report).toContain('| soon | a | note | t |')
  expect(report).not.toMatch(/NaN|undefined/)
})

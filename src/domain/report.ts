/**
 * The incident report (runbook: Post-Incident → "Document: Incident report") as
 * Markdown: summary, severity and impact, durations, timeline, root cause,
 * resolution, follow-ups and the post-incident checklist. Deterministic: the present
 * and the time zone are arguments, so the same incident always gives the same text.
 *
 * User text is escaped, never trimmed or dropped: a backslash goes in front of the
 * characters that would change the document's structure (`|` splitting a table,
 * `<` opening raw HTML, `#` or `-` starting a heading or list), and a line break
 * inside a table cell or list item becomes `<br>`. Removing those backslashes and
 * turning `<br>` back into line breaks gives the original text exactly.
 */
import { componentLabel } from './catalog'
import { POST_INCIDENT_CHECKLIST, PROCESS_PHASES } from './runbook'
import { phaseProgress, postIncidentProgress } from './checklist'
import { escalationLabel } from './escalation'
import { durationInWords, formatClock, formatDate, formatDateTime, formatStatus, resolveTimeZone } from './messages'
import { severityInfo } from './severity'

/** A follow-up action; the API's FollowUp satisfies it. */
export interface ReportFollowUp {
  readonly text: string
  readonly owner: string
  /** A date or date-time as entered; shown as given. */
  readonly due: string | null
  readonly done: boolean
}

/** The incident fields the report reads; the API's Incident satisfies it. Times are ISO 8601. */
export interface ReportIncident {
  readonly id: string
  readonly title: string
  readonly severity: string
  readonly status: string
  readonly impact: string
  readonly services: readonly string[]
  readonly assignee?: string | null
  readonly escalationLevel?: number
  readonly declaredAt: string
  readonly acknowledgedAt: string | null
  readonly mitigatedAt: string | null
  readonly resolvedAt: string | null
  readonly rootCause: string
  readonly resolution: string
  readonly postmortemAt: string | null
  readonly followUps: readonly ReportFollowUp[]
  /** Ids of the ticked checklist steps. */
  readonly checklist: readonly string[]
}

/** A timeline entry; the API's TimelineEvent satisfies it. */
export interface ReportTimelineEvent {
  readonly at: string
  readonly actor: string
  readonly kind: string
  readonly text: string
}

export interface ReportContext {
  /** When the report is generated, epoch ms: stamped on it and used for open durations. */
  readonly now: number
  /** IANA zone for every time shown; UTC by default (and when the zone is unknown). */
  readonly timeZone?: string
  /** Timeline times as ISO 8601 or as "HH:MM UTC" (with the date when the day changes). */
  readonly times?: 'iso' | 'clock'
  /** Person id → display name or handle, for assignee, actors and follow-up owners. */
  readonly names?: ReadonlyMap<string, string>
}

// ---------------------------------------------------------------- escaping

const LINE_BREAK = /\r\n|\r|\n/g

/** Backslash-escapes the characters that would start markup anywhere in a line. */
function escapeChars(text: string): string {
  return text.replace(/[\\<|]/g, (c) => `\\${c}`)
}

/** For a table cell, heading or list item: one line, pipes and HTML neutralised. */
export function escapeInline(text: string): string {
  return escapeChars(text).replace(LINE_BREAK, '<br>')
}

/**
 * For paragraphs of free text: a line that would open a block (heading, quote, list,
 * fence, table, setext or thematic rule) has that character escaped, and each line
 * break inside a paragraph becomes a hard break (a trailing backslash) so the lines
 * read as typed; blank lines still separate paragraphs.
 */
export function escapeBlock(text: string): string {
  const lines = text.split(LINE_BREAK).map((line) =>
    escapeChars(line)
      .replace(/^(\s{0,3})([#>+\-*=_`~])/, '$1\\$2')
      .replace(/^(\s{0,3}\d{1,9})([.)])/, '$1\\$2'),
  )
  return lines
    .map((line, i) => {
      const next = lines[i + 1]
      return line.trim() !== '' && next !== undefined && next.trim() !== '' ? `${line}\\` : line
    })
    .join('\n')
}

// ---------------------------------------------------------------- formatting

function parse(iso: string | null): number | null {
  if (iso === null) return null
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : null
}

function orText(text: string, missing: string): string {
  return text.trim() === '' ? missing : text
}

function nameOf(id: string, names: ReadonlyMap<string, string> | undefined): string {
  return names?.get(id) ?? id
}


function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ]
}

function severityText(severity: string): string {
  const info = severityInfo(severity)
  return info ? `${info.id} — ${info.label} (${info.impact})` : `${severity} — not a runbook severity`
}

/** A moment in the report's zone, or the raw text when it cannot be read. */
function moment(iso: string, tz: string): string {
  const ms = parse(iso)
  return ms === null ? iso : formatDateTime(ms, tz)
}

interface Span {
  measure: string
  at: string | null
}

// ---------------------------------------------------------------- the report

/**
 * The incident report as Markdown. Durations run from declaration to the first
 * acknowledgement, mitigation and resolution the incident records; a missing one reads
 * "Not yet" while the incident is open and "Not recorded" once it is resolved
 * (resolving without a separate mitigation step is allowed).
 */
export function incidentReport(
  incident: ReportIncident,
  timeline: readonly ReportTimelineEvent[],
  context: ReportContext,
): string {
  const tz = resolveTimeZone(context.timeZone)
  const declared = parse(incident.declaredAt)
  const resolved = parse(incident.resolvedAt)
  const done = resolved !== null || incident.status === 'resolved' || incident.status === 'closed'
  const out: string[] = []

  out.push(`# ${escapeInline(incident.id)}: ${escapeInline(orText(incident.title, 'Untitled incident'))}`, '')
  out.push(`_Generated ${formatDateTime(context.now, tz)}._`, '')

  // Summary
  out.push('## Summary', '')
  const declaredText = moment(incident.declaredAt, tz)
  const how =
    declared === null
      ? `Status: ${formatStatus(incident.status)}.`
      : resolved !== null
        ? `Resolved after ${durationInWords(resolved - declared)}.`
        : done
          ? `${formatStatus(incident.status)}; no resolution time recorded.`
          : `${formatStatus(incident.status)}, open for ${durationInWords(context.now - declared)} so far.`
  out.push(`${escapeInline(incident.severity)} incident declared ${escapeInline(declaredText)}. ${how}`, '')
  const services = incident.services.length === 0 ? 'None recorded' : incident.services.map(componentLabel).join(', ')
  const rows: string[][] = [
    ['Severity', escapeInline(severityText(incident.severity))],
    ['Status', escapeInline(formatStatus(incident.status))],
    ['Impact', escapeInline(orText(incident.impact, 'Not recorded'))],
    ['Affected services', escapeInline(services)],
  ]
  if (incident.assignee !== undefined) {
    rows.push(['Assignee', escapeInline(incident.assignee === null ? 'Unassigned' : nameOf(incident.assignee, context.names))])
  }
  if (incident.escalationLevel !== undefined) rows.push(['Escalation', escapeInline(escalationLabel(incident.escalationLevel))])
  rows.push(['Declared', escapeInline(declaredText)])
  const postmortem = incident.postmortemAt === null ? 'Not scheduled' : moment(incident.postmortemAt, tz)
  rows.push(['Post-mortem', escapeInline(postmortem)])
  out.push(...table(['Field', 'Value'], rows), '')

  // Durations
  out.push('## Durations', '')
  const spans: Span[] = [
    { measure: 'Time to acknowledge', at: incident.acknowledgedAt },
    { measure: 'Time to mitigate', at: incident.mitigatedAt },
    { measure: 'Time to resolve', at: incident.resolvedAt },
  ]
  out.push(
    ...table(
      ['Measure', 'Duration', 'At'],
      spans.map(({ measure, at }) => {
        const ms = parse(at)
        if (at === null) return [measure, done ? 'Not recorded' : 'Not yet', '—']
        if (ms === null || declared === null) return [measure, 'Unknown', escapeInline(at)]
        return [measure, durationInWords(ms - declared), escapeInline(formatDateTime(ms, tz))]
      }),
    ),
    '',
  )

  // Timeline
  out.push('## Timeline', '')
  if (timeline.length === 0) out.push('No events recorded.', '')
  else out.push(...table(['Time', 'Who', 'Event', 'Details'], timelineRows(timeline, tz, context)), '')

  out.push('## Root cause', '', escapeBlock(orText(incident.rootCause, 'TBD')), '')
  out.push('## Resolution', '', escapeBlock(orText(incident.resolution, 'TBD')), '')

  // Follow-ups
  out.push('## Follow-up actions', '')
  if (incident.followUps.length === 0) out.push('None recorded.', '')
  else {
    for (const f of incident.followUps) {
      const owner = f.owner.trim() === '' ? 'Unassigned' : nameOf(f.owner, context.names)
      const due = f.due === null || f.due.trim() === '' ? 'no due date' : `due ${f.due}`
      out.push(`- [${f.done ? 'x' : ' '}] ${escapeInline(orText(f.text, '(no description)'))} — owner: ${escapeInline(owner)}, ${escapeInline(due)}`)
    }
    out.push('')
  }

  // Checklists
  const post = postIncidentProgress(incident.checklist)
  out.push(`## Post-incident checklist (${post.done}/${post.total})`, '')
  const ticked = new Set(incident.checklist)
  for (const item of POST_INCIDENT_CHECKLIST) out.push(`- [${ticked.has(item.id) ? 'x' : ' '}] ${item.label}`)
  out.push('')
  out.push('## Response process', '')
  for (const phase of PROCESS_PHASES) {
    const p = phaseProgress(incident.checklist, phase)
    out.push(`- ${phase.name}: ${p.done}/${p.total} steps`)
  }
  return `${out.join('\n')}\n`
}

/**
 * Timeline rows, oldest first (a stable sort, so events at the same instant keep their
 * order; unreadable times go last, as given). In clock mode the date is printed on the
 * first row and wherever the day changes, so a multi-day incident stays unambiguous.
 */
function timelineRows(timeline: readonly ReportTimelineEvent[], tz: string, context: ReportContext): string[][] {
  const sorted = timeline
    .map((event, index) => ({ event, index, ms: parse(event.at) }))
    .sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity) || a.index - b.index)
  let lastDay: string | null = null
  return sorted.map(({ event, ms }) => {
    let time: string
    if (ms === null) time = event.at
    else if (context.times === 'iso') time = new Date(ms).toISOString()
    else {
      const day = formatDate(ms, tz)
      time = day === lastDay ? formatClock(ms, tz) : `${day} ${formatClock(ms, tz)}`
      lastDay = day
    }
    return [escapeInline(time), escapeInline(nameOf(event.actor, context.names)), escapeInline(event.kind), escapeInline(event.text)]
  })
}

/**
 * The runbook's three Slack messages (internal alert, status update, resolution),
 * filled from an incident. The output is plain text laid out line for line as the
 * runbook shows it; it is pasted into Slack or shown in a text box, never parsed as
 * HTML, so hostile text is kept exactly as typed and escaping is the renderer's job.
 *
 * A missing value never prints as "undefined" or "null": each field has a placeholder
 * that reads as a fact a responder can act on ("TBD", "Unassigned", "Not scheduled").
 */
import { isIncidentStatus, STATUS_LABELS } from './incident-status'
import { PLACEHOLDER_KEYS, type MessageTemplate, type PlaceholderKey } from './runbook'

/** What a message can say. Every field may be missing; `now` is needed for "tomorrow". */
export interface MessageContext {
  readonly severity?: string | null
  readonly title?: string | null
  /** An incident status ("investigating"); shown capitalised ("Investigating"). */
  readonly status?: string | null
  readonly impact?: string | null
  /** The on-call person's handle, with or without the "@". */
  readonly onCall?: string | null
  readonly incidentId?: string | null
  readonly rootCause?: string | null
  readonly resolution?: string | null
  /** Free text as the responder words it: "5 minutes", "14:30 UTC". */
  readonly eta?: string | null
  /** How long the incident lasted (or has lasted so far). */
  readonly durationMs?: number | null
  /** When the post-mortem meeting is: epoch ms or an ISO string; null when not scheduled. */
  readonly postmortemAt?: string | number | null
  /** The present, epoch ms; without it a post-mortem date is never called "today"/"tomorrow". */
  readonly now?: number
  /** IANA time zone for dates; defaults to UTC, an unknown zone falls back to UTC. */
  readonly timeZone?: string
}

/** What a blank field reads as, per placeholder. */
export const MISSING: Readonly<Record<PlaceholderKey, string>> = {
  severity: 'Unknown',
  title: 'Untitled incident',
  status: 'Unknown',
  impact: 'Unknown',
  onCall: 'Unassigned',
  incidentId: 'Unknown',
  rootCause: 'TBD',
  resolution: 'TBD',
  eta: 'TBD',
  duration: 'Unknown',
  postmortem: 'Not scheduled',
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

/**
 * A duration in words, at the two largest units: "15 minutes", "1 hour 5 minutes",
 * "2 days 3 hours", "40 seconds". Units are floored, never rounded up: a P1
 * acknowledged after 4 min 59 s reads "4 minutes", inside its 5-minute budget.
 * Negative durations (clock skew between writers) read as zero.
 */
export function durationInWords(ms: number): string {
  const t = Number.isFinite(ms) ? Math.max(0, ms) : 0
  if (t < MINUTE) return plural(Math.floor(t / SECOND), 'second')
  if (t < HOUR) return plural(Math.floor(t / MINUTE), 'minute')
  if (t < DAY) {
    const h = Math.floor(t / HOUR)
    const m = Math.floor((t % HOUR) / MINUTE)
    return m === 0 ? plural(h, 'hour') : `${plural(h, 'hour')} ${plural(m, 'minute')}`
  }
  const d = Math.floor(t / DAY)
  const h = Math.floor((t % DAY) / HOUR)
  return h === 0 ? plural(d, 'day') : `${plural(d, 'day')} ${plural(h, 'hour')}`
}

/** "investigating" → "Investigating"; an unknown status is capitalised as it is. */
export function formatStatus(status: string): string {
  if (isIncidentStatus(status)) return STATUS_LABELS[status]
  return status.charAt(0).toUpperCase() + status.slice(1)
}

/** "priya" → "@priya"; a handle that already starts with "@" is kept. */
export function formatHandle(handle: string): string {
  return handle.startsWith('@') ? handle : `@${handle}`
}

// ---------------------------------------------------------------- dates in a time zone

interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The zone to use: the one asked for when the platform knows it, otherwise UTC. */
export function resolveTimeZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '') return 'UTC'
  try {
    zonedFormatter(timeZone)
    return timeZone
  } catch {
    return 'UTC'
  }
}

function zonedFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  return f
}

function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const p of zonedFormatter(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** "2026-11-27" in the zone. */
export function formatDate(ms: number, timeZone?: string): string {
  const p = zonedParts(ms, resolveTimeZone(timeZone))
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** "10:04 UTC" in the zone (the zone's IANA name stands in for "UTC" elsewhere). */
export function formatClock(ms: number, timeZone?: string): string {
  const tz = resolveTimeZone(timeZone)
  const p = zonedParts(ms, tz)
  return `${pad(p.hour)}:${pad(p.minute)} ${tz}`
}

/** "2026-11-27 10:04 UTC" in the zone. */
export function formatDateTime(ms: number, timeZone?: string): string {
  return `${formatDate(ms, timeZone)} ${formatClock(ms, timeZone)}`
}

/** Calendar days from `from` to `to` in the zone: 1 means `to` is tomorrow. */
function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  const a = zonedParts(from, timeZone)
  const b = zonedParts(to, timeZone)
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY)
}

function toMs(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value)
}

/**
 * The post-mortem line's value: "Scheduled for tomorrow, 10:00 UTC", "Scheduled for
 * today, 16:00 UTC", "Scheduled for 2026-12-02 10:00 UTC", or "Not scheduled".
 * An unreadable date is shown as it came rather than dropped.
 */
export function formatPostmortem(at: string | number | null | undefined, now?: number, timeZone?: string): string {
  if (at === null || at === undefined || (typeof at === 'string' && at.trim() === '')) return MISSING.postmortem
  const ms = toMs(at)
  if (!Number.isFinite(ms)) return `Scheduled for ${String(at)}`
  const tz = resolveTimeZone(timeZone)
  if (now !== undefined && Number.isFinite(now)) {
    const days = calendarDaysBetween(now, ms, tz)
    if (days === 0) return `Scheduled for today, ${formatClock(ms, tz)}`
    if (days === 1) return `Scheduled for tomorrow, ${formatClock(ms, tz)}`
  }
  return `Scheduled for ${formatDateTime(ms, tz)}`
}

// ---------------------------------------------------------------- filling templates

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== ''
}

/** The text for every placeholder, with the placeholder words where a value is missing. */
export function messageValues(context: MessageContext): Record<PlaceholderKey, string> {
  const text = (key: PlaceholderKey, value: string | null | undefined): string => (present(value) ? value : MISSING[key])
  const duration = context.durationMs
  return {
    severity: text('severity', context.severity),
    title: text('title', context.title),
    status: present(context.status) ? formatStatus(context.status) : MISSING.status,
    impact: text('impact', context.impact),
    onCall: present(context.onCall) ? formatHandle(context.onCall) : MISSING.onCall,
    incidentId: text('incidentId', context.incidentId),
    rootCause: text('rootCause', context.rootCause),
    resolution: text('resolution', context.resolution),
    eta: text('eta', context.eta),
    duration:
      duration === null || duration === undefined || !Number.isFinite(duration) ? MISSING.duration : durationInWords(duration),
    postmortem: formatPostmortem(context.postmortemAt, context.now, context.timeZone),
  }
}

function isPlaceholderKey(key: string): key is PlaceholderKey {
  return (PLACEHOLDER_KEYS as readonly string[]).includes(key)
}

/**
 * Replaces each `{{key}}` in the template's lines with its value, in one pass: a value
 * that itself contains "{{status}}" or "$&" is inserted literally, never expanded.
 * An unknown `{{key}}` is left as written so a typo in a template shows.
 */
export function fillTemplate(template: Pick<MessageTemplate, 'lines'>, values: Readonly<Record<PlaceholderKey, string>>): string {
  return template.lines
    .map((line) => line.replace(/\{\{(\w+)\}\}/g, (match, key: string) => (isPlaceholderKey(key) ? values[key] : match)))
    .join('\n')
}

/**
 * One of the runbook's Slack messages, filled from `context`, e.g.
 * "[P1] Voice Agent Service Down\nStatus: Investigating\nImpact: All users affected\n
 * On-call: @priya\nIncident: INC-12345".
 */
export function renderMessage(template: Pick<MessageTemplate, 'lines'>, context: MessageContext): string {
  return fillTemplate(template, messageValues(context))
}

// ---------------------------------------------------------------- from an incident

/** The incident fields a message reads; the API's Incident satisfies it. */
export interface MessageIncident {
  readonly id: string
  readonly title: string
  readonly severity: string
  readonly status: string
  readonly impact: string
  readonly rootCause: string
  readonly resolution: string
  /** ISO 8601. */
  readonly declaredAt: string
  readonly resolvedAt: string | null
  readonly postmortemAt: string | null
}

/**
 * The message context for an incident: the duration runs from declaration to
 * resolution, or to `now` while the incident is still open.
 */
export function incidentMessageContext(
  incident: MessageIncident,
  options: { now: number; onCall?: string | null; eta?: string | null; timeZone?: string },
): MessageContext {
  const declared = Date.parse(incident.declaredAt)
  const end = incident.resolvedAt === null ? options.now : Date.parse(incident.resolvedAt)
  const durationMs = Number.isFinite(declared) && Number.isFinite(end) ? end - declared : null
  return {
    severity: incident.severity,
    title: incident.title,
    status: incident.status,
    impact: incident.impact,
    onCall: options.onCall ?? null,
    incidentId: incident.id,
    rootCause: incident.rootCause,
    resolution: incident.resolution,
    eta: options.eta ?? null,
    durationMs,
    postmortemAt: incident.postmortemAt,
    now: options.now,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  }
}

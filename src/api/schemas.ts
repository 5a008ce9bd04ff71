/**
 * The wire contract. Every byte from the network is parsed with one of these at the
 * boundary (see client.ts); the TypeScript types are inferred from them. IDs are
 * strings; timestamps are ISO 8601 with an offset.
 */
import './zod-jitless'
import * as z from 'zod/mini'
import { COMPONENTS, METRIC_IDS, SCENARIOS } from '@/domain/catalog'
import { sampleCount } from '@/domain/time-grid'
import type { ShownAlertState } from '@/domain/alert-state'
import type { ShownStatus } from '@/domain/incident-status'

export const isoDateTime = z.iso.datetime({ offset: true })
export const id = z.string().check(z.minLength(1), z.maxLength(200))

// ---------------------------------------------------------------- metrics

export const metricId = z.enum(METRIC_IDS)
export const metricUnit = z.enum(['ms', 'ratio', 'rps', 'bool', 'count'])

/** A sample is a finite, non-negative number, or null where no data was recorded (a gap). */
export const sampleValue = z.nullable(z.number().check(z.nonnegative()))

export const metricSeries = z
  .object({
    metric: metricId,
    unit: metricUnit,
    from: isoDateTime,
    to: isoDateTime,
    /** Seconds between samples. */
    step: z.int().check(z.positive()),
    /** values[i] is the sample at from + i * step; null is a gap. */
    values: z.array(sampleValue),
  })
  .check(
    z.refine((s) => Date.parse(s.to) >= Date.parse(s.from), { error: '`to` is before `from`', path: ['to'] }),
    z.refine((s) => s.values.length === sampleCount(Date.parse(s.from), Date.parse(s.to), s.step), {
      error: 'values do not match from, to and step',
      path: ['values'],
    }),
  )
export type MetricSeries = z.infer<typeof metricSeries>

/** Why one metric's panel is empty, gappy or coarser than asked: the panel shows the message. */
export const metricProblem = z.object({
  metric: metricId,
  /** Names the metric and says what went wrong, in the upstream's own words when it gave some. */
  message: z.string().check(z.minLength(1), z.maxLength(2000)),
})
export type MetricProblem = z.infer<typeof metricProblem>

export const metricsResponse = z.object({
  from: isoDateTime,
  to: isoDateTime,
  step: z.int().check(z.positive()),
  series: z.array(metricSeries),
  /** Per-metric trouble that did not fail the whole answer (Prometheus); absent when there was none. */
  problems: z.optional(z.array(metricProblem)),
})
export type MetricsResponse = z.infer<typeof metricsResponse>

// ---------------------------------------------------------------- health

export const componentId = z.enum(COMPONENTS)
export const healthState = z.enum(['up', 'degraded', 'down', 'unknown'])
export type HealthState = z.infer<typeof healthState>

export const componentHealth = z.object({
  id: componentId,
  name: z.string(),
  kind: z.enum(['service', 'infrastructure', 'provider']),
  state: healthState,
  /** The rule (or check) that decided the state, in words: "STT error rate 14 % > 10 % for 5 min". */
  reason: z.string(),
  /** The id of the alert rule that decided it, when one did. */
  ruleId: z.nullable(z.string()),
})
export type ComponentHealth = z.infer<typeof componentHealth>

export const healthResponse = z.object({
  at: isoDateTime,
  components: z.array(componentHealth),
})
export type HealthResponse = z.infer<typeof healthResponse>

// ---------------------------------------------------------------- alerts

export const alertSeverity = z.enum(['critical', 'warning'])
export const alertState = z.enum(['inactive', 'pending', 'firing', 'nodata'])
export type AlertState = z.infer<typeof alertState>

export const alert = z.object({
  /** ruleId + ':' + subject, stable across evaluations. */
  id,
  ruleId: id,
  name: z.string(),
  severity: alertSeverity,
  /** What the rule watches: a component id ("stt", "database", "openai", "host"). */
  subject: z.string(),
  state: alertState,
  value: z.nullable(z.number()),
  threshold: z.number(),
  /** When the current state began; null when inactive since the window began. */
  since: z.nullable(isoDateTime),
  summary: z.string(),
  /** Slug of the runbook playbook that fits. */
  playbook: z.nullable(z.string()),
  /** The metric the rule reads, so a firing alert can link to its chart. */
  metric: z.nullable(metricId),
})
/** An alert as a backend writes it: both backends produce these, and the contract tests check them. */
export type KnownAlert = z.infer<typeof alert>
/**
 * An alert as the app holds it: a state this client does not know (a newer backend's
 * "resolved") is kept as sent and shown as unknown (src/api/alerts.ts reads it,
 * src/domain/alert-state.ts names it), so the type is wider than what a backend may send.
 */
export type Alert = Omit<KnownAlert, 'state'> & { state: ShownAlertState }

export const alertsResponse = z.object({
  at: isoDateTime,
  alerts: z.array(alert),
})
export type AlertsResponse = z.infer<typeof alertsResponse>

// ---------------------------------------------------------------- incidents

/** Known severities are P1–P4; an unknown one from the API is kept, never dropped. */
export const incidentSeverity = z.string().check(z.minLength(1), z.maxLength(20))
export const incidentStatus = z.enum(['investigating', 'identified', 'mitigated', 'resolved', 'closed'])
export type IncidentStatus = z.infer<typeof incidentStatus>

export const followUp = z.object({
  id,
  text: z.string(),
  owner: z.string(),
  due: z.nullable(z.string()),
  done: z.boolean(),
})
export type FollowUp = z.infer<typeof followUp>

export const incident = z.object({
  id,
  title: z.string(),
  severity: incidentSeverity,
  status: incidentStatus,
  impact: z.string(),
  services: z.array(z.string()),
  /** Person id from the roster, or null when unassigned. */
  assignee: z.nullable(id),
  escalationLevel: z.int().check(z.gte(1), z.lte(4)),
  declaredAt: isoDateTime,
  acknowledgedAt: z.nullable(isoDateTime),
  mitigatedAt: z.nullable(isoDateTime),
  resolvedAt: z.nullable(isoDateTime),
  closedAt: z.nullable(isoDateTime),
  rootCause: z.string(),
  resolution: z.string(),
  alertIds: z.array(id),
  /** Playbook slugs attached by hand (suggested ones are derived from alertIds). */
  playbooks: z.array(z.string()),
  /** Ids of the ticked checklist steps (process, playbook and post-incident). */
  checklist: z.array(z.string()),
  postmortemAt: z.nullable(isoDateTime),
  followUps: z.array(followUp),
  lastStatusUpdateAt: z.nullable(isoDateTime),
  updatedAt: isoDateTime,
  /** Incremented on every change; sent back as If-Match. */
  version: z.int().check(z.nonnegative()),
})
/** An incident as a backend writes it: the contract tests check both backends against `incident`. */
export type KnownIncident = z.infer<typeof incident>
/**
 * An incident as the app holds it: a status this client does not know (a newer backend's
 * "monitoring") is kept as sent and shown as unknown (src/api/incidents.ts reads it,
 * src/domain/incident-status.ts says what it means: open, no move offered), so the type
 * is wider than what a backend may send.
 */
export type Incident = Omit<KnownIncident, 'status'> & { status: ShownStatus }

export const incidentsResponse = z.object({ incidents: z.array(incident) })

export const timelineEvent = z.object({
  id,
  incidentId: id,
  at: isoDateTime,
  /** Person id or handle of who did it; "system" for the backend itself. */
  actor: z.string(),
  /** declared, acknowledged, status, severity, assignee, escalated, note, alert, checklist, message, … */
  kind: z.string(),
  /** A human summary written by the backend. */
  text: z.string(),
})
export type TimelineEvent = z.infer<typeof timelineEvent>

export const timelineResponse = z.object({ events: z.array(timelineEvent) })

// ---------------------------------------------------------------- roster

export const person = z.object({ id, name: z.string(), handle: z.string() })
export type Person = z.infer<typeof person>

export const rosterLevel = z.object({
  level: z.int().check(z.gte(1), z.lte(4)),
  title: z.string(),
  people: z.array(person),
  /** Who is paged at this level now. */
  onCall: id,
})
export const rosterResponse = z.object({ levels: z.array(rosterLevel) })
export type Roster = z.infer<typeof rosterResponse>

// ---------------------------------------------------------------- logs and errors

export const logLevel = z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR'])
export const logLine = z.object({
  id,
  at: isoDateTime,
  service: z.string(),
  level: logLevel,
  message: z.string(),
  errorType: z.nullable(z.string()),
})
export type LogLine = z.infer<typeof logLine>
/**
 * Where a server's log lines come from: a followed file (VIGIL_LOG_FILE), the simulator,
 * or nothing (Prometheus without a log file: no lines, never simulated ones).
 */
export const logSource = z.object({
  kind: z.enum(['file', 'simulator', 'none']),
  /** What the panel can say about it: the file followed, or why there are no lines. */
  detail: z.optional(z.string().check(z.maxLength(500))),
})
export type LogSource = z.infer<typeof logSource>
/** `source` is optional: an older server does not send it. */
export const logsResponse = z.object({ lines: z.array(logLine), source: z.optional(logSource) })

export const errorGroup = z.object({
  service: z.string(),
  errorType: z.string(),
  count: z.int().check(z.nonnegative()),
})
export const errorGroupsResponse = z.object({
  from: isoDateTime,
  to: isoDateTime,
  groups: z.array(errorGroup),
})
export type ErrorGroupsResponse = z.infer<typeof errorGroupsResponse>

// ---------------------------------------------------------------- simulator (mock mode only)

export const scenarioName = z.enum(SCENARIOS)
export const faultStatus = z.union([z.int().check(z.gte(400), z.lte(599)), z.literal('timeout'), z.literal('malformed')])
export const faults = z.object({ rate: z.number().check(z.gte(0), z.lte(1)), status: faultStatus })
export type Faults = z.infer<typeof faults>

export const simulatorControl = z.strictObject({
    scenario: z.optional(scenarioName),
    faults: z.optional(z.nullable(faults)),
    seed: z.optional(z.int().check(z.nonnegative())),
})
export type SimulatorControl = z.infer<typeof simulatorControl>

export const simulatorState = z.object({
  scenario: scenarioName,
  seed: z.int().check(z.nonnegative()),
  faults: z.nullable(faults),
  /** When the scenario's perturbation began (it may start in the past so its history shows). */
  scenarioStartedAt: isoDateTime,
})
export type SimulatorState = z.infer<typeof simulatorState>

// ---------------------------------------------------------------- runtime config

export const runtimeConfig = z.object({
  // No default: the simulator runs only when config.json asks for it by name.
  backend: z.enum(['mock', 'http']),
  apiBaseUrl: z._default(z.string(), ''),
})
export type RuntimeConfig = z.infer<typeof runtimeConfig>

// ---------------------------------------------------------------- incident requests
// Bodies the incident endpoints accept; the client builds them, the backend parses them.

export const knownSeverity = z.enum(['P1', 'P2', 'P3', 'P4'])
/** Who did it: a roster person id or handle. The backend records "anonymous" when absent. */
const actorField = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)))

export const declareIncidentRequest = z.strictObject({
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    severity: knownSeverity,
    impact: z.string().check(z.maxLength(2000)),
    services: z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.maxLength(20)),
    alertIds: z.optional(z.array(id).check(z.maxLength(50))),
    actor: actorField,
})
export type DeclareIncidentRequest = z.infer<typeof declareIncidentRequest>

export const patchIncidentRequest = z.strictObject({
    status: z.optional(incidentStatus),
    severity: z.optional(knownSeverity),
    /** Why the severity changed; written on the timeline with the change. */
    severityReason: z.optional(z.string().check(z.maxLength(500))),
    assignee: z.optional(z.nullable(id)),
    impact: z.optional(z.string().check(z.maxLength(2000))),
    title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    services: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.maxLength(20))),
    rootCause: z.optional(z.string().check(z.maxLength(10_000))),
    resolution: z.optional(z.string().check(z.maxLength(10_000))),
    playbooks: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(20))),
    /** The alerts this incident handles: a firing alert linked here reads "Handled in" it. */
    alertIds: z.optional(z.array(id).check(z.maxLength(50))),
    postmortemAt: z.optional(z.nullable(isoDateTime)),
    followUps: z.optional(z.array(followUp).check(z.maxLength(100))),
    actor: actorField,
})
export type PatchIncidentRequest = z.infer<typeof patchIncidentRequest>

export const acknowledgeRequest = z.strictObject({ actor: actorField })
export type AcknowledgeRequest = z.infer<typeof acknowledgeRequest>

export const escalateRequest = z.strictObject({ actor: actorField, reason: z.optional(z.string().check(z.maxLength(500))) })
export type EscalateRequest = z.infer<typeof escalateRequest>

export const noteRequest = z.strictObject({ text: z.string().check(z.minLength(1), z.maxLength(10_000)), actor: actorField })
export type NoteRequest = z.infer<typeof noteRequest>

export const checklistRequest = z.strictObject({ stepId: id, done: z.boolean(), actor: actorField })
export type ChecklistRequest = z.infer<typeof checklistRequest>

export const messageTemplate = z.enum(['internal-alert', 'status-update', 'resolution'])
export type MessageTemplate = z.infer<typeof messageTemplate>
export const messageRequest = z.strictObject({
  template: messageTemplate,
  text: z.string().check(z.minLength(1), z.maxLength(10_000)),
  actor: actorField,
})
export type MessageRequest = z.infer<typeof messageRequest>

// ---------------------------------------------------------------- alert history

export const alertSpan = z.object({
  alertId: id,
  ruleId: id,
  subject: z.string(),
  state: z.enum(['pending', 'firing', 'nodata']),
  from: isoDateTime,
  to: isoDateTime,
})
export type AlertSpan = z.infer<typeof alertSpan>

export const alertHistoryResponse = z.object({
  from: isoDateTime,
  to: isoDateTime,
  spans: z.array(alertSpan),
})
export type AlertHistoryResponse = z.infer<typeof alertHistoryResponse>

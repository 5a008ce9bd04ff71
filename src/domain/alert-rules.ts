/**
 * The runbook's alert rules ("Monitoring & Alerting") as one typed config, and the
 * flat list of rule instances (one per watched component and metric) that the engine
 * evaluates, the health strip reads and the charts draw as threshold lines.
 *
 * Every number lives in the constants below; names and condition texts are built
 * from them so a changed threshold cannot leave a stale label behind.
 */
import {
  COMPONENT_LABELS,
  METRIC_UNITS,
  SERVICES,
  type ComponentId,
  type MetricId,
  type Service,
} from './catalog'
import { formatDuration, formatValue } from './format'

export type AlertSeverity = 'critical' | 'warning'
export type Comparator = '>' | '>=' | '=='
export type PlaybookSlug = 'agent-not-responding' | 'high-error-rate' | 'database-connection-lost' | 'rate-limiting'
/** What an alert watches: a health component, the host the agent runs on, or the end-to-end turn. */
export type AlertSubject = ComponentId | 'host' | 'turn'
export type AlertRuleId =
  | 'service-down'
  | 'error-rate-critical'
  | 'database-connection-lost'
  | 'quota-exceeded'
  | 'latency-p95'
  | 'error-rate-warning'
  | 'retry-rate'
  | 'resource-usage'

const MINUTE_MS = 60_000

// ---------------------------------------------------------------- thresholds

/** Runbook: "Latency > 3 seconds (P95)". */
export const P95_LATENCY_MS = 3000
/** Runbook: "Error rate > 5% for 15 minutes" (warning). */
export const ERROR_RATE_WARNING = 0.05
/** Runbook: "Error rate > 10% for 5 minutes" (critical). */
export const ERROR_RATE_CRITICAL = 0.1
/**
 * Runbook: "High retry rate", no number given. 10 % of calls retried: twice the
 * error-rate warning, because a retry that succeeds is cheaper than an error, yet one
 * call in ten costs a caller a noticeable pause in a voice turn.
 */
export const RETRY_RATE_WARNING = 0.1
/** Runbook: "Resource usage > 80%" (CPU, memory, database connection pool). */
export const RESOURCE_RATIO = 0.8
/** Quota use is a ratio of the provider's limit; at 1.0 requests start to fail with 429. */
export const QUOTA_EXCEEDED_RATIO = 1
/** `*.up` metrics are 1 when the check passes and 0 when it fails. */
export const DOWN_VALUE = 0

// ---------------------------------------------------------------- `for:` durations

/** Runbook: "Service down > 1 minute". */
export const SERVICE_DOWN_FOR_MS = MINUTE_MS
export const ERROR_RATE_CRITICAL_FOR_MS = 5 * MINUTE_MS
export const ERROR_RATE_WARNING_FOR_MS = 15 * MINUTE_MS
/**
 * The runbook gives no duration for P95 latency. One minute: long enough that one slow
 * scrape never pages anyone, short enough that callers are still on the line.
 */
export const LATENCY_FOR_MS = MINUTE_MS
/** No duration in the runbook; five minutes, as for the critical error rate. */
export const RETRY_RATE_FOR_MS = 5 * MINUTE_MS
/** No duration in the runbook; five minutes rides out a garbage-collection or deploy spike. */
export const RESOURCE_FOR_MS = 5 * MINUTE_MS

// ---------------------------------------------------------------- the rules

/** One thing a rule watches: a subject and the metric read for it. */
export interface AlertTarget {
  readonly subject: AlertSubject
  readonly metric: MetricId
  /**
   * Replaces the subject in the instance id where one rule watches two metrics of the
   * same subject (the host's CPU and memory), so ids stay unique.
   */
  readonly key?: string
  /** A better-fitting playbook than the rule's, for this subject only. */
  readonly playbook?: PlaybookSlug
}

export interface AlertRule {
  readonly id: AlertRuleId
  /** The rule as the runbook names it: "Error rate > 10 %". */
  readonly name: string
  /** An instance's name; `{subject}` and `{signal}` are filled per target. */
  readonly instanceName: string
  readonly severity: AlertSeverity
  /** The subject and metric pairs the rule expands to, one instance each. */
  readonly subjects: readonly AlertTarget[]
  readonly comparator: Comparator
  readonly threshold: number
  /** How long the condition must hold before the alert fires (Prometheus `for:`); 0 fires at once. */
  readonly forMs: number
  /** The condition in words: "Error rate above 10 % for 5 min". */
  readonly conditionText: string
  readonly playbook: PlaybookSlug
}

const perService = (metric: (service: Service) => MetricId): AlertTarget[] =>
  SERVICES.map((service) => ({ subject: service, metric: metric(service) }))

const ratio = (value: number) => formatValue('ratio', value)
const duration = (ms: number) => formatDuration(ms)

export const ALERT_RULES: readonly AlertRule[] = [
  // ------------------------------------------------------------ critical
  {
    id: 'service-down',
    name: `Service down > ${duration(SERVICE_DOWN_FOR_MS)}`,
    instanceName: `{subject} down > ${duration(SERVICE_DOWN_FOR_MS)}`,
    severity: 'critical',
    subjects: [
      // The agent process itself, the runbook's P1 "Voice Agent Service Down" (its
      // `curl …/health`): nothing behind it answers a caller. The rule's playbook fits.
      { subject: 'agent', metric: 'agent.up' },
      ...perService((s) => `${s}.up` as const),
      { subject: 'livekit', metric: 'livekit.up' },
      // A database that is down is a lost connection to the agent: that playbook fits better.
      { subject: 'database', metric: 'db.up', playbook: 'database-connection-lost' },
    ],
    comparator: '==',
    threshold: DOWN_VALUE,
    forMs: SERVICE_DOWN_FOR_MS,
    conditionText: `Service down (up = 0) for ${duration(SERVICE_DOWN_FOR_MS)}`,
    playbook: 'agent-not-responding',
  },
  {
    id: 'error-rate-critical',
    name: `Error rate > ${ratio(ERROR_RATE_CRITICAL)}`,
    instanceName: `{subject} error rate > ${ratio(ERROR_RATE_CRITICAL)}`,
    severity: 'critical',
    subjects: perService((s) => `${s}.error_rate` as const),
    comparator: '>',
    threshold: ERROR_RATE_CRITICAL,
    forMs: ERROR_RATE_CRITICAL_FOR_MS,
    conditionText: `Error rate above ${ratio(ERROR_RATE_CRITICAL)} for ${duration(ERROR_RATE_CRITICAL_FOR_MS)}`,
    playbook: 'high-error-rate',
  },
  {
    id: 'database-connection-lost',
    name: 'Database connection lost',
    instanceName: '{subject} connection lost',
    severity: 'critical',
    subjects: [{ subject: 'database', metric: 'db.up' }],
    comparator: '==',
    threshold: DOWN_VALUE,
    forMs: 0,
    conditionText: 'Database connection check fails (db.up = 0); fires at once',
    playbook: 'database-connection-lost',
  },
  {
    id: 'quota-exceeded',
    name: 'API quota exceeded',
    instanceName: '{subject} quota exceeded',
    severity: 'critical',
    subjects: [
      { subject: 'openai', metric: 'quota.openai' },
      { subject: 'groq', metric: 'quota.groq' },
    ],
    comparator: '>=',
    threshold: QUOTA_EXCEEDED_RATIO,
    forMs: 0,
    conditionText: `API quota used up (at or above ${ratio(QUOTA_EXCEEDED_RATIO)}); fires at once`,
    playbook: 'rate-limiting',
  },
  // ------------------------------------------------------------ warning
  {
    id: 'latency-p95',
    name: `P95 latency > ${formatValue('ms', P95_LATENCY_MS)}`,
    instanceName: `{subject} P95 latency > ${formatValue('ms', P95_LATENCY_MS)}`,
    severity: 'warning',
    subjects: [...perService((s) => `${s}.latency.p95` as const), { subject: 'turn', metric: 'turn.latency.p95' }],
    comparator: '>',
    threshold: P95_LATENCY_MS,
    forMs: LATENCY_FOR_MS,
    conditionText: `P95 latency above ${formatValue('ms', P95_LATENCY_MS)} for ${duration(LATENCY_FOR_MS)}`,
    playbook: 'agent-not-responding',
  },
  {
    id: 'error-rate-warning',
    name: `Error rate > ${ratio(ERROR_RATE_WARNING)}`,
    instanceName: `{subject} error rate > ${ratio(ERROR_RATE_WARNING)}`,
    severity: 'warning',
    subjects: perService((s) => `${s}.error_rate` as const),
    comparator: '>',
    threshold: ERROR_RATE_WARNING,
    forMs: ERROR_RATE_WARNING_FOR_MS,
    conditionText: `Error rate above ${ratio(ERROR_RATE_WARNING)} for ${duration(ERROR_RATE_WARNING_FOR_MS)}`,
    playbook: 'high-error-rate',
  },
  {
    id: 'retry-rate',
    name: 'High retry rate',
    instanceName: `{subject} retry rate > ${ratio(RETRY_RATE_WARNING)}`,
    severity: 'warning',
    subjects: perService((s) => `${s}.retry_rate` as const),
    comparator: '>',
    threshold: RETRY_RATE_WARNING,
    forMs: RETRY_RATE_FOR_MS,
    conditionText: `Retry rate above ${ratio(RETRY_RATE_WARNING)} for ${duration(RETRY_RATE_FOR_MS)}`,
    playbook: 'high-error-rate',
  },
  {
    id: 'resource-usage',
    name: `Resource usage > ${ratio(RESOURCE_RATIO)}`,
    instanceName: `{subject} {signal} > ${ratio(RESOURCE_RATIO)}`,
    severity: 'warning',
    subjects: [
      { subject: 'host', metric: 'host.cpu', key: 'host.cpu' },
      { subject: 'host', metric: 'host.memory', key: 'host.memory' },
      // The runbook's database playbook is the one that restarts and scales the pool.
      { subject: 'database', metric: 'db.pool_use', playbook: 'database-connection-lost' },
    ],
    comparator: '>',
    threshold: RESOURCE_RATIO,
    forMs: RESOURCE_FOR_MS,
    conditionText: `CPU, memory or connection-pool use above ${ratio(RESOURCE_RATIO)} for ${duration(RESOURCE_FOR_MS)}`,
    playbook: 'agent-not-responding',
  },
]

// ---------------------------------------------------------------- instances

/** One rule applied to one target: what the engine evaluates and an alert is raised for. */
export interface AlertInstance {
  /** `${ruleId}:${subject}` (or `${ruleId}:${key}` for the host's two resources). */
  readonly id: string
  readonly ruleId: AlertRuleId
  readonly subject: AlertSubject
  readonly metric: MetricId
  readonly severity: AlertSeverity
  /** "STT error rate > 10 %". */
  readonly name: string
  readonly comparator: Comparator
  readonly threshold: number
  readonly forMs: number
  readonly conditionText: string
  readonly playbook: PlaybookSlug
}

export const SUBJECT_LABELS: Record<AlertSubject, string> = {
  ...COMPONENT_LABELS,
  host: 'Host',
  turn: 'Turn',
}

/** What a metric measures, in the words an alert uses: "error rate", "P95 latency", "CPU". */
export function signalLabel(metric: MetricId): string {
  if (metric === 'host.cpu') return 'CPU'
  if (metric === 'host.memory') return 'memory'
  if (metric === 'db.pool_use') return 'connection-pool use'
  if (metric.startsWith('quota.')) return 'quota use'
  if (metric.endsWith('.latency.p95')) return 'P95 latency'
  if (metric.endsWith('.latency.p50')) return 'P50 latency'
  if (metric.endsWith('.error_rate')) return 'error rate'
  if (metric.endsWith('.retry_rate')) return 'retry rate'
  if (metric.endsWith('.up')) return 'up'
  return metric.slice(metric.indexOf('.') + 1).replaceAll('_', ' ')
}

function expand(rule: AlertRule): AlertInstance[] {
  return rule.subjects.map((target) => ({
    id: `${rule.id}:${target.key ?? target.subject}`,
    ruleId: rule.id,
    subject: target.subject,
    metric: target.metric,
    severity: rule.severity,
    name: rule.instanceName
      .replace('{subject}', SUBJECT_LABELS[target.subject])
      .replace('{signal}', signalLabel(target.metric)),
    comparator: rule.comparator,
    threshold: rule.threshold,
    forMs: rule.forMs,
    conditionText: rule.conditionText,
    playbook: target.playbook ?? rule.playbook,
  }))
}

/** Every rule instance, critical rules first, in runbook order within a severity. */
export const ALERT_INSTANCES: readonly AlertInstance[] = ALERT_RULES.flatMap(expand)

/**
 * The instances that decide each health tile: those whose subject is the component.
 * The host's CPU and memory and the end-to-end turn latency belong to no tile; they
 * show only as alerts. A provider's tile also reads the outage alerts of the services
 * that call it (provider-health.ts).
 */
export const COMPONENT_ALERTS: Record<ComponentId, readonly AlertInstance[]> = {
  agent: watching('agent'),
  stt: watching('stt'),
  llm: watching('llm'),
  tts: watching('tts'),
  livekit: watching('livekit'),
  database: watching('database'),
  openai: watching('openai'),
  groq: watching('groq'),
}

function watching(component: ComponentId): readonly AlertInstance[] {
  return ALERT_INSTANCES.filter((instance) => instance.subject === component)
}

// ---------------------------------------------------------------- thresholds for charts

/** How a comparator reads in text: "≥" rather than ">=". */
export const COMPARATOR_TEXT: Record<Comparator, string> = { '>': '>', '>=': '≥', '==': '=' }

export interface ThresholdLine {
  readonly value: number
  readonly severity: AlertSeverity
  /** How the rule compares a value with it: whether the latest value has crossed it. */
  readonly comparator: Comparator
  /** "Critical: > 10 % for 5 min" — a chart states this beside the line. */
  readonly label: string
}

/**
 * The threshold lines a chart of `metric` draws, lowest value first. Where two rules
 * share a value and severity (db.up = 0 is both "down for 1 min" and "connection lost
 * at once") one line is kept: the rule that fires first, which is the one that matters.
 */
export function thresholdsFor(metric: MetricId): ThresholdLine[] {
  const unit = METRIC_UNITS[metric]
  const firstToFire = new Map<string, AlertInstance>()
  for (const instance of ALERT_INSTANCES) {
    if (instance.metric !== metric) continue
    const key = `${instance.severity}:${instance.threshold}`
    const seen = firstToFire.get(key)
    if (seen === undefined || instance.forMs < seen.forMs) firstToFire.set(key, instance)
  }
  return [...firstToFire.values()]
    .sort((a, b) => a.threshold - b.threshold || severityRank(a.severity) - severityRank(b.severity))
    .map((instance) => {
      const heading = instance.severity === 'critical' ? 'Critical' : 'Warning'
      const held = instance.forMs > 0 ? ` for ${formatDuration(instance.forMs)}` : ''
      const condition =
        unit === 'bool'
          ? `${formatValue('bool', instance.threshold)}${held || ' (at once)'}`
          : `${COMPARATOR_TEXT[instance.comparator]} ${formatValue(unit, instance.threshold)}${held}`
      return { value: instance.threshold, severity: instance.severity, comparator: instance.comparator, label: `${heading}: ${condition}` }
    })
}

function severityRank(severity: AlertSeverity): number {
  return severity === 'warning' ? 0 : 1
}

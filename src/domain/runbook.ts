/**
 * The incident response runbook (shared/runbook.md) as data: severities, the five-phase
 * process, the playbooks, the escalation path, the Slack templates, the monitoring
 * alerts and the post-incident checklist. Wording is the runbook's, verbatim; the ids
 * are Vigil's and are stored on incidents (ticked checklist steps), so they never change
 * once shipped — rename a label freely, never an id.
 *
 * runbook.test.ts parses runbook.md and fails when this module and the document drift
 * apart, in either direction: a playbook added here needs its section in runbook.md
 * (the reviewed source of truth); a team that cannot edit it serves extra playbooks
 * from the backend instead (see src/api/runbooks.ts).
 */
import { ESCALATION_LEVELS, type EscalationStep } from './escalation'
import { SEVERITIES, type SeverityInfo } from './severity'

// ---------------------------------------------------------------- severities

/** The runbook's P1–P4, re-exported so the whole runbook is reachable from one module. */
export const RUNBOOK_SEVERITIES: readonly SeverityInfo[] = SEVERITIES

// ---------------------------------------------------------------- process

export const PHASE_IDS = ['detection', 'triage', 'investigation', 'resolution', 'post-incident'] as const
export type PhaseId = (typeof PHASE_IDS)[number]

/** Anything that can be ticked: `id` is what an incident's `checklist` stores. */
export interface ChecklistStep {
  readonly id: string
  readonly label: string
}

/** A process step, from a runbook bullet such as "**Assign**: Assign to on-call engineer". */
export interface ProcessStep extends ChecklistStep {
  /** The bold word: "Assign". */
  readonly term: string
  /** The rest of the bullet: "Assign to on-call engineer". */
  readonly text: string
}

export interface ProcessPhase {
  readonly id: PhaseId
  /** 1-based, as the runbook numbers its phases. */
  readonly number: number
  readonly name: string
  readonly steps: readonly ProcessStep[]
}

function processStep(phase: PhaseId, key: string, term: string, text: string): ProcessStep {
  return { id: `${phase}.${key}`, term, text, label: `${term}: ${text}` }
}

/** The incident response process, in order. Step ids are `<phase>.<key>`. */
export const PROCESS_PHASES: readonly ProcessPhase[] = [
  {
    id: 'detection',
    number: 1,
    name: 'Detection',
    steps: [
      processStep('detection', 'automated', 'Automated', 'Monitoring alerts trigger'),
      processStep('detection', 'manual', 'Manual', 'User reports issue'),
      processStep('detection', 'source', 'Source', 'Error logs, metrics, user feedback'),
    ],
  },
  {
    id: 'triage',
    number: 2,
    name: 'Triage',
    steps: [
      processStep('triage', 'assess', 'Assess', 'Determine severity level'),
      processStep('triage', 'assign', 'Assign', 'Assign to on-call engineer'),
      processStep('triage', 'document', 'Document', 'Create incident ticket'),
    ],
  },
  {
    id: 'investigation',
    number: 3,
    name: 'Investigation',
    steps: [
      processStep('investigation', 'check', 'Check', 'Error logs, metrics dashboard'),
      processStep('investigation', 'identify', 'Identify', 'Root cause'),
      processStep('investigation', 'isolate', 'Isolate', 'Determine scope of impact'),
    ],
  },
  {
    id: 'resolution',
    number: 4,
    name: 'Resolution',
    steps: [
      processStep('resolution', 'fix', 'Fix', 'Implement solution'),
      processStep('resolution', 'verify', 'Verify', 'Confirm fix works'),
      processStep('resolution', 'deploy', 'Deploy', 'Roll out fix (if needed)'),
    ],
  },
  {
    id: 'post-incident',
    number: 5,
    name: 'Post-Incident',
    steps: [
      processStep('post-incident', 'document', 'Document', 'Incident report'),
      processStep('post-incident', 'review', 'Review', 'Post-mortem meeting'),
      processStep('post-incident', 'improve', 'Improve', 'Update runbooks, add monitoring'),
    ],
  },
]

// ---------------------------------------------------------------- playbooks

export const BUILT_IN_PLAYBOOK_SLUGS = [
  'agent-not-responding',
  'high-error-rate',
  'database-connection-lost',
  'rate-limiting',
] as const
export type BuiltInPlaybookSlug = (typeof BUILT_IN_PLAYBOOK_SLUGS)[number]

/**
 * One entry of a playbook's investigation block: a shell command to copy, or a check a
 * person does by looking (the runbook writes those as a second comment line).
 * `comment` is the `# …` line above it: "Check logs".
 */
export type InvestigationItem =
  | { readonly kind: 'command'; readonly comment: string; readonly command: string }
  | { readonly kind: 'check'; readonly comment: string; readonly text: string }

/** "STT service failure → Check OpenAI API status". */
export interface CommonCause {
  readonly id: string
  readonly cause: string
  readonly check: string
}

/** A resolution step; its id is local to the playbook (see `playbookStepId`). */
export interface PlaybookStep {
  readonly id: string
  readonly label: string
}

export interface Playbook {
  /** Kebab-case, unique; the URL is /runbooks/<slug>. */
  readonly slug: string
  readonly title: string
  readonly symptoms: readonly string[]
  readonly investigation: readonly InvestigationItem[]
  readonly causes: readonly CommonCause[]
  readonly resolution: readonly PlaybookStep[]
}

/** The runbook's "Common Incidents & Solutions", in its order. */
export const PLAYBOOKS: readonly Playbook[] = [
  {
    slug: 'agent-not-responding',
    title: 'Agent Not Responding',
    symptoms: ['Users report agent not speaking', 'Conversation state stuck', 'High latency'],
    investigation: [
      { kind: 'command', comment: 'Check logs', command: 'tail -f logs/app/voice-agent.log | grep ERROR' },
      { kind: 'command', comment: 'Check service status', command: 'curl https://backend-url/health' },
      { kind: 'check', comment: 'Check metrics', text: 'Look at STT/LLM/TTS latency metrics' },
    ],
    causes: [
      { id: 'stt-failure', cause: 'STT service failure', check: 'Check OpenAI API status' },
      { id: 'llm-timeout', cause: 'LLM service timeout', check: 'Check Ollama/GPT connectivity' },
      { id: 'tts-failure', cause: 'TTS service failure', check: 'Check OpenAI API' },
      { id: 'livekit-connection', cause: 'LiveKit connection issue', check: 'Check LiveKit Cloud status' },
    ],
    resolution: [
      { id: 'restart-service', label: 'Restart affected service' },
      { id: 'switch-llm-fallback', label: 'Switch to fallback LLM provider' },
      { id: 'check-rate-limits', label: 'Check API rate limits' },
      { id: 'scale-up', label: 'Scale up resources if needed' },
    ],
  },
  {
    slug: 'high-error-rate',
    title: 'High Error Rate',
    symptoms: ['Error rate > 10%', 'Multiple error types in logs', 'User complaints increase'],
    investigation: [
      { kind: 'command', comment: 'Check error logs', command: 'grep -i error logs/app/*.log | tail -100' },
      { kind: 'check', comment: 'Check error types', text: 'Group by error_type in error_logs table' },
    ],
    causes: [],
    resolution: [
      { id: 'identify-common-error', label: 'Identify most common error' },
      { id: 'check-dependencies', label: 'Check if dependency issue (API, database)' },
      { id: 'fix-or-workaround', label: 'Implement fix or workaround' },
      { id: 'add-retry-logic', label: 'Add retry logic if transient errors' },
    ],
  },
  {
    slug: 'database-connection-lost',
    title: 'Database Connection Lost',
    symptoms: ['Cannot save conversations', 'Database query errors', 'High database latency'],
    investigation: [
      {
        kind: 'command',
        comment: 'Check database connection',
        command: 'psql -h db-host -U user -d voice_agent -c "SELECT 1"',
      },
      { kind: 'check', comment: 'Check connection pool', text: 'Review database metrics' },
    ],
    causes: [],
    resolution: [
      { id: 'restart-pool', label: 'Restart database connection pool' },
      { id: 'check-db-server', label: 'Check database server status' },
      { id: 'verify-credentials', label: 'Verify credentials' },
      { id: 'scale-database', label: 'Scale database if needed' },
    ],
  },
  {
    slug: 'rate-limiting',
    title: 'Rate Limiting Triggered',
    symptoms: ['429 errors in logs', 'Users cannot generate tokens', 'API quota exceeded'],
    investigation: [
      { kind: 'command', comment: 'Check rate limit logs', command: 'grep "rate limit" logs/app/*.log' },
      { kind: 'check', comment: 'Check API usage', text: 'Review OpenAI/Groq usage dashboard' },
    ],
    causes: [],
    resolution: [
      { id: 'increase-rate-limit', label: 'Increase rate limit temporarily' },
      { id: 'add-api-keys', label: 'Add more API keys (load balance)' },
      { id: 'exponential-backoff', label: 'Implement exponential backoff' },
      { id: 'upgrade-api-tier', label: 'Upgrade API tier if needed' },
    ],
  },
]

/** The built-in playbook with this slug, or undefined. */
export function builtInPlaybook(slug: string): Playbook | undefined {
  return PLAYBOOKS.find((p) => p.slug === slug)
}

// ---------------------------------------------------------------- escalation

/** The runbook's escalation path L1–L4 (owned by escalation.ts, re-exported here). */
export const ESCALATION_PATH: readonly EscalationStep[] = ESCALATION_LEVELS

// ---------------------------------------------------------------- communication

export const MESSAGE_TEMPLATE_IDS = ['internal-alert', 'status-update', 'resolution'] as const
export type MessageTemplateId = (typeof MESSAGE_TEMPLATE_IDS)[number]

/** What a template line may ask for, written `{{key}}` in the line. */
export const PLACEHOLDER_KEYS = [
  'severity',
  'title',
  'status',
  'impact',
  'onCall',
  'incidentId',
  'rootCause',
  'resolution',
  'eta',
  'duration',
  'postmortem',
] as const
export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number]

export interface MessageTemplate {
  readonly id: MessageTemplateId
  /** The runbook's heading: "Internal Alert (Slack)". */
  readonly heading: string
  /** The name the product shows (and the text box's accessible name): "Internal alert". */
  readonly name: string
  /**
   * The runbook's lines with its example values replaced by `{{key}}`. The runbook's
   * lines open with a space where an emoji once stood; the product's text starts
   * cleanly at "[P1]" so it pastes into Slack without stray whitespace.
   */
  readonly lines: readonly string[]
}

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'internal-alert',
    heading: 'Internal Alert (Slack)',
    name: 'Internal alert',
    lines: [
      '[{{severity}}] {{title}}',
      'Status: {{status}}',
      'Impact: {{impact}}',
      'On-call: {{onCall}}',
      'Incident: {{incidentId}}',
    ],
  },
  {
    id: 'status-update',
    heading: 'Status Update',
    name: 'Status update',
    lines: [
      '[{{severity}}] {{title}} - UPDATE',
      'Status: {{status}}',
      'Root Cause: {{rootCause}}',
      'Resolution: {{resolution}}',
      'ETA: {{eta}}',
    ],
  },
  {
    id: 'resolution',
    heading: 'Resolution',
    name: 'Resolution',
    lines: [
      '[{{severity}}] {{title}} - RESOLVED',
      'Duration: {{duration}}',
      'Root Cause: {{rootCause}}',
      'Resolution: {{resolution}}',
      'Post-mortem: {{postmortem}}',
    ],
  },
]

/** The template with this id (every id has one). */
export function messageTemplate(id: MessageTemplateId): MessageTemplate {
  const found = MESSAGE_TEMPLATES.find((t) => t.id === id)
  if (!found) throw new Error(`No message template "${id}"`)
  return found
}

// ---------------------------------------------------------------- monitoring

/** The runbook's alert list in its own words; alert-rules.ts turns them into rules. */
export const MONITORING_ALERTS: { readonly critical: readonly string[]; readonly warning: readonly string[] } = {
  critical: [
    'Service down > 1 minute',
    'Error rate > 10% for 5 minutes',
    'Database connection lost',
    'API quota exceeded',
  ],
  warning: ['Latency > 3 seconds (P95)', 'Error rate > 5% for 15 minutes', 'High retry rate', 'Resource usage > 80%'],
}

// ---------------------------------------------------------------- post-incident checklist

/** Ids are prefixed so they never collide with the process phase "post-incident". */
export const POST_INCIDENT_CHECKLIST: readonly ChecklistStep[] = [
  { id: 'post-incident-checklist.document-incident', label: 'Document incident in incident log' },
  { id: 'post-incident-checklist.create-report', label: 'Create incident report' },
  { id: 'post-incident-checklist.schedule-postmortem', label: 'Schedule post-mortem meeting' },
  { id: 'post-incident-checklist.update-runbooks', label: 'Update runbooks with learnings' },
  { id: 'post-incident-checklist.add-monitoring', label: 'Add monitoring for detected issue' },
  { id: 'post-incident-checklist.preventive-measures', label: 'Implement preventive measures' },
]

// ---------------------------------------------------------------- the whole

export interface Runbook {
  readonly severities: readonly SeverityInfo[]
  readonly phases: readonly ProcessPhase[]
  readonly playbooks: readonly Playbook[]
  readonly escalation: readonly EscalationStep[]
  readonly templates: readonly MessageTemplate[]
  readonly monitoring: typeof MONITORING_ALERTS
  readonly postIncidentChecklist: readonly ChecklistStep[]
}

/** Everything in runbook.md, in one value. */
export const RUNBOOK: Runbook = {
  severities: RUNBOOK_SEVERITIES,
  phases: PROCESS_PHASES,
  playbooks: PLAYBOOKS,
  escalation: ESCALATION_PATH,
  templates: MESSAGE_TEMPLATES,
  monitoring: MONITORING_ALERTS,
  postIncidentChecklist: POST_INCIDENT_CHECKLIST,
}

import { playbookStepId } from './checklist'
import { PLAYBOOKS, type Playbook } from './runbook'
import { checklistEventText, playbookEventText } from './step-labels'

test.each([
  ['triage.assess', true, 'Checked: Triage — Assess: Determine severity level'],
  ['triage.assess', false, 'Unchecked: Triage — Assess: Determine severity level'],
  ['detection.manual', true, 'Checked: Detection — Manual: User reports issue'],
  ['post-incident.document', true, 'Checked: Post-Incident — Document: Incident report'],
  ['playbook.rate-limiting.add-api-keys', true, 'Checked: Rate Limiting Triggered — Add more API keys (load balance)'],
  ['playbook.database-connection-lost.restart-pool', false, 'Unchecked: Database Connection Lost — Restart database connection pool'],
  ['post-incident-checklist.create-report', true, 'Checked: Post-incident checklist — Create incident report'],
  ['post-incident-checklist.preventive-measures', false, 'Unchecked: Post-incident checklist — Implement preventive measures'],
  // Unknown ids keep the id: a served playbook this side never saw, a step since removed.
  ['playbook.disk-full.free-space', true, 'Checked: playbook.disk-full.free-space'],
  ['playbook.rate-limiting.no-such-step', false, 'Unchecked: playbook.rate-limiting.no-such-step'],
  ['triage', true, 'Checked: triage'],
] as const)('checklistEventText(%s, done %s) with the built-in playbooks', (stepId, done, expected) => {
  expect(checklistEventText(stepId, done)).toBe(expected)
})

const diskFull: Playbook = {
  slug: 'disk-full',
  title: 'Disk Full',
  symptoms: ['Writes fail with ENOSPC'],
  investigation: [],
  causes: [],
  resolution: [{ id: 'free-space', label: 'Free space on the volume' }],
}

test('a served playbook the backend knows is named in its own words', () => {
  const stepId = playbookStepId(diskFull.slug, 'free-space')
  expect(checklistEventText(stepId, true, [...PLAYBOOKS, diskFull])).toBe('Checked: Disk Full — Free space on the volume')
})

test('a playbook replaced by a served one is named in the replacement words, not the built-in ones', () => {
  const replaced: Playbook = {
    ...diskFull,
    slug: 'rate-limiting',
    title: 'Rate limits (team edition)',
    resolution: [{ id: 'add-api-keys', label: 'Rotate in the spare keys' }],
  }
  const playbooks = PLAYBOOKS.map((p) => (p.slug === 'rate-limiting' ? replaced : p))
  expect(checklistEventText('playbook.rate-limiting.add-api-keys', true, playbooks)).toBe(
    'Checked: Rate limits (team edition) — Rotate in the spare keys',
  )
})

test.each([
  ['database-connection-lost', true, 'Playbook attached: Database Connection Lost'],
  ['database-connection-lost', false, 'Playbook detached: Database Connection Lost'],
  ['agent-not-responding', true, 'Playbook attached: Agent Not Responding'],
  ['high-error-rate', false, 'Playbook detached: High Error Rate'],
  ['rate-limiting', true, 'Playbook attached: Rate Limiting Triggered'],
  // A playbook none of the known ones is named by its slug rather than by nothing.
  ['disk-full', true, 'Playbook attached: disk-full'],
  ['disk-full', false, 'Playbook detached: disk-full'],
] as const)('playbookEventText(%s, attached %s) with the built-in playbooks', (slug, attached, expected) => {
  expect(playbookEventText(slug, attached)).toBe(expected)
})

test('a served playbook is named by its own title, and one that replaces a built-in by the replacement title', () => {
  const replaced: Playbook = { ...diskFull, slug: 'rate-limiting', title: 'Rate limits (team edition)' }
  const playbooks = [...PLAYBOOKS.filter((p) => p.slug !== 'rate-limiting'), replaced, diskFull]
  expect(playbookEventText('disk-full', true, playbooks)).toBe('Playbook attached: Disk Full')
  expect(playbookEventText('rate-limiting', false, playbooks)).toBe('Playbook detached: Rate limits (team edition)')
})

import { PLAYBOOKS, type Playbook } from '@/domain/runbook'
import { searchPlaybooks, searchTerms } from './runbook-search'

const slugs = (list: readonly Playbook[]) => list.map((p) => p.slug)

test.each([
  ['', ['agent-not-responding', 'high-error-rate', 'database-connection-lost', 'rate-limiting']],
  ['   ', ['agent-not-responding', 'high-error-rate', 'database-connection-lost', 'rate-limiting']],
  ['database', ['database-connection-lost']],
  // A symptom.
  ['conversation state stuck', ['agent-not-responding']],
  // A command.
  ['psql', ['database-connection-lost']],
  ['tail -100', ['high-error-rate']],
  // A common cause and its check.
  ['livekit', ['agent-not-responding']],
  ['ollama', ['agent-not-responding']],
  // Words may come from different fields.
  ['429 grep', ['rate-limiting']],
  // Case does not matter; resolution steps are not searched ("Check API rate limits" is not a symptom).
  ['RATE LIMIT', ['rate-limiting']],
  ['kubernetes', []],
] as const)('searching %j finds %j', (query, expected) => {
  expect(slugs(searchPlaybooks(PLAYBOOKS, query))).toEqual(expected)
})

test('search terms are the lower-cased words', () => {
  expect(searchTerms('  High   Latency ')).toEqual(['high', 'latency'])
})

test('a playbook served by the backend is searched like a built-in one', () => {
  const served: Playbook = {
    slug: 'disk-full',
    title: 'Disk Full',
    symptoms: ['Writes fail'],
    investigation: [{ kind: 'command', comment: 'Check disk', command: 'df -h' }],
    causes: [],
    resolution: [{ id: 'clean', label: 'Clean old logs' }],
  }
  expect(slugs(searchPlaybooks([...PLAYBOOKS, served], 'df -h'))).toEqual(['disk-full'])
})

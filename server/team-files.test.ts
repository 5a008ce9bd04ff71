import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROSTER } from '@/backend/roster'
import { loadRoster, loadRunbooks } from './team-files'
import { startTestServer } from './testing'

const dir = mkdtempSync(join(tmpdir(), 'vigil-team-files-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const extraPlaybook = {
  slug: 'livekit-region-failover',
  title: 'LiveKit region failover',
  symptoms: ['Rooms in eu-west fail to connect'],
  investigation: [{ kind: 'command', comment: 'Which region answers?', command: 'livekit-cli list-nodes' }],
  causes: [{ id: 'region-down', cause: 'The region is down', check: 'Status page' }],
  resolution: [{ id: 'fail-over', label: 'Point the agent at us-east' }],
}

test('no files: the demo roster and no extra playbooks', async () => {
  expect(await loadRoster(null)).toBe(ROSTER)
  expect(await loadRunbooks(null)).toEqual({ playbooks: [] })
})

test('a team playbook file is read, checked and served at GET /api/runbooks', async () => {
  const path = file('runbooks.json', JSON.stringify({ playbooks: [extraPlaybook] }))
  expect(await loadRunbooks(path)).toEqual({ playbooks: [extraPlaybook] })
  const server = await startTestServer({ database: { kind: 'pglite-memory' }, env: { VIGIL_RUNBOOKS_FILE: path } })
  try {
    const response = await fetch(`${server.baseUrl}/api/runbooks`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ playbooks: [extraPlaybook] })
  } finally {
    await server.close()
  }
}, 60_000)

test.each([
  ['a file that is not JSON', 'bad.json', '{"playbooks": [', /^VIGIL_RUNBOOKS_FILE: cannot read .*bad\.json as JSON/],
  ['a playbook whose slug is not kebab-case', 'slug.json', JSON.stringify({ playbooks: [{ ...extraPlaybook, slug: 'Fail Over' }] }), /^VIGIL_RUNBOOKS_FILE: .*slug\.json at playbooks\.0\.slug: must be kebab-case/],
  ['a playbook with nothing to do', 'empty.json', JSON.stringify({ playbooks: [{ ...extraPlaybook, resolution: [] }] }), /at playbooks\.0\.resolution: /],
  ['no playbooks list', 'root.json', JSON.stringify([extraPlaybook]), /at \(root\): /],
] as const)('%s stops the start, naming the setting, the file and the problem', async (_, name, content, message) => {
  await expect(loadRunbooks(file(name, content))).rejects.toThrow(message)
})

test('a missing roster file stops the start, naming it', async () => {
  await expect(loadRoster(join(dir, 'nowhere.json'))).rejects.toThrow(/^VIGIL_ROSTER_FILE: cannot read .*nowhere\.json as JSON \(ENOENT/)
})

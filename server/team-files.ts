/**
 * The team's own files, read once at start and checked with the contract: the on-call
 * roster (VIGIL_ROSTER_FILE, else the demo roster) and the playbooks the team serves
 * beyond the runbook's four (VIGIL_RUNBOOKS_FILE, else none). A bad file stops the start
 * with the setting, the file and the first problem named.
 */
import { readFile } from 'node:fs/promises'
import { safeParse } from 'zod/mini'
import type { $ZodType, output } from 'zod/v4/core'
import { rosterResponse, type Roster } from '@/api/schemas'
import { runbooksResponse, type RunbooksResponse } from '@/api/runbooks'
import { ROSTER } from '@/backend/roster'

async function readTeamFile<S extends $ZodType>(setting: string, file: string, schema: S): Promise<output<S>> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new Error(`${setting}: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error })
  }
  const parsed = safeParse(schema, json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`${setting}: ${file} at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'invalid'}.`)
  }
  return parsed.data
}

export async function loadRoster(file: string | null): Promise<Roster> {
  return file === null ? ROSTER : readTeamFile('VIGIL_ROSTER_FILE', file, rosterResponse)
}

export async function loadRunbooks(file: string | null): Promise<RunbooksResponse> {
  return file === null ? { playbooks: [] } : readTeamFile('VIGIL_RUNBOOKS_FILE', file, runbooksResponse)
}

/** The on-call roster: the team's file (VIGIL_ROSTER_FILE) checked with the contract, or the demo roster. */
import { readFile } from 'node:fs/promises'
import { safeParse } from 'zod/mini'
import { rosterResponse, type Roster } from '@/api/schemas'
import { ROSTER } from '@/backend/roster'

export async function loadRoster(file: string | null): Promise<Roster> {
  if (file === null) return ROSTER
  let json: unknown
  try {
    json = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new Error(`VIGIL_ROSTER_FILE: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error })
  }
  const parsed = safeParse(rosterResponse, json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`VIGIL_ROSTER_FILE: ${file} at ${first?.path.join('.') ?? '(root)'}: ${first?.message ?? 'invalid'}.`)
  }
  return parsed.data
}

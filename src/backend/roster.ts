/**
 * The demo on-call roster: who is paged at each step of the runbook's escalation path.
 * The mock backend always uses it (so tests and screenshots name the same people); the
 * server uses it unless the team gives its own (VIGIL_ROSTER_FILE).
 */
import type { Person, Roster } from '@/api/schemas'

const person = (id: string, name: string): Person => ({ id, name, handle: `@${id}` })

export const ROSTER: Roster = {
  levels: [
    {
      level: 1,
      title: 'On-call engineer',
      people: [person('priya', 'Priya Raman'), person('tom', 'Tom Becker'), person('kwame', 'Kwame Mensah')],
      onCall: 'priya',
    },
    {
      level: 2,
      title: 'Senior engineer',
      people: [person('ana', 'Ana Silva'), person('jonas', 'Jonas Lindqvist')],
      onCall: 'ana',
    },
    { level: 3, title: 'Engineering lead', people: [person('mei', 'Mei Chen')], onCall: 'mei' },
    { level: 4, title: 'CTO/VP Engineering', people: [person('daniel', 'Daniel Okafor')], onCall: 'daniel' },
  ],
}

/** A roster person by id ("priya") or handle ("@priya"). */
export function findPerson(roster: Roster, idOrHandle: string): Person | undefined {
  for (const level of roster.levels) {
    const found = level.people.find((p) => p.id === idOrHandle || p.handle === idOrHandle)
    if (found) return found
  }
  return undefined
}

export function rosterLevel(roster: Roster, level: number): Roster['levels'][number] | undefined {
  return roster.levels.find((l) => l.level === level)
}

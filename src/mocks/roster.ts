/**
 * The mock backend's on-call roster: who is paged at each step of the runbook's
 * escalation path. Fixed, so tests and screenshots name the same people.
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
export function findPerson(idOrHandle: string): Person | undefined {
  for (const level of ROSTER.levels) {
    const found = level.people.find((p) => p.id === idOrHandle || p.handle === idOrHandle)
    if (found) return found
  }
  return undefined
}

export function rosterLevel(level: number): Roster['levels'][number] | undefined {
  return ROSTER.levels.find((l) => l.level === level)
}

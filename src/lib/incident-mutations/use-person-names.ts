import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { Roster } from '@/api/schemas'

/**
 * A roster person's name from their id or handle ("priya", "@priya" → "Priya Raman").
 * Anything else — "system", "anonymous", a person who left the roster, or every id while
 * the roster loads — is shown as it came: a raw id is better than a blank.
 */
export function personName(roster: Roster | undefined, idOrHandle: string): string {
  for (const level of roster?.levels ?? []) {
    const person = level.people.find((p) => p.id === idOrHandle || p.handle === idOrHandle)
    if (person) return person.name
  }
  return idOrHandle
}

/** `personName` bound to the current roster. */
export function usePersonNames(): (idOrHandle: string) => string {
  const { data: roster } = useQuery(rosterQueries.current())
  return (idOrHandle) => personName(roster, idOrHandle)
}

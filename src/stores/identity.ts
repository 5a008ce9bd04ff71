/**
 * Who "I" am: the roster person this browser acts as. Every change Vigil sends carries
 * it as `actor`, so the timeline says who did what. There is no login in Vigil; the
 * responder picks themselves once and the choice is kept in localStorage.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Roster } from '@/api/schemas'

export const IDENTITY_STORAGE_KEY = 'vigil.identity'

interface IdentityStore {
  /** A roster person id, or null while the responder has not chosen. */
  personId: string | null
  actions: {
    identityChosen: (personId: string) => void
    identityForgotten: () => void
  }
}

const useIdentityStore = create<IdentityStore>()(
  persist(
    (set) => ({
      personId: null,
      actions: {
        identityChosen: (personId) => {
          set({ personId })
        },
        identityForgotten: () => {
          set({ personId: null })
        },
      },
    }),
    {
      name: IDENTITY_STORAGE_KEY,
      version: 1,
      partialize: (state) => ({ personId: state.personId }),
      // localStorage is user-editable: anything but a non-empty string means "not chosen".
      merge: (persisted, current) => {
        const personId = typeof persisted === 'object' && persisted !== null && 'personId' in persisted ? persisted.personId : undefined
        return typeof personId === 'string' && personId !== '' ? { ...current, personId } : current
      },
    },
  ),
)

/** The id the responder chose, or null (use `resolveIdentity` for who that means). */
export const useChosenPersonId = () => useIdentityStore((s) => s.personId)
export const useIdentityActions = () => useIdentityStore((s) => s.actions)

/** Read outside React. */
export function chosenPersonId(): string | null {
  return useIdentityStore.getState().personId
}

/**
 * Who "I" am, given the roster: the chosen person while they are on it; otherwise the
 * L1 on-call (whoever is paged first is the likeliest person at the keyboard). Null
 * while the roster is unknown and nothing was chosen. A choice that left the roster is
 * not trusted: signing changes as someone who no longer exists helps nobody.
 */
export function resolveIdentity(chosen: string | null, roster: Roster | undefined): string | null {
  if (roster === undefined) return chosen
  const onRoster = roster.levels.some((l) => l.people.some((p) => p.id === chosen))
  if (chosen !== null && onRoster) return chosen
  const first = [...roster.levels].sort((a, b) => a.level - b.level)[0]
  return first?.onCall ?? null
}

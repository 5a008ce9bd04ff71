import { act, renderHook } from '@testing-library/react'
import type { Roster } from '@/api/schemas'
import { chosenPersonId, IDENTITY_STORAGE_KEY, resolveIdentity, useChosenPersonId, useIdentityActions } from './identity'

const roster: Roster = {
  levels: [
    { level: 2, title: 'Senior engineer', people: [{ id: 'ana', name: 'Ana Silva', handle: '@ana' }], onCall: 'ana' },
    {
      level: 1,
      title: 'On-call engineer',
      people: [
        { id: 'priya', name: 'Priya Raman', handle: '@priya' },
        { id: 'tom', name: 'Tom Becker', handle: '@tom' },
      ],
      onCall: 'priya',
    },
  ],
}

test.each<[string, string | null, Roster | undefined, string | null]>([
  ['a chosen person on the roster is who I am', 'tom', roster, 'tom'],
  ['nobody chosen: the L1 on-call', null, roster, 'priya'],
  ['a chosen person who left the roster: the L1 on-call', 'gone', roster, 'priya'],
  ['the roster is not loaded: the choice as it is', 'tom', undefined, 'tom'],
  ['nothing known yet', null, undefined, null],
  ['an empty roster', null, { levels: [] }, null],
])('%s', (_, chosen, r, expected) => {
  expect(resolveIdentity(chosen, r)).toBe(expected)
})

test('the choice is kept in localStorage and can be forgotten', () => {
  const { result } = renderHook(() => ({ id: useChosenPersonId(), actions: useIdentityActions() }))
  act(() => {
    result.current.actions.identityChosen('tom')
  })
  expect(result.current.id).toBe('tom')
  expect(chosenPersonId()).toBe('tom')
  expect(JSON.parse(localStorage.getItem(IDENTITY_STORAGE_KEY) ?? '{}')).toMatchObject({ state: { personId: 'tom' } })

  act(() => {
    result.current.actions.identityForgotten()
  })
  expect(result.current.id).toBeNull()
})

test.each([
  ['a number', JSON.stringify({ state: { personId: 42 }, version: 1 })],
  ['an empty id', JSON.stringify({ state: { personId: '' }, version: 1 })],
  ['not JSON', '{nope'],
])('%s in storage means nobody was chosen', async (_, stored) => {
  localStorage.setItem(IDENTITY_STORAGE_KEY, stored)
  vi.resetModules()
  const fresh = await import('./identity')
  expect(fresh.chosenPersonId()).toBeNull()
  localStorage.removeItem(IDENTITY_STORAGE_KEY)
})

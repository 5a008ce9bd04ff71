import { act, renderHook } from '@testing-library/react'
import { currentThemePreference, resolveTheme, useThemeActions, useThemePreference } from './theme'

test.each([
  ['system', false, 'light'],
  ['system', true, 'dark'],
  ['light', true, 'light'],
  ['dark', false, 'dark'],
] as const)('preference %s with the OS dark=%s resolves to %s', (preference, systemDark, expected) => {
  expect(resolveTheme(preference, systemDark)).toBe(expected)
})

test('a chosen theme is kept in localStorage for the next visit', () => {
  const { result } = renderHook(() => ({ preference: useThemePreference(), actions: useThemeActions() }))
  expect(result.current.preference).toBe('system')

  act(() => {
    result.current.actions.themeChosen('dark')
  })
  expect(result.current.preference).toBe('dark')
  expect(currentThemePreference()).toBe('dark')
  expect(JSON.parse(localStorage.getItem('vigil.theme') ?? '{}')).toMatchObject({ state: { preference: 'dark' } })

  act(() => {
    result.current.actions.themeChosen('system')
  })
})

test.each([
  ['an unknown preference', JSON.stringify({ state: { preference: 'purple' }, version: 1 })],
  ['a value that is not JSON', '{not json'],
])('%s in localStorage falls back to the system theme', async (_, stored) => {
  localStorage.setItem('vigil.theme', stored)
  vi.resetModules()
  const fresh = await import('./theme')
  expect(fresh.currentThemePreference()).toBe('system')
  localStorage.removeItem('vigil.theme')
})

test('a valid stored preference is restored on load', async () => {
  localStorage.setItem('vigil.theme', JSON.stringify({ state: { preference: 'light' }, version: 1 }))
  vi.resetModules()
  const fresh = await import('./theme')
  expect(fresh.currentThemePreference()).toBe('light')
  localStorage.removeItem('vigil.theme')
})

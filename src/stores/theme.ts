import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const
export type ThemePreference = (typeof THEME_PREFERENCES)[number]
export type Theme = 'light' | 'dark'

export const THEME_LABELS: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' }

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value)
}

/** "system" follows the operating system's prefers-color-scheme. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light'
  return preference
}

interface ThemeStore {
  preference: ThemePreference
  actions: { themeChosen: (preference: ThemePreference) => void }
}

const useThemeStore = create<ThemeStore>()(
  persist(
    (set) => ({
      preference: 'system',
      actions: {
        themeChosen: (preference) => {
          set({ preference })
        },
      },
    }),
    {
      name: 'vigil.theme',
      version: 1,
      partialize: (state) => ({ preference: state.preference }),
      // localStorage is user-editable: anything but a known preference means the default.
      merge: (persisted, current) => {
        const preference = typeof persisted === 'object' && persisted !== null && 'preference' in persisted ? persisted.preference : undefined
        return isThemePreference(preference) ? { ...current, preference } : current
      },
    },
  ),
)

export const useThemePreference = () => useThemeStore((s) => s.preference)
export const useThemeActions = () => useThemeStore((s) => s.actions)

/** Read once outside React (main.tsx sets the class before the first paint). */
export function currentThemePreference(): ThemePreference {
  return useThemeStore.getState().preference
}

import { useEffect, useSyncExternalStore } from 'react'
import { currentThemePreference, resolveTheme, useThemePreference, type Theme } from '@/stores/theme'

const QUERY = '(prefers-color-scheme: dark)'

function mediaQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null
}

function subscribeSystemTheme(listener: () => void): () => void {
  const mq = mediaQuery()
  mq?.addEventListener('change', listener)
  return () => mq?.removeEventListener('change', listener)
}

export function systemPrefersDark(): boolean {
  return mediaQuery()?.matches ?? false
}

/** Puts the theme on <html>: the `dark` class drives Tailwind's dark variant, color-scheme the native controls. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('dark', theme === 'dark')
  root.style.colorScheme = theme
}

/** Before React renders, so the first paint is already in the right theme. */
export function applyStoredTheme(): void {
  applyTheme(resolveTheme(currentThemePreference(), systemPrefersDark()))
}

/** Keeps <html> in step with the stored preference and, for "system", with the OS. */
export function useApplyTheme(): Theme {
  const preference = useThemePreference()
  const systemDark = useSyncExternalStore(subscribeSystemTheme, systemPrefersDark, () => false)
  const theme = resolveTheme(preference, systemDark)
  useEffect(() => {
    applyTheme(theme)
  }, [theme])
  return theme
}

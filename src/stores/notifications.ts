import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/**
 * Whether this responder wants desktop notifications, and a sound with them. The
 * browser's permission is separate and asked for only from the button.
 */
interface NotificationStore {
  enabled: boolean
  sound: boolean
  actions: {
    enabledChanged: (enabled: boolean) => void
    soundChanged: (sound: boolean) => void
  }
}

const useNotificationStore = create<NotificationStore>()(
  persist(
    (set) => ({
      enabled: false,
      sound: false,
      actions: {
        enabledChanged: (enabled) => {
          set({ enabled })
        },
        soundChanged: (sound) => {
          set({ sound })
        },
      },
    }),
    {
      name: 'vigil.notifications',
      version: 1,
      partialize: (state) => ({ enabled: state.enabled, sound: state.sound }),
      // localStorage is user-editable: only booleans are taken from it.
      merge: (persisted, current) => {
        const stored = typeof persisted === 'object' && persisted !== null ? (persisted as Record<string, unknown>) : {}
        return {
          ...current,
          enabled: typeof stored.enabled === 'boolean' ? stored.enabled : current.enabled,
          sound: typeof stored.sound === 'boolean' ? stored.sound : current.sound,
        }
      },
    },
  ),
)

export const useNotificationsEnabled = () => useNotificationStore((s) => s.enabled)
export const useNotificationSound = () => useNotificationStore((s) => s.sound)
export const useNotificationActions = () => useNotificationStore((s) => s.actions)

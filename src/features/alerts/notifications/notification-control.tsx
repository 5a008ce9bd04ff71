import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { useNotificationActions, useNotificationsEnabled, useNotificationSound } from '@/stores/notifications'
import { notificationPermission, requestNotificationPermission } from './permission'

/**
 * The one place the browser is asked for notification permission: a button, never on
 * load. Once the browser says no, the control explains where to change that and never
 * asks again (browsers ignore a second request anyway).
 */
export function NotificationControl() {
  const [permission, setPermission] = useState(notificationPermission)
  const enabled = useNotificationsEnabled()
  const sound = useNotificationSound()
  const { enabledChanged, soundChanged } = useNotificationActions()

  if (permission === 'unsupported') return null

  if (permission === 'denied') {
    return (
      <details className="relative text-xs">
        <summary className="cursor-pointer rounded-md px-2 py-1.5 font-medium text-zinc-700 dark:text-zinc-300">Notifications blocked</summary>
        <p className="absolute right-0 z-40 mt-1 w-72 rounded-md border border-zinc-300 bg-white p-3 text-sm text-zinc-800 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          This browser blocks notifications from Vigil, so none will be shown. To get them, allow notifications for this site in the
          browser&apos;s site settings and reload. Vigil will not ask again.
        </p>
      </details>
    )
  }

  if (permission === 'default' || !enabled) {
    return (
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          if (permission === 'granted') {
            enabledChanged(true)
            return
          }
          void requestNotificationPermission().then((answer) => {
            setPermission(answer)
            if (answer === 'granted') enabledChanged(true)
          })
        }}
      >
        Turn on notifications
      </Button>
    )
  }

  return (
    <div role="group" aria-label="Desktop notifications" className="flex items-center gap-1">
      <Button
        size="sm"
        variant="ghost"
        aria-pressed="true"
        title="Critical alerts and new P1s notify this desktop. Press to turn off."
        onClick={() => {
          enabledChanged(false)
        }}
      >
        Notifications on
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-pressed={sound}
        onClick={() => {
          soundChanged(!sound)
        }}
      >
        Sound {sound ? 'on' : 'off'}
      </Button>
    </div>
  )
}

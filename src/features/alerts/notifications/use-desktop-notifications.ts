import { useEffect, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { alertQueries } from '@/api/alerts'
import { incidentQueries } from '@/api/incidents'
import { createAudioContext, playChime } from '@/lib/chime'
import { useNotificationsEnabled, useNotificationSound } from '@/stores/notifications'
import { ALERTS_REFRESH_MS } from '../refresh'
import { newNotices, NOTHING_SEEN, snapshotOf, type Notice } from './notable'
import { notificationPermission } from './permission'
import { polling } from '@/api/refresh-schedule'
import { safeUrl } from '@/lib/safe-url'

const INCIDENTS_REFRESH_MS = 10_000

/**
 * Shows a desktop notification for each critical alert that starts firing and each new
 * P1, when the responder turned them on and the browser allows it. A click brings this
 * tab forward on the alert list or the incident.
 */
export function useDesktopNotifications(): void {
  const enabled = useNotificationsEnabled()
  const sound = useNotificationSound()
  const navigate = useNavigate()
  const alerts = useQuery({ ...alertQueries.current(), ...polling(ALERTS_REFRESH_MS), select: (data) => data.alerts })
  const incidents = useQuery({ ...incidentQueries.list(), ...polling(INCIDENTS_REFRESH_MS) })
  // What was seen is kept whether or not notifications are on: turning them on never replays the past.
  const seen = useRef(NOTHING_SEEN)

  useEffect(() => {
    const notices = newNotices(seen.current, alerts.data, incidents.data)
    seen.current = snapshotOf(seen.current, alerts.data, incidents.data)
    if (!enabled || notices.length === 0 || notificationPermission() !== 'granted') return
    for (const notice of notices) {
      show(notice, (href) => {
        // In-app only: a notification never takes the responder to another site.
        const path = safeUrl(href, window.location.origin)
        if (path?.startsWith('/')) void navigate(path)
      })
    }
    if (sound) {
      const audio = createAudioContext()
      if (audio !== null) playChime(audio)
    }
  }, [alerts.data, incidents.data, enabled, sound, navigate])
}

function show(notice: Notice, go: (href: string) => void): void {
  try {
    const notification = new Notification(notice.title, { body: notice.body, tag: notice.key })
    notification.onclick = () => {
      window.focus()
      go(notice.href)
      notification.close()
    }
  } catch {
    // Some browsers (Chrome on Android) allow notifications only from a service worker: the page still shows it all.
  }
}

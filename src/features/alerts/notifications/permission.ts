export type NotificationPermissionState = NotificationPermission | 'unsupported'

/** The browser's answer so far; 'unsupported' where there is no Notification API (or no secure context). */
export function notificationPermission(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

/** Asks the browser; called only from a button, never on load. */
export async function requestNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported'
  try {
    return await Notification.requestPermission()
  } catch {
    return Notification.permission
  }
}

import { changeNotice, type ChangeNotice } from '@/api/events'

/**
 * A `change` message's data as a notice, or null when it is not JSON or breaks the
 * contract (an unknown `type` included): such a message is skipped, never an error, so a
 * newer server can add notices an older page ignores.
 */
export function parseChange(data: unknown): ChangeNotice | null {
  if (typeof data !== 'string') return null
  let json: unknown
  try {
    json = JSON.parse(data)
  } catch {
    return null
  }
  const parsed = changeNotice.safeParse(json)
  return parsed.success ? parsed.data : null
}

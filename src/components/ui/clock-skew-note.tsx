import { clockSkewNote } from '@/domain/clock-skew'
import { useServerSkew } from '@/lib/use-server-time'

/**
 * "Your clock is 5 min behind the server; times shown are the server's." Shown only past
 * 30 s of skew, so that a reader comparing the screen with their own watch knows why the
 * two disagree. Nothing otherwise.
 */
export function ClockSkewNote({ className }: { className: string }) {
  const note = clockSkewNote(useServerSkew())
  if (note === null) return null
  return <p className={className}>{note}</p>
}

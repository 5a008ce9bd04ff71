import type { SetAside } from '@/api/lenient-list'

export interface SetAsideNoticeProps {
  setAside: SetAside
  /** The item's name, one and many: ['incident', 'incidents']. */
  noun: readonly [one: string, many: string]
  /** Samples shown as gaps because they were not valid numbers (metrics only). */
  gaps?: number
  className?: string
}

/**
 * Says what a panel is not showing: "2 incidents set aside: unknown status "paused"."
 * A list never loses items silently — the rest are shown and this counts the others.
 * Renders nothing when nothing was left out.
 */
export function SetAsideNotice({ setAside, noun, gaps = 0, className = 'text-xs text-amber-900 dark:text-amber-200' }: SetAsideNoticeProps) {
  if (setAside.count === 0 && gaps === 0) return null
  return <p className={className}>{setAsideSentence(setAside, noun, gaps)}</p>
}

/** The notice's words, for a panel that needs them as a string. */
export function setAsideSentence(setAside: SetAside, [one, many]: readonly [string, string], gaps = 0): string {
  const parts: string[] = []
  if (setAside.count > 0) {
    const shown = setAside.reasons.join('; ')
    parts.push(`${setAside.count} ${setAside.count === 1 ? one : many} set aside${shown === '' ? '' : `: ${shown}`}.`)
  }
  if (gaps > 0) parts.push(`${gaps} ${gaps === 1 ? 'sample' : 'samples'} not a valid number, shown as ${gaps === 1 ? 'a gap' : 'gaps'}.`)
  return parts.join(' ')
}

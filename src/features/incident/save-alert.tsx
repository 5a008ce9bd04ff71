/**
 * Why a save did not go through, next to the control that made it. role="alert": the
 * responder clicked and moved on; they must hear that it did not work.
 */
export function SaveAlert({ text, tone = 'error' }: { text: string | null; tone?: 'error' | 'pending' }) {
  if (text === null) return null
  const style =
    tone === 'error'
      ? 'border-red-300 bg-red-50 text-red-950 dark:border-red-500/50 dark:bg-red-950/40 dark:text-red-100'
      : 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100'
  return (
    <p role="alert" className={`rounded border px-2 py-1 text-xs break-words ${style}`}>
      <span aria-hidden="true">{tone === 'error' ? '✕ ' : '⟳ '}</span>
      {text}
    </p>
  )
}

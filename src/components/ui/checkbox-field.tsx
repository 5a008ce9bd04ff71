import { useId, type ReactNode } from 'react'
import { focusRing } from './focus'

export interface CheckboxFieldProps {
  label: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  /** Why the last change did not save, said next to the box (role="alert"). */
  problem?: string | null
  /** A save is under way; the box stays usable (disabling it would drop keyboard focus). */
  busy?: boolean
  /** Extra words under the label: who ticked it, what it belongs to. */
  hint?: ReactNode
}

/** A checkbox with a real <label>, so the whole line is clickable and the step text is its name. */
export function CheckboxField({ label, checked, onChange, problem = null, busy = false, hint }: CheckboxFieldProps) {
  const id = useId()
  const problemId = useId()
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-busy={busy || undefined}
          aria-describedby={problem === null ? undefined : problemId}
          onChange={(e) => {
            onChange(e.target.checked)
          }}
          className={`mt-0.5 size-4 shrink-0 rounded accent-sky-700 dark:accent-sky-500 ${focusRing}`}
        />
        <label htmlFor={id} className={`text-sm ${checked ? 'text-zinc-600 line-through decoration-zinc-400 dark:text-zinc-400' : ''}`}>
          {label}
        </label>
      </div>
      {hint !== undefined && <div className="pl-6 text-xs text-zinc-600 dark:text-zinc-400">{hint}</div>}
      {problem !== null && (
        <p id={problemId} role="alert" className="pl-6 text-xs text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
    </div>
  )
}

import { useId, type ComponentProps } from 'react'
import { focusRing } from '@/components/ui/focus'

const FIELD =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-500 disabled:opacity-60 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100'

/** A labelled multi-line text box. */
export function TextArea({ label, className = '', ...props }: Omit<ComponentProps<'textarea'>, 'id'> & { label: string }) {
  const id = useId()
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <textarea id={id} className={`${FIELD} ${focusRing} ${className}`} {...props} />
    </div>
  )
}

/** A labelled one-line text box. */
export function TextInput({ label, className = '', ...props }: Omit<ComponentProps<'input'>, 'id'> & { label: string }) {
  const id = useId()
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input id={id} className={`h-8 pointer-coarse:min-h-[44px] ${FIELD} ${focusRing} ${className}`} {...props} />
    </div>
  )
}

import { useId, type ComponentProps, type ReactNode } from 'react'
import { focusRing } from './focus'

export interface SelectProps extends Omit<ComponentProps<'select'>, 'id'> {
  label: ReactNode
  /**
   * Keep the label for assistive tech but not on screen (when the context already says
   * it); 'below-2xl' shows it only on screens 1536 px wide or more (a crowded header).
   */
  hideLabel?: boolean | 'below-2xl'
  /** Lay the label beside the control instead of above it. */
  inline?: boolean
}

/** A native select with a real <label>: keyboard, screen readers and autofill work for free. */
export function Select({ label, hideLabel = false, inline = false, className = '', children, ...props }: SelectProps) {
  const id = useId()
  return (
    <div className={inline ? 'flex items-center gap-2' : 'flex flex-col gap-1'}>
      <label htmlFor={id} className={hideLabel === true ? 'sr-only' : `${hideLabel === 'below-2xl' ? 'sr-only 2xl:not-sr-only ' : ''}text-xs font-medium text-zinc-600 dark:text-zinc-400`}>
        {label}
      </label>
      <select
        id={id}
        className={`h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm pointer-coarse:min-h-[44px] text-zinc-900 disabled:opacity-60 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 ${focusRing} ${className}`}
        {...props}
      >
        {children}
      </select>
    </div>
  )
}

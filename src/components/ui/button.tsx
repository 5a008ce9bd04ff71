import type { ComponentProps } from 'react'
import { focusRing } from './focus'

type Variant = 'primary' | 'secondary' | 'ghost'
type Size = 'sm' | 'md'

const variants: Record<Variant, string> = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-700 dark:hover:bg-sky-800 border border-transparent',
  secondary:
    'bg-white text-zinc-900 border border-zinc-300 hover:bg-zinc-100 dark:bg-zinc-900 dark:text-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800',
  ghost: 'text-zinc-700 hover:bg-zinc-200/70 dark:text-zinc-300 dark:hover:bg-zinc-800 border border-transparent',
}

const sizes: Record<Size, string> = {
  sm: 'h-7 px-2 text-xs gap-1 pointer-coarse:min-h-[44px] pointer-coarse:min-w-[44px]',
  md: 'h-8 px-3 text-sm gap-1.5 pointer-coarse:min-h-[44px]',
}

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: Variant
  size?: Size
}

export function Button({ variant = 'secondary', size = 'md', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center rounded-md font-medium whitespace-nowrap motion-safe:transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${sizes[size]} ${focusRing} ${className}`}
      {...props}
    />
  )
}

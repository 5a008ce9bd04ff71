import { Link, type LinkProps } from 'react-router'
import { focusRing } from './focus'

/** An in-app link styled as a link: underlined, so it is not told apart by colour alone. */
export function TextLink({ className = '', ...props }: LinkProps) {
  return (
    <Link
      className={`rounded-sm font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300 ${focusRing} ${className}`}
      {...props}
    />
  )
}

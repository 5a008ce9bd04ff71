import type { Alert } from '@/api/schemas'

/** Shape carries severity as well as colour: an octagon for critical, a triangle for warning. */
export function SeverityIcon({ severity, className = '' }: { severity: Alert['severity']; className?: string }) {
  const common = { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': true, className: `shrink-0 ${className}` } as const
  if (severity === 'critical') {
    return (
      <svg {...common}>
        <path d="M4.3 0.5 H9.7 L13.5 4.3 V9.7 L9.7 13.5 H4.3 L0.5 9.7 V4.3 Z" className="fill-red-600 dark:fill-red-500" />
        <path d="M7 3.5 V8" stroke="white" strokeWidth="1.8" strokeLinecap="round" />
        <circle cx="7" cy="10.5" r="1" fill="white" />
      </svg>
    )
  }
  return (
    <svg {...common}>
      <path d="M7 1 L13 12.5 H1 Z" className="fill-amber-500 dark:fill-amber-400" />
      <path d="M7 5 V8.5" stroke="black" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="7" cy="10.4" r="0.8" fill="black" />
    </svg>
  )
}

import type { HealthState } from '@/api/schemas'

/** Shape carries the state as well as colour: circle up, triangle degraded, cross down, ring unknown. */
export function StateIcon({ state, className = '' }: { state: HealthState; className?: string }) {
  const common = { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': true, className: `shrink-0 ${className}` } as const
  switch (state) {
    case 'up':
      return (
        <svg {...common}>
          <circle cx="7" cy="7" r="6" className="fill-emerald-600 dark:fill-emerald-400" />
        </svg>
      )
    case 'degraded':
      return (
        <svg {...common}>
          <path d="M7 1 L13 12.5 H1 Z" className="fill-amber-500 dark:fill-amber-400" />
        </svg>
      )
    case 'down':
      return (
        <svg {...common}>
          <rect x="0.5" y="0.5" width="13" height="13" rx="2" className="fill-red-600 dark:fill-red-500" />
          <path d="M4 4 L10 10 M10 4 L4 10" stroke="white" strokeWidth="2" strokeLinecap="round" />
        </svg>
      )
    case 'unknown':
      return (
        <svg {...common}>
          <circle cx="7" cy="7" r="5.5" fill="none" strokeWidth="1.5" strokeDasharray="2.5 2" className="stroke-zinc-500 dark:stroke-zinc-400" />
        </svg>
      )
  }
}

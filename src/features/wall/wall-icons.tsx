/**
 * Shapes that carry meaning beside colour (a wall is read by people with every kind
 * of colour vision, from across a room): circle = fine, triangle = warning,
 * crossed square = down or breached, dashed ring = unknown. Sized in em so they
 * scale with the text they sit in.
 */
import type { AlertState, HealthState } from '@/api/schemas'

type Shape = 'ok' | 'warning' | 'bad' | 'unknown' | 'pending' | 'clock' | 'check'

const common = (className: string) =>
  ({ width: '1em', height: '1em', viewBox: '0 0 16 16', 'aria-hidden': true, className: `inline-block shrink-0 ${className}` }) as const

export function ShapeIcon({ shape, className = '' }: { shape: Shape; className?: string }) {
  switch (shape) {
    case 'ok':
      return (
        <svg {...common(className)}>
          <circle cx="8" cy="8" r="7" className="fill-emerald-400" />
        </svg>
      )
    case 'warning':
      return (
        <svg {...common(className)}>
          <path d="M8 1 L15.2 14.5 H0.8 Z" className="fill-amber-400" />
          <path d="M8 6 V10 M8 12 V12.5" stroke="black" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      )
    case 'bad':
      return (
        <svg {...common(className)}>
          <rect x="0.5" y="0.5" width="15" height="15" rx="2.5" className="fill-red-500" />
          <path d="M4.5 4.5 L11.5 11.5 M11.5 4.5 L4.5 11.5" stroke="white" strokeWidth="2.2" strokeLinecap="round" />
        </svg>
      )
    case 'unknown':
      return (
        <svg {...common(className)}>
          <circle cx="8" cy="8" r="6.5" fill="none" strokeWidth="1.8" strokeDasharray="3 2.2" className="stroke-zinc-300" />
        </svg>
      )
    case 'pending':
      return (
        <svg {...common(className)}>
          <circle cx="8" cy="8" r="6.5" fill="none" strokeWidth="2" className="stroke-amber-300" />
          <path d="M8 8 V3.5 A4.5 4.5 0 0 1 12.5 8 Z" className="fill-amber-300" />
        </svg>
      )
    case 'clock':
      return (
        <svg {...common(className)}>
          <circle cx="8" cy="8" r="6.5" fill="none" strokeWidth="1.8" stroke="currentColor" />
          <path d="M8 4 V8 L11 10" fill="none" strokeWidth="1.8" strokeLinecap="round" stroke="currentColor" />
        </svg>
      )
    case 'check':
      return (
        <svg {...common(className)}>
          <path d="M2.5 8.5 L6.5 12.5 L13.5 4" fill="none" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" stroke="currentColor" />
        </svg>
      )
  }
}

export const HEALTH_SHAPES: Record<HealthState, Shape> = { up: 'ok', degraded: 'warning', down: 'bad', unknown: 'unknown' }

export const ALERT_SHAPES: Record<AlertState, Shape> = { firing: 'bad', pending: 'pending', nodata: 'unknown', inactive: 'ok' }

import { useQuery } from '@tanstack/react-query'
import { alertQueries, type AlertsAnswer } from '@/api/alerts'
import { ALERTS_REFRESH_MS } from './refresh'
import { polling } from '@/api/refresh-schedule'

const countCriticalFiring = (data: Pick<AlertsAnswer, 'alerts'>): number =>
  data.alerts.filter((a) => a.state === 'firing' && a.severity === 'critical').length

/** Critical alerts firing now, from the cached alert states; 0 until they are known. */
export function useCriticalFiringCount(): number {
  const query = useQuery({ ...alertQueries.current(), ...polling(ALERTS_REFRESH_MS), select: countCriticalFiring })
  return query.data ?? 0
}

/** The tab title's prefix: "(3) " while three critical alerts fire, nothing otherwise. */
export function titlePrefix(count: number): string {
  return count > 0 ? `(${count}) ` : ''
}

/**
 * The favicon with the count on a red disc, as an SVG document. "9+" past nine: a tab
 * icon is 16 px and two digits are the most it can show.
 */
export function badgedFaviconSvg(count: number): string {
  const text = count > 9 ? '9+' : String(count)
  const size = text.length > 1 ? 15 : 18
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<circle cx="16" cy="16" r="13" fill="none" stroke="#f59e0b" stroke-width="4"/>' +
    '<circle cx="19" cy="19" r="13" fill="#dc2626" stroke="#fff" stroke-width="2"/>' +
    `<text x="19" y="19" dy="0.35em" text-anchor="middle" font-family="system-ui,sans-serif" font-weight="800" font-size="${size}" fill="#fff">${text}</text>` +
    '</svg>'
  )
}

import { useQuery } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'

/** How often an open incident page asks for others' changes (other tabs are told at once). */
export const INCIDENT_REFRESH_MS = 7_000

/** The incident, polled while the page is open. */
export function useIncident(incidentId: string) {
  return useQuery({ ...incidentQueries.detail(incidentId), refetchInterval: INCIDENT_REFRESH_MS })
}

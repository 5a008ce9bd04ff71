import { useQuery } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import { useRenderOnIncidentWrite } from '@/lib/incident-mutations/use-render-on-incident-write'

/** How often an open incident page asks for others' changes (other tabs are told at once). */
export const INCIDENT_REFRESH_MS = 7_000

/** The incident, polled while the page is open. */
export function useIncident(incidentId: string) {
  // An optimistic change (a tick, a status) shows in the render that handles the click.
  useRenderOnIncidentWrite(incidentId)
  return useQuery({ ...incidentQueries.detail(incidentId), refetchInterval: INCIDENT_REFRESH_MS })
}

import { useCallback } from 'react'
import { useQuery } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { showChanges, useChangesOnTheirWay } from '@/lib/incident-mutations/changes-on-their-way'
import { polling } from '@/api/refresh-schedule'

/** How often an open incident page asks for others' changes (live updates usually come first). */
export const INCIDENT_REFRESH_MS = 7_000

/**
 * The incident, polled while the page is open, with this responder's changes that are on
 * their way shown over it — in the render that handles the click (a tick, a status).
 */
export function useIncident(incidentId: string) {
  const changes = useChangesOnTheirWay(incidentId)
  const select = useCallback((incident: Incident) => showChanges(incident, changes), [changes])
  return useQuery({ ...incidentQueries.detail(incidentId), ...polling(INCIDENT_REFRESH_MS), select })
}

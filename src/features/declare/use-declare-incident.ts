import { useMutation, useQueryClient } from '@tanstack/react-query'
import { declareIncident, incidentQueries } from '@/api/incidents'
import type { DeclareIncidentRequest } from '@/api/schemas'

export interface DeclareVariables {
  body: DeclareIncidentRequest
  /** One per dialog opening: a resend with it returns the incident the first send made. */
  idempotencyKey: string
}

/** POST /api/incidents; on success the new incident is in the cache and every incident list refetches. */
export function useDeclareIncident() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: DeclareVariables) => declareIncident(body, idempotencyKey),
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentQueries.detail(incident.id).queryKey, incident)
      void queryClient.invalidateQueries({ queryKey: incidentQueries.all() })
    },
  })
}

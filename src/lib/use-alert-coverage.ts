import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { alertQueries } from '@/api/alerts'
import { incidentQueries } from '@/api/incidents'
import type { Alert, Incident } from '@/api/schemas'
import { firingCoverage, handledComponents, handlingIncidents, type FiringCoverage } from '@/domain/alert-coverage'
import { polling } from '@/api/refresh-schedule'

/** The alert states and incident list behind "Handled in INC-…"; live updates refresh both sooner. */
const ALERTS_REFRESH_MS = 10_000
const INCIDENTS_REFRESH_MS = 10_000
const NOBODY: ReadonlyMap<string, Incident> = new Map()

export interface AlertCoverage {
  /** Alert id → the open incident handling it; empty until the incidents are known. */
  handling: ReadonlyMap<string, Incident>
  /** Undefined until both the alerts and the incidents are known: never claim "no incident" early. */
  coverage: FiringCoverage | undefined
  /** Component id → the open incident handling an alert that fires or is pending for it. */
  components: ReadonlyMap<string, Incident>
}

/** Which alerts are handled by an open incident, from the same cached queries the pages use. */
export function useAlertCoverage(): AlertCoverage {
  const alerts = useQuery({ ...alertQueries.current(), ...polling(ALERTS_REFRESH_MS) })
  const incidents = useQuery({ ...incidentQueries.list(), ...polling(INCIDENTS_REFRESH_MS) })
  return useCoverageOf(alerts.data?.alerts, incidents.data)
}

/** The same answer from lists the caller already has (the wall reads its own queries); undefined until loaded. */
export function useCoverageOf(alertList: readonly Alert[] | undefined, incidentList: readonly Incident[] | undefined): AlertCoverage {
  const handling = useMemo(() => (incidentList === undefined ? NOBODY : handlingIncidents(incidentList)), [incidentList])
  const coverage = useMemo(
    () => (alertList === undefined || incidentList === undefined ? undefined : firingCoverage(alertList, handling)),
    [alertList, incidentList, handling],
  )
  const components = useMemo(() => (alertList === undefined ? NOBODY : handledComponents(alertList, handling)), [alertList, handling])
  return { handling, coverage, components }
}

import type { ComponentType } from 'react'
import { useParams } from 'react-router'
import { isApiError } from '@/api/client'
import type { Incident } from '@/api/schemas'
import { ErrorMessage } from '@/components/ui/error-message'
import { PlaybookChecklists } from '@/features/checklists/playbook-checklists'
import { ProcessChecklist } from '@/features/checklists/process-checklist'
import { IncidentMessages } from '@/features/comms/incident-messages'
import { PageHeader } from '@/components/ui/page-header'
import { Skeleton } from '@/components/ui/panel'
import { StaleNotice } from '@/components/ui/stale-notice'
import { ConflictDialog } from '@/features/incident/conflict-dialog'
import { IdentityControl } from '@/features/incident/identity-control'
import { IncidentFacts } from '@/features/incident/incident-facts'
import { IncidentNotFound } from '@/features/incident/incident-not-found'
import { NotePanel } from '@/features/incident/note-panel'
import { RespondPanel } from '@/features/incident/respond-panel'
import { UnsavedChanges } from '@/features/incident/unsaved-changes'
import { useIncident } from '@/features/incident/use-incident'
import { PostIncident } from '@/features/postmortem/post-incident'
import { IncidentTimeline } from '@/features/timeline/incident-timeline'

/** A section of the incident page; it receives the loaded incident. */
export interface IncidentSection {
  id: string
  Component: ComponentType<{ incident: Incident }>
}

function TimelineSection({ incident }: { incident: Incident }) {
  return <IncidentTimeline incidentId={incident.id} />
}

/**
 * The page's sections, top to bottom, per column. This is the composition point: a new
 * section (runbook checklists, messages, post-incident) is one entry here — features
 * never import each other, the route puts them side by side.
 */
export const SIDE_COLUMN: readonly IncidentSection[] = [{ id: 'respond', Component: RespondPanel }]

export const MAIN_COLUMN: readonly IncidentSection[] = [
  { id: 'process', Component: ProcessChecklist },
  { id: 'playbooks', Component: PlaybookChecklists },
  { id: 'messages', Component: IncidentMessages },
  { id: 'note', Component: NotePanel },
  { id: 'timeline', Component: TimelineSection },
  { id: 'post-incident', Component: PostIncident },
]

export function IncidentPage() {
  const { id = '' } = useParams()
  const query = useIncident(id)
  const incident = query.data
  const notFound = isApiError(query.error) && query.error.status === 404

  return (
    <>
      <PageHeader title={incident ? `${incident.id} · ${incident.title}` : id} actions={<IdentityControl />} />
      {incident === undefined ? (
        notFound ? (
          <IncidentNotFound incidentId={id} />
        ) : (query.error ?? query.failureReason) !== null ? (
          <ErrorMessage
            what={`Incident ${id}`}
            error={query.error ?? query.failureReason}
            retrying={query.isFetching}
            onRetry={() => {
              void query.refetch()
            }}
          />
        ) : (
          <div aria-busy="true">
            <span className="sr-only">Loading {id}…</span>
            <Skeleton rows={4} />
          </div>
        )
      ) : (
        <>
          {(query.error ?? query.failureReason) !== null && (
            <div className="mb-3">
              <StaleNotice
                updatedAt={query.dataUpdatedAt}
                error={query.error ?? query.failureReason}
                fetching={query.isFetching}
                onRetry={() => {
                  void query.refetch()
                }}
              />
            </div>
          )}
          <IncidentFacts incident={incident} />
          <UnsavedChanges incidentId={incident.id} />
          <ConflictDialog incidentId={incident.id} />
          <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(18rem,24rem)_minmax(0,1fr)]">
            <div className="flex flex-col gap-4">
              {SIDE_COLUMN.map(({ id: key, Component }) => (
                <Component key={key} incident={incident} />
              ))}
            </div>
            <div className="flex flex-col gap-4">
              {MAIN_COLUMN.map(({ id: key, Component }) => (
                <Component key={key} incident={incident} />
              ))}
            </div>
          </div>
        </>
      )}
    </>
  )
}

import type { Incident } from '@/api/schemas'
import { Panel } from '@/components/ui/panel'
import { FollowUps } from './follow-ups'
import { IncidentReport } from './incident-report'
import { PostIncidentChecklist } from './post-incident-checklist'
import { PostmortemSchedule } from './postmortem-schedule'

/** The runbook's fifth phase on one incident: checklist, post-mortem meeting, follow-ups and the report. */
export function PostIncident({ incident }: { incident: Incident }) {
  return (
    <Panel title="Post-incident">
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          <PostIncidentChecklist incident={incident} />
          <PostmortemSchedule incident={incident} />
          <FollowUps incident={incident} />
        </div>
        <IncidentReport incident={incident} />
      </div>
    </Panel>
  )
}

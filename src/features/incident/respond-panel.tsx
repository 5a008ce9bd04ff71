import type { Incident } from '@/api/schemas'
import { Panel } from '@/components/ui/panel'
import { AcknowledgeControl } from './acknowledge-control'
import { AssigneeControl } from './assignee-control'
import { EscalateControl } from './escalate-control'
import { SeverityControl } from './severity-control'
import { StatusControl } from './status-control'

/** The moves of a response: acknowledge, status, assignee, escalation and severity. */
export function RespondPanel({ incident }: { incident: Incident }) {
  return (
    <Panel title="Respond">
      <div className="flex flex-col gap-4">
        <AcknowledgeControl incident={incident} />
        <StatusControl incident={incident} />
        <AssigneeControl incident={incident} />
        <EscalateControl incident={incident} />
        <SeverityControl incident={incident} />
      </div>
    </Panel>
  )
}

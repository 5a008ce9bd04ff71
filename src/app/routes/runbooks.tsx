import { PageHeader } from '@/components/ui/page-header'
import { PlaybookDirectory } from '@/features/runbooks/playbook-directory'
import {
  CommunicationTemplates,
  EscalationPath,
  MonitoringAlerts,
  PostIncidentChecklistReference,
  ResponseProcess,
  SeverityLevels,
} from '@/features/runbooks/runbook-reference'

export function RunbooksPage() {
  return (
    <>
      <PageHeader title="Runbooks" description="The incident response runbook: playbooks for common incidents, and the process around them." />
      <div className="flex flex-col gap-4">
        <PlaybookDirectory />
        <SeverityLevels />
        <ResponseProcess />
        <div className="grid gap-4 lg:grid-cols-2">
          <EscalationPath />
          <MonitoringAlerts />
        </div>
        <CommunicationTemplates />
        <PostIncidentChecklistReference />
      </div>
    </>
  )
}

import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function RunbooksPage() {
  return (
    <>
      <PageHeader title="Runbooks" />
      <EmptyState heading="Runbooks are not built yet" links={<TextLink to="/">Overview</TextLink>}>
        <p>
          This page will hold the five-phase response process and the four playbooks — agent not responding, high error rate,
          database connection lost, rate limiting — with symptoms, investigation commands to copy, causes and resolution steps.
        </p>
        <p>They arrive with the runbook work.</p>
      </EmptyState>
    </>
  )
}

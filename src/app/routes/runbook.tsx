import { useParams } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function RunbookPage() {
  const { slug = '' } = useParams()
  return (
    <>
      <PageHeader title={`Runbook: ${slug}`} />
      <EmptyState heading="This playbook is not built yet" links={<TextLink to="/runbooks">All runbooks</TextLink>}>
        <p>This page will show the “{slug}” playbook step by step, with its commands ready to copy.</p>
        <p>It arrives with the runbook work.</p>
      </EmptyState>
    </>
  )
}

import { useParams } from 'react-router'
import { PlaybookPage } from '@/features/runbooks/playbook-view'

export function RunbookPage() {
  const { slug = '' } = useParams()
  return <PlaybookPage slug={slug} />
}

import { useLocation } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { TextLink } from '@/components/ui/text-link'

export function NotFoundPage() {
  const { pathname } = useLocation()
  return (
    <>
      <PageHeader title="Page not found" />
      <p className="text-sm">
        Nothing lives at <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">{pathname}</code>.{' '}
        <TextLink to="/">Go to the Overview</TextLink>
      </p>
    </>
  )
}

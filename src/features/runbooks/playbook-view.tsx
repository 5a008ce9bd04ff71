import type { InvestigationItem, Playbook } from '@/domain/runbook'
import { CodeBlock } from '@/components/ui/code-block'
import { describeError } from '@/components/ui/describe-error'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Panel, Skeleton } from '@/components/ui/panel'
import { TextLink } from '@/components/ui/text-link'
import { usePlaybooks } from '@/lib/use-playbooks'

/**
 * One playbook as a page: symptoms, investigation commands to copy, common causes and
 * resolution steps. A slug that is not built in may still be served by the backend, so
 * "not found" waits for that answer.
 */
export function PlaybookPage({ slug }: { slug: string }) {
  const { playbooks, query } = usePlaybooks()
  const playbook = playbooks.find((p) => p.slug === slug)
  if (playbook) return <PlaybookView playbook={playbook} />
  if (query.isPending) {
    return (
      <>
        <PageHeader title="Runbook" />
        <div aria-busy="true">
          <span className="sr-only">Loading runbook…</span>
          <Skeleton rows={4} />
        </div>
      </>
    )
  }
  return (
    <>
      <PageHeader title="Runbook not found" />
      <EmptyState heading={`No runbook named “${slug}”`} links={<TextLink to="/runbooks">All runbooks</TextLink>}>
        <p>The runbook has no playbook at this address. It may have been renamed; the list of runbooks has every playbook.</p>
        {query.isError && (
          <p>
            The team&apos;s extra playbooks could not be loaded, so it may be one of those. {describeError(query.error).title}
          </p>
        )}
      </EmptyState>
    </>
  )
}

export function PlaybookView({ playbook }: { playbook: Playbook }) {
  return (
    <>
      <PageHeader title={playbook.title} description={<TextLink to="/runbooks">All runbooks</TextLink>} />
      <div className="grid max-w-5xl gap-4">
        <Panel title="Symptoms">
          {playbook.symptoms.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No symptoms recorded.</p>
          ) : (
            <ul className="list-disc pl-5 text-sm">
              {playbook.symptoms.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Investigation">
          <InvestigationSteps items={playbook.investigation} />
        </Panel>
        <Panel title="Common causes">
          {playbook.causes.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">The runbook lists no common causes for this issue.</p>
          ) : (
            <ol className="list-decimal pl-5 text-sm">
              {playbook.causes.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{c.cause}</span>
                  {c.check !== '' && <> → {c.check}</>}
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title="Resolution">
          <ol className="list-decimal pl-5 text-sm">
            {playbook.resolution.map((s) => (
              <li key={s.id}>{s.label}</li>
            ))}
          </ol>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            On an incident, attach this playbook to tick these steps off; each tick goes on the incident&apos;s timeline.
          </p>
        </Panel>
      </div>
    </>
  )
}

function InvestigationSteps({ items }: { items: readonly InvestigationItem[] }) {
  if (items.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No investigation steps recorded.</p>
  return (
    <ol className="flex flex-col gap-3 text-sm">
      {items.map((item, i) => (
        <li key={i} className="flex flex-col gap-1">
          {item.kind === 'command' ? (
            <>
              <h3 className="font-medium">{item.comment === '' ? 'Run' : item.comment}</h3>
              <CodeBlock code={item.command} purpose={item.comment} />
            </>
          ) : (
            <>
              <h3 className="font-medium">{item.comment}</h3>
              <p>{item.text}</p>
            </>
          )}
        </li>
      ))}
    </ol>
  )
}

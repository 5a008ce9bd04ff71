import { useId } from 'react'
import { useSearchParams } from 'react-router'
import type { Playbook } from '@/domain/runbook'
import { Button } from '@/components/ui/button'
import { describeError } from '@/components/ui/describe-error'
import { Panel } from '@/components/ui/panel'
import { TextLink } from '@/components/ui/text-link'
import { SEARCH_TARGET } from '@/lib/shortcuts/use-shortcuts'
import { usePlaybooks } from '@/lib/use-playbooks'
import { searchPlaybooks } from './runbook-search'
import { controlClass } from '@/components/ui/control-class'
import { appPath } from '@/lib/safe-url'

/** The search lives in the URL (`?q=`), so a link to the page reproduces it. */
function useRunbookQuery() {
  const [params, setParams] = useSearchParams()
  const query = params.get('q') ?? ''
  const setQuery = (next: string) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev)
        if (next === '') p.delete('q')
        else p.set('q', next)
        return p
      },
      // One history entry per search, not per keystroke.
      { replace: true },
    )
  }
  return [query, setQuery] as const
}

/** Every playbook, built-in and served, searchable by title, symptoms, commands and causes. */
export function PlaybookDirectory() {
  const { playbooks, query: served } = usePlaybooks()
  const [query, setQuery] = useRunbookQuery()
  const found = searchPlaybooks(playbooks, query)
  const inputId = useId()
  const countId = useId()

  return (
    <Panel title="Playbooks">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor={inputId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Search runbooks
          </label>
          <input
            id={inputId}
            type="search"
            {...SEARCH_TARGET}
            aria-keyshortcuts="/"
            value={query}
            placeholder="Symptom, command or cause: 429, psql, LiveKit…"
            aria-describedby={countId}
            onChange={(e) => {
              setQuery(e.target.value)
            }}
            className={controlClass}
          />
        </div>
        {/* Polite, not a status role: the count is a side note to typing, not an alert. */}
        <p id={countId} aria-live="polite" className="pb-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          {query.trim() === '' ? `${playbooks.length} playbooks` : `${found.length} of ${playbooks.length} playbooks match`}
        </p>
      </div>
      {served.isError && (
        <p className="text-xs text-amber-900 dark:text-amber-200">
          <span aria-hidden="true">⚠ </span>
          Showing the runbook&apos;s built-in playbooks only: the team&apos;s extra playbooks could not be loaded.{' '}
          {describeError(served.error).title}
        </p>
      )}
      {found.length === 0 ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p>No runbook matches “{query}”.</p>
          <Button
            size="sm"
            onClick={() => {
              setQuery('')
            }}
          >
            Clear search
          </Button>
        </div>
      ) : (
        <ul className="grid gap-2 md:grid-cols-2">
          {found.map((p) => (
            <PlaybookCard key={p.slug} playbook={p} />
          ))}
        </ul>
      )}
    </Panel>
  )
}

function PlaybookCard({ playbook }: { playbook: Playbook }) {
  return (
    <li className="rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
      <h3 className="text-sm font-semibold">
        <TextLink to={appPath('runbooks', playbook.slug)}>{playbook.title}</TextLink>
      </h3>
      {playbook.symptoms.length > 0 && (
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          <span className="font-medium">Symptoms:</span> {playbook.symptoms.join(' · ')}
        </p>
      )}
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {count(playbook.investigation.filter((i) => i.kind === 'command').length, 'command')} ·{' '}
        {count(playbook.resolution.length, 'resolution step')}
      </p>
    </li>
  )
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

import { useId, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { Incident, Roster } from '@/api/schemas'
import { serverNow } from '@/api/server-time'
import { incidentMessageContext, renderMessage, type MessageContext } from '@/domain/messages'
import { MESSAGE_TEMPLATES, type MessageTemplate } from '@/domain/runbook'
import { Button } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { focusRing } from '@/components/ui/focus'
import { Panel } from '@/components/ui/panel'
import { usePostMessage } from '@/lib/incident-mutations/use-incident-mutation'
import { useUnsavedChanges } from '@/lib/incident-mutations/use-unsaved-changes'
import { useNow } from '@/lib/use-now'
import { useMessageDrafts } from './message-drafts'
import { PostToSlack } from './post-to-slack'
import { StatusUpdateReminder } from './status-update-reminder'
import { controlClass } from '@/components/ui/control-class'

/** The assignee's Slack handle from the roster; the id itself until the roster is known. */
export function onCallHandle(assignee: string | null, roster: Roster | undefined): string | null {
  if (assignee === null) return null
  for (const level of roster?.levels ?? []) {
    const person = level.people.find((p) => p.id === assignee)
    if (person) return person.handle
  }
  return assignee
}

function viewerTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone
  } catch {
    return undefined
  }
}

/**
 * The runbook's three Slack messages for this incident, filled from its fields and
 * ready to edit, copy and log as posted; with the reminder when a status update is due.
 */
export function IncidentMessages({ incident }: { incident: Incident }) {
  return (
    <Panel title="Messages">
      <StatusUpdateReminder incident={incident} />
      {/* Keyed: another incident's page must never show this one's drafts, even for a frame. */}
      <MessageComposer key={incident.id} incident={incident} />
    </Panel>
  )
}

function MessageComposer({ incident }: { incident: Incident }) {
  const { drafts, setText, resetText, setEta } = useMessageDrafts(incident.id)
  // Minute resolution: the only moving value is the resolution message's running duration.
  const now = serverNow(useNow(60_000))
  const roster = useQuery(rosterQueries.current())
  const etaId = useId()
  const timeZone = viewerTimeZone()
  const context: MessageContext = incidentMessageContext(incident, {
    now,
    onCall: onCallHandle(incident.assignee, roster.data),
    eta: drafts.eta,
    ...(timeZone === undefined ? {} : { timeZone }),
  })

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={etaId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          ETA
        </label>
        <input
          id={etaId}
          value={drafts.eta}
          placeholder="5 minutes"
          onChange={(e) => {
            setEta(e.target.value)
          }}
          className={`max-w-56 ${controlClass}`}
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        {MESSAGE_TEMPLATES.map((template) => {
          const draft = drafts.texts[template.id]
          return (
            <MessageBox
              key={template.id}
              incidentId={incident.id}
              template={template}
              text={draft ?? renderMessage(template, context)}
              edited={draft !== undefined}
              onEdit={(text) => {
                setText(template.id, text)
              }}
              onReset={() => {
                resetText(template.id)
              }}
            />
          )
        })}
      </div>
    </div>
  )
}

function MessageBox({
  incidentId,
  template,
  text,
  edited,
  onEdit,
  onReset,
}: {
  incidentId: string
  template: MessageTemplate
  text: string
  edited: boolean
  onEdit: (text: string) => void
  onReset: () => void
}) {
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  const labelId = useId()
  const noteId = useId()
  const post = usePostMessage(incidentId)
  const [logged, setLogged] = useState<string | null>(null)
  // One key per message as posted: pressed again while that text is still unsaved (even
  // after a reload), it is the same post sent again, never a second one.
  const unsaved = useUnsavedChanges(incidentId).find(
    ({ vars: { change } }) => change.kind === 'message' && change.template === template.id && change.text === text,
  )
  const blank = text.trim() === ''

  return (
    <div role="group" aria-labelledby={labelId} className="flex min-w-0 flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label id={labelId} htmlFor={id} className="text-sm font-semibold">
          {template.name}
        </label>
        {edited && (
          <span id={noteId} className="text-xs text-zinc-600 dark:text-zinc-400">
            Edited: kept as you wrote it
          </span>
        )}
      </div>
      <textarea
        id={id}
        ref={textareaRef}
        value={text}
        rows={6}
        spellCheck
        aria-describedby={edited ? noteId : undefined}
        onChange={(e) => {
          onEdit(e.target.value)
        }}
        className={`w-full resize-y rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-[13px] leading-relaxed text-zinc-900 dark:border-zinc-600 dark:bg-zinc-950 dark:text-zinc-100 ${focusRing}`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={text} target={textareaRef} label={`Copy: ${template.name}`} />
        <PostToSlack incidentId={incidentId} template={template.id} text={text} />
        <Button
          size="sm"
          disabled={blank || post.isPending}
          onClick={() => {
            post.saveAsync({ template: template.id, text }, unsaved === undefined ? {} : { key: unsaved.vars.key }).then(
              () => {
                setLogged(text)
              },
              // Said beside the button from the change's state.
              () => undefined,
            )
          }}
        >
          {post.isPending ? 'Logging…' : 'Mark as posted'}
        </Button>
        {edited && (
          <Button size="sm" variant="ghost" onClick={onReset}>
            Reset to template
          </Button>
        )}
      </div>
      {post.problem !== null ? (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {post.problem}
        </p>
      ) : (
        logged === text &&
        !post.isPending && (
          <p role="status" className="text-xs text-emerald-800 dark:text-emerald-300">
            <span aria-hidden="true">✓ </span>
            Logged on the timeline as posted.
          </p>
        )
      )}
    </div>
  )
}

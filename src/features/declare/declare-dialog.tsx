import { useId, useRef, useState, type ReactNode, type SubmitEvent } from 'react'
import { useNavigate } from 'react-router'
import type { Alert } from '@/api/schemas'
import { Button, type ButtonProps } from '@/components/ui/button'
import { describeError } from '@/components/ui/describe-error'
import { focusRing } from '@/components/ui/focus'
import { COMPONENT_LABELS } from '@/domain/catalog'
import { SEVERITIES, isKnownSeverity, type AlertForSeverity, type Severity } from '@/domain/severity'
import { useActor } from '@/lib/incident-mutations/use-actor'
import { draftKey, useDraft, writeDraftText } from '@/lib/outbox/drafts'
import { newChangeId } from '@/lib/outbox/new-id'
import {
  DECLARABLE_SERVICES,
  IMPACT_MAX,
  TITLE_MAX,
  declareDraftText,
  declareFromAlert,
  draftFrom,
  readDeclareDraft,
  toDeclareRequest,
  validateDraft,
  type DeclareDraft,
  type DeclareInitial,
  type DraftErrors,
} from './declare-form'
import { ModalDialog } from '@/components/ui/modal-dialog'
import { SeverityGuide } from './severity-guide'
import { useDeclareIncident } from './use-declare-incident'
import { AlreadyOpen } from './already-open'
import { appPath } from '@/lib/safe-url'

const fieldClass = `w-full rounded-md border bg-white px-2 text-sm text-zinc-900 aria-invalid:border-red-600 dark:bg-zinc-950 dark:text-zinc-100 border-zinc-300 dark:border-zinc-600 ${focusRing}`

export interface DeclareIncidentButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  /** Prefills the dialog: a firing alert's title, service, suggested severity and id. */
  initial?: DeclareInitial
  children?: ReactNode
}

/** "Declare incident": opens the declaration dialog; focus comes back here when it closes. */
export function DeclareIncidentButton({ initial, children = 'Declare incident', variant = 'primary', ...props }: DeclareIncidentButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        {...props}
        variant={variant}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true)
        }}
      >
        {children}
      </Button>
      {open && (
        <DeclareIncidentDialog
          initial={initial}
          onClose={() => {
            setOpen(false)
          }}
        />
      )}
    </>
  )
}

/**
 * A firing alert's "Declare incident" button: the dialog opens with the alert's name
 * as title ("STT error rate > 10 %"), its component as the affected service, the
 * severity suggested from it (and `alsoFiring`) and the alert linked.
 */
export function DeclareFromAlertButton({
  alert,
  alsoFiring = [],
  ...props
}: { alert: Alert; alsoFiring?: readonly AlertForSeverity[] } & Omit<DeclareIncidentButtonProps, 'initial'>) {
  return <DeclareIncidentButton {...props} initial={declareFromAlert(alert, alsoFiring)} />
}

/**
 * The declaration dialog. What is typed is a draft in localStorage until the incident is
 * declared or the dialog cancelled, so a reload loses nothing; the draft's id is the
 * idempotency key, reused by every retry. One request is in flight at a time: a double
 * click or a held Enter declares once. A failure keeps everything typed and says why;
 * success opens the new incident.
 */
export function DeclareIncidentDialog({ initial, onClose }: { initial?: DeclareInitial; onClose: () => void }) {
  const navigate = useNavigate()
  const stored = useDraft(draftKey('declare', 'dialog'))
  const restored = readDeclareDraft(stored.draft?.text, initial)
  const draft = restored ?? draftFrom(initial)
  const setDraft = (next: DeclareDraft) => {
    // Another opening's draft (another alert's) is replaced, its key with it.
    if (restored === null) stored.setText('')
    return writeDraftText(stored.key, declareDraftText(next, initial)) ?? { id: newChangeId() }
  }
  const close = () => {
    stored.setText('')
    onClose()
  }
  const [showErrors, setShowErrors] = useState(false)
  const sending = useRef(false)
  const titleRef = useRef<HTMLInputElement>(null)
  const severityRef = useRef<HTMLSelectElement>(null)
  const impactRef = useRef<HTMLTextAreaElement>(null)
  const ids = { title: useId(), severity: useId(), impact: useId(), failure: useId() }

  const actor = useActor()
  const declare = useDeclareIncident()
  const pending = declare.isPending

  const errors: DraftErrors = showErrors ? validateDraft(draft) : {}
  const change = (patch: Partial<DeclareDraft>) => {
    setDraft({ ...draft, ...patch })
  }

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault()
    // A ref, not state: a second click in the same frame must already see the first.
    if (sending.current) return
    const problems = validateDraft(draft)
    if (Object.keys(problems).length > 0) {
      setShowErrors(true)
      const first = problems.title ? titleRef : problems.severity ? severityRef : impactRef
      first.current?.focus()
      return
    }
    sending.current = true
    // Untouched since it opened (a prefilled alert), the form has no draft yet: it gets one now, for its key.
    const idempotencyKey = (restored === null ? setDraft(draft) : stored.draft)?.id ?? newChangeId()
    declare.mutate(
      { body: toDeclareRequest(draft, actor), idempotencyKey },
      {
        onSuccess: (incident) => {
          close()
          void navigate(appPath('incidents', incident.id))
        },
        onSettled: () => {
          sending.current = false
        },
      },
    )
  }

  const failure = declare.error === null ? null : describeError(declare.error)

  return (
    <ModalDialog title="Declare incident" onDismiss={pending ? undefined : close} initialFocus={titleRef}>
      <form noValidate aria-label="Declare incident" onSubmit={submit} className="flex flex-col gap-4" aria-busy={pending}>
        <AlreadyOpen services={draft.services} alertIds={draft.alertIds} onOpen={close} />
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.title} className="text-sm font-medium">
            Title
          </label>
          <input
            ref={titleRef}
            id={ids.title}
            type="text"
            value={draft.title}
            maxLength={TITLE_MAX + 50}
            autoComplete="off"
            aria-invalid={errors.title !== undefined}
            aria-describedby={errors.title ? `${ids.title}-error` : undefined}
            onChange={(e) => {
              change({ title: e.target.value })
            }}
            className={`h-9 ${fieldClass}`}
          />
          <FieldError id={`${ids.title}-error`} message={errors.title} />
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor={ids.severity} className="text-sm font-medium">
            Severity
          </label>
          <select
            ref={severityRef}
            id={ids.severity}
            value={draft.severity}
            aria-invalid={errors.severity !== undefined}
            aria-describedby={errors.severity ? `${ids.severity}-error` : undefined}
            onChange={(e) => {
              const value = e.target.value
              change({ severity: isKnownSeverity(value) ? value : '' })
            }}
            className={`h-9 ${fieldClass}`}
          >
            <option value="">Choose…</option>
            {SEVERITIES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} — {s.label}: {s.impact} (respond within {s.responseTime.toLowerCase()})
              </option>
            ))}
          </select>
          <FieldError id={`${ids.severity}-error`} message={errors.severity} />
        </div>

        <SeverityGuide
          chosen={draft.severity}
          onUse={(severity: Severity) => {
            change({ severity })
          }}
        />

        <div className="flex flex-col gap-1">
          <label htmlFor={ids.impact} className="text-sm font-medium">
            Impact
          </label>
          <textarea
            ref={impactRef}
            id={ids.impact}
            value={draft.impact}
            rows={3}
            placeholder="Who is affected, and how?"
            aria-invalid={errors.impact !== undefined}
            aria-describedby={errors.impact ? `${ids.impact}-error` : undefined}
            onChange={(e) => {
              change({ impact: e.target.value })
            }}
            className={`py-1.5 ${fieldClass}`}
          />
          <FieldError id={`${ids.impact}-error`} message={errors.impact} />
          <span className="sr-only">Up to {IMPACT_MAX} characters.</span>
        </div>

        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-sm font-medium">Affected services</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {DECLARABLE_SERVICES.map((service) => (
              <label key={service} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={draft.services.includes(service)}
                  onChange={(e) => {
                    const on = e.target.checked
                    change({ services: on ? [...draft.services, service] : draft.services.filter((s) => s !== service) })
                  }}
                  className={`h-4 w-4 accent-sky-700 ${focusRing}`}
                />
                {COMPONENT_LABELS[service]}
              </label>
            ))}
          </div>
        </fieldset>

        {draft.alertIds.length > 0 && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            Linked {draft.alertIds.length === 1 ? 'alert' : 'alerts'}: <span className="font-mono">{draft.alertIds.join(', ')}</span>
          </p>
        )}

        {failure !== null && (
          <div
            role="alert"
            id={ids.failure}
            className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-950 dark:border-red-500/50 dark:bg-red-950/40 dark:text-red-100"
          >
            <p className="font-semibold">
              <span aria-hidden="true">✕ </span>
              The incident was not declared. {failure.title}
            </p>
            <p className="text-xs break-words">{failure.detail}</p>
            <p className="text-xs">Everything you entered is kept. Declare again to retry; it cannot create a second incident.</p>
          </div>
        )}

        <div className="flex items-center justify-end gap-2">
          {pending && (
            <span aria-live="polite" className="mr-auto text-sm text-zinc-600 dark:text-zinc-400">
              Declaring…
            </span>
          )}
          <Button onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending} aria-describedby={failure ? ids.failure : undefined}>
            Declare
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null
  return (
    <p id={id} className="text-xs font-medium text-red-700 dark:text-red-300">
      <span aria-hidden="true">✕ </span>
      {message}
    </p>
  )
}

import { useId, type KeyboardEvent, type RefObject } from 'react'
import type { FollowUp } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import type { FollowUpDraft } from './follow-up-edit'
import { FollowUpFields, inputClass, labelClass } from './follow-up-fields'

/** An item's editor while it is open. */
export interface Editing {
  draft: FollowUpDraft
  /** The item as it was when the editor opened, to notice someone else's edit meanwhile. */
  base: FollowUp
  /** A problem found before sending (empty text, an edit by someone else); null when none. */
  problem: string | null
}

interface FollowUpEditorProps {
  label: string
  editing: Editing
  problem: string | null
  textBox: RefObject<HTMLInputElement | null>
  onChange: (draft: FollowUpDraft) => void
  onSave: () => void
  onCancel: () => void
}

/** The item's text, owner and due date as a small form: Enter saves, Escape cancels. */
export function FollowUpEditor({ label, editing, problem, textBox, onChange, onSave, onCancel }: FollowUpEditorProps) {
  const ids = { text: useId(), problem: useId(), keys: useId() }
  const { draft } = editing
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    onCancel()
  }
  return (
    <form
      aria-label={`Edit follow-up: ${label}`}
      className="flex flex-wrap items-end gap-2 rounded-md border border-zinc-300 p-2 dark:border-zinc-700"
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor={ids.text} className={labelClass}>
          Follow-up text
        </label>
        <input
          ref={textBox}
          id={ids.text}
          className={inputClass}
          value={draft.text}
          maxLength={2000}
          aria-invalid={draft.text.trim() === '' || undefined}
          aria-describedby={problem === null ? ids.keys : `${ids.problem} ${ids.keys}`}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            onChange({ ...draft, text: e.target.value })
          }}
        />
      </div>
      <FollowUpFields draft={draft} labels={{ owner: 'Follow-up owner', due: 'Follow-up due date' }} onChange={onChange} onKeyDown={onKeyDown} />
      <div className="flex gap-1">
        <Button type="submit" size="md" variant="primary" onKeyDown={onKeyDown}>
          Save
        </Button>
        <Button size="md" variant="ghost" onKeyDown={onKeyDown} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <p id={ids.keys} className="w-full text-xs text-zinc-600 dark:text-zinc-400">
        Enter saves, Escape cancels.
      </p>
      {problem !== null && (
        <p id={ids.problem} role="alert" className="w-full text-xs text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
    </form>
  )
}

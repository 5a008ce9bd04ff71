import { Button } from '@/components/ui/button'
import { ModalDialog } from '@/components/ui/modal-dialog'
import { SHORTCUT_GROUPS } from '@/lib/shortcuts/key-sequence'

const kbd =
  'rounded border border-zinc-300 bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100'

/** "Keyboard shortcuts": every shortcut, from the same table the key handler reads. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onDismiss={onClose}>
      <div className="flex flex-col gap-4">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3 className="mb-1 text-sm font-semibold">{group.title}</h3>
            <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
              {group.shortcuts.map((s) => (
                <div key={s.does} className="contents">
                  <dt>
                    {s.keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && <span className="px-1 text-xs text-zinc-600 dark:text-zinc-400">{s.sequence ? 'then' : '+'}</span>}
                        <kbd className={kbd}>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Shortcuts do nothing while you type in a field or while a dialog is open.</p>
        <div className="flex justify-end">
          <Button onClick={onClose}>Close</Button>
        </div>
      </div>
    </ModalDialog>
  )
}

import { useRef } from 'react'
import { CopyButton } from './copy-button'

/**
 * A command to run, as preformatted text with a Copy button. `purpose` names it for
 * the button ("Copy: Check logs"), so a screen reader hears which command it copies.
 */
export function CodeBlock({ code, purpose }: { code: string; purpose: string }) {
  const codeRef = useRef<HTMLElement>(null)
  return (
    <div className="flex flex-col gap-1.5">
      <pre className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-[13px] leading-relaxed text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100">
        <code ref={codeRef}>{code}</code>
      </pre>
      <div>
        <CopyButton text={code} target={codeRef} label={purpose === '' ? 'Copy command' : `Copy: ${purpose}`} />
      </div>
    </div>
  )
}

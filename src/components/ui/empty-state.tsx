import type { ReactNode } from 'react'

/**
 * What a screen will hold and what to use meanwhile. Honest by design: it never
 * shows invented data to fill the space.
 */
export function EmptyState({ heading, children, links }: { heading: string; children: ReactNode; links?: ReactNode }) {
  return (
    <div className="max-w-prose rounded-lg border border-dashed border-zinc-300 bg-white p-5 dark:border-zinc-700 dark:bg-zinc-900">
      <h2 className="text-base font-semibold">{heading}</h2>
      <div className="mt-2 flex flex-col gap-2 text-sm text-zinc-700 dark:text-zinc-300">{children}</div>
      {links !== undefined && <div className="mt-3 flex flex-wrap gap-3 text-sm">{links}</div>}
    </div>
  )
}

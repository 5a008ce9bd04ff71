import type { ReactNode } from 'react'
import { useTitlePrefix } from './title-prefix'

export const PRODUCT_NAME = 'Vigil'

/** The page's h1 and document title ("Overview · Vigil", after any alert count); React 19 hoists <title> into <head>. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  const prefix = useTitlePrefix()
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <title>{`${prefix}${title} · ${PRODUCT_NAME}`}</title>
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description !== undefined && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </div>
      {actions}
    </div>
  )
}

import type { ReactNode } from 'react'

export const PRODUCT_NAME = 'Vigil'

/** The page's h1 and document title ("Overview · Vigil"); React 19 hoists <title> into <head>. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <title>{`${title} · ${PRODUCT_NAME}`}</title>
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description !== undefined && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </div>
      {actions}
    </div>
  )
}

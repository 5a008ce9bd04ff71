import type { ComponentType } from 'react'
import { createBrowserRouter, type RouteObject } from 'react-router'
import { AppLayout } from './layouts/app-layout'
import { WallLayout } from './layouts/wall-layout'
import { RouteError, type RouteHandle } from './routes/route-error'

/** Shown once, while the first route's code arrives. */
function LoadingApp() {
  return (
    <p className="p-6 text-sm text-zinc-600 dark:text-zinc-400" aria-busy="true">
      Loading Vigil…
    </p>
  )
}

/**
 * A lazily loaded page. The error boundary is not lazy: if the page's chunk fails to
 * download, the boundary that says so must already be here.
 */
function page(path: string | undefined, name: string, load: () => Promise<{ Component: ComponentType }>): RouteObject {
  const handle: RouteHandle = { page: name }
  const common = { handle, ErrorBoundary: RouteError, lazy: load }
  return path === undefined ? { index: true, ...common } : { path, ...common }
}

/** One route table for the browser and for tests (createMemoryRouter in test/render.tsx). */
export const routes: RouteObject[] = [
  {
    path: '/wall',
    Component: WallLayout,
    HydrateFallback: LoadingApp,
    ErrorBoundary: RouteError,
    children: [page(undefined, 'The wall display', async () => ({ Component: (await import('./routes/wall')).WallPage }))],
  },
  {
    Component: AppLayout,
    HydrateFallback: LoadingApp,
    ErrorBoundary: RouteError,
    children: [
      page(undefined, 'The Overview', async () => ({ Component: (await import('./routes/overview')).OverviewPage })),
      page('metrics', 'The Metrics page', async () => ({ Component: (await import('./routes/metrics')).MetricsPage })),
      page('alerts', 'The Alerts page', async () => ({ Component: (await import('./routes/alerts')).AlertsPage })),
      page('incidents', 'The Incidents page', async () => ({ Component: (await import('./routes/incidents')).IncidentsPage })),
      page('incidents/:id', 'The incident page', async () => ({ Component: (await import('./routes/incident')).IncidentPage })),
      page('runbooks', 'The Runbooks page', async () => ({ Component: (await import('./routes/runbooks')).RunbooksPage })),
      page('runbooks/:slug', 'The runbook page', async () => ({ Component: (await import('./routes/runbook')).RunbookPage })),
      page('*', 'This page', async () => ({ Component: (await import('./routes/not-found')).NotFoundPage })),
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}

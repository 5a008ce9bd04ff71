/**
 * Renders the real app — the same route table, providers and query defaults the
 * browser gets — at `path`, over the msw/node mock backend that test/setup.ts runs.
 */
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import type { QueryClient } from '@tanstack/react-query'
import { AppProviders } from '@/app/providers'
import { createQueryClient } from '@/app/query-client'
import { routes } from '@/app/router'
import type { Runtime } from '@/lib/runtime-context'

/**
 * jsdom has no layout and no ResizeObserver. Charts measure their width with one and
 * fall back to a fixed width without it; this stub lets that code path run in tests.
 */
class NoLayoutResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) globalThis.ResizeObserver = NoLayoutResizeObserver

export interface RenderRouteOptions {
  queryClient?: QueryClient
  runtime?: Partial<Runtime>
}

/** A client like the app's, minus retries (a test states its failures) — fresh per test. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({ queries: { retry: false } })
}

export function renderRoute(path: string, options: RenderRouteOptions = {}) {
  const queryClient = options.queryClient ?? createTestQueryClient()
  const runtime: Runtime = { backend: 'mock', problems: [], ...options.runtime }
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const result = render(
    <AppProviders queryClient={queryClient} runtime={runtime}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return { user: userEvent.setup(), router, queryClient, ...result }
}

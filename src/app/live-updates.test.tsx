import { act, render, screen, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createFakeEventSources } from '@/lib/live-updates/fake-event-source'
import { LiveUpdatesEnvironmentProvider } from '@/lib/live-updates/live-updates-environment'
import { createTestQueryClient, renderRoute } from '../../test/render'
import { AppProviders } from './providers'
import { routes } from './router'

/** The whole app, as test/render.tsx renders it, with a stand-in EventSource. */
function renderAppWithStream(path: string) {
  const sources = createFakeEventSources()
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  render(
    <LiveUpdatesEnvironmentProvider value={{ EventSource: sources.EventSource, random: () => 0 }}>
      <AppProviders queryClient={createTestQueryClient()} runtime={{ backend: 'mock', problems: [] }}>
        <RouterProvider router={router} />
      </AppProviders>
    </LiveUpdatesEnvironmentProvider>,
  )
  return { sources, router }
}

/** The app's header: the banner that holds the main navigation (pages have headers of their own). */
function header(): HTMLElement {
  const found = screen.getAllByRole('banner').find((b) => within(b).queryByRole('navigation', { name: 'Main' }) !== null)
  if (found === undefined) throw new Error('no app header')
  return found
}

test('the header says whether changes arrive live or only by polling', async () => {
  const { sources } = renderAppWithStream('/alerts')
  await screen.findByRole('heading', { level: 1, name: 'Alerts' })
  expect(within(header()).getByRole('status')).toHaveTextContent('Live updates off — polling')
  expect(sources.latest().url).toBe('/api/events')

  act(() => {
    sources.latest().open()
  })
  expect(within(header()).getByRole('status')).toHaveTextContent(/^Live updates$/)

  act(() => {
    sources.latest().fail()
  })
  expect(within(header()).getByRole('status')).toHaveTextContent('Live updates off — polling')
})

test('one stream serves every route, the wall included, and stays open across them', async () => {
  const { sources, router } = renderAppWithStream('/wall')
  await screen.findByRole('heading', { level: 1, name: 'War room' })
  expect(sources.opened).toHaveLength(1)
  // The wall has no header, so no indicator; its panels say themselves when data is stale.
  expect(screen.queryByText(/Live updates/)).not.toBeInTheDocument()

  await act(() => router.navigate('/incidents'))
  await screen.findByRole('heading', { level: 1, name: 'Incidents' })

  expect(sources.opened).toHaveLength(1)
  expect(sources.latest().closed).toBe(false)
})

test('where the browser has no EventSource (jsdom) the header shows no indicator', async () => {
  renderRoute('/alerts')
  await screen.findByRole('heading', { level: 1, name: 'Alerts' })
  expect(within(header()).queryByRole('status')).not.toBeInTheDocument()
})

import { act, render, screen } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createFakeEventSources } from './fake-event-source'
import { LiveUpdates } from './live-updates'
import type { EventSourceConstructor } from './event-source-like'
import { LiveUpdatesEnvironmentProvider } from './live-updates-environment'
import { LiveUpdatesStatus } from './live-updates-status'

function renderStatus(EventSource: EventSourceConstructor | null) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LiveUpdatesEnvironmentProvider value={{ EventSource, random: () => 0 }}>
        <LiveUpdates>
          <LiveUpdatesStatus />
        </LiveUpdates>
      </LiveUpdatesEnvironmentProvider>
    </QueryClientProvider>,
  )
}

test('it says "polling" until the stream opens, "Live updates" while it is open, and "polling" again when it drops', () => {
  const sources = createFakeEventSources()
  renderStatus(sources.EventSource)
  expect(screen.getByRole('status')).toHaveTextContent('Live updates off — polling')

  act(() => {
    sources.latest().open()
  })
  expect(screen.getByRole('status')).toHaveTextContent(/^Live updates$/)

  act(() => {
    sources.latest().fail()
  })
  expect(screen.getByRole('status')).toHaveTextContent('Live updates off — polling')
})

test('it shows nothing where there is no EventSource to switch on', () => {
  renderStatus(null)
  expect(screen.queryByRole('status')).not.toBeInTheDocument()
})

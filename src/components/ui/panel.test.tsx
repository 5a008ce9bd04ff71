import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ApiError } from '@/api/client'
import { Panel, QueryContent, type QueryLike } from './panel'

let shouldThrow = true
function Fragile() {
  if (shouldThrow) throw new Error('Cannot read properties of undefined (reading "values")')
  return <p>Recovered content</p>
}

test("one panel's crash stays in that panel, and Try again re-renders it", async () => {
  const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  shouldThrow = true
  const user = userEvent.setup()
  render(
    <>
      <Panel title="Broken">
        <Fragile />
      </Panel>
      <Panel title="Healthy">
        <p>Still here</p>
      </Panel>
    </>,
  )

  const broken = screen.getByRole('region', { name: 'Broken' })
  expect(within(broken).getByText('Broken failed to display. The rest of the page is unaffected.')).toBeInTheDocument()
  expect(within(broken).getByText(/reading "values"/)).toBeInTheDocument()
  expect(within(screen.getByRole('region', { name: 'Healthy' })).getByText('Still here')).toBeInTheDocument()
  // React reports the caught error; the boundary does not swallow it silently.
  expect(reported).toHaveBeenCalled()

  shouldThrow = false
  await user.click(within(broken).getByRole('button', { name: 'Try again' }))
  expect(within(broken).getByText('Recovered content')).toBeInTheDocument()
})

const query = <T,>(overrides: Partial<QueryLike<T>>): QueryLike<T> => ({
  data: undefined,
  error: null,
  failureReason: null,
  dataUpdatedAt: 0,
  isFetching: false,
  refetch: () => Promise.resolve(),
  ...overrides,
})

test('while the first load runs, the panel says it is loading', () => {
  render(<QueryContent what="Alerts" query={query<string>({ isFetching: true })}>{(d) => <p>{d}</p>}</QueryContent>)
  expect(screen.getByText('Loading Alerts…')).toBeInTheDocument()
})

test('a failed first load says what failed in words, with Retry', async () => {
  const refetch = vi.fn(() => Promise.resolve())
  const user = userEvent.setup()
  const error = new ApiError('timeout', 'No answer within 10 s.')
  render(<QueryContent what="Alerts" query={query<string>({ error, refetch })}>{(d) => <p>{d}</p>}</QueryContent>)

  expect(screen.getByText(/Alerts could not be loaded\. The server did not answer in time\./)).toBeInTheDocument()
  expect(screen.getByText('No answer within 10 s.')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(refetch).toHaveBeenCalledTimes(1)
})

test('while retries run after a failed refresh, the data stays and is already marked stale', () => {
  const failureReason = new ApiError('network', 'Could not reach the server (Failed to fetch).')
  render(
    <QueryContent what="Alerts" query={query({ data: 'last good data', failureReason, dataUpdatedAt: Date.now() - 125_000 })}>
      {(d) => <p>{d}</p>}
    </QueryContent>,
  )
  expect(screen.getByText('last good data')).toBeInTheDocument()
  expect(screen.getByRole('status')).toHaveTextContent('Stale — last data 2 min ago')
  expect(screen.getByRole('status')).toHaveTextContent('Cannot reach the server.')
})

test('fresh data has no stale notice', () => {
  render(<QueryContent what="Alerts" query={query({ data: 'fresh', dataUpdatedAt: Date.now() })}>{(d) => <p>{d}</p>}</QueryContent>)
  expect(screen.getByText('fresh')).toBeInTheDocument()
  expect(screen.queryByRole('status')).not.toBeInTheDocument()
})

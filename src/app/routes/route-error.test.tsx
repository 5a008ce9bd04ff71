import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { isChunkLoadError, RouteError } from './route-error'

let crash = true
function CrashingPage() {
  if (crash) throw new Error('metrics.series is undefined')
  return <h1>Recovered</h1>
}

function renderRoutes(routes: Parameters<typeof createMemoryRouter>[0]) {
  const router = createMemoryRouter(routes, { initialEntries: ['/'] })
  render(<RouterProvider router={router} />)
  return { user: userEvent.setup(), router }
}

test('a page that crashes says which page failed and why, and Try again renders it anew', async () => {
  const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  crash = true
  const { user } = renderRoutes([{ path: '/', Component: CrashingPage, ErrorBoundary: RouteError, handle: { page: 'The Overview' } }])

  expect(await screen.findByRole('heading', { level: 1, name: 'The Overview failed to load' })).toBeInTheDocument()
  expect(screen.getByText('Something went wrong. metrics.series is undefined')).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the Overview' })).toHaveAttribute('href', '/')
  expect(reported).toHaveBeenCalled()

  crash = false
  await user.click(screen.getByRole('button', { name: 'Try again' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Recovered' })).toBeInTheDocument()
})

test("a page whose code cannot be downloaded says so in words", async () => {
  renderRoutes([
    {
      path: '/',
      ErrorBoundary: RouteError,
      handle: { page: 'The Metrics page' },
      lazy: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/metrics-abc.js')),
    },
  ])
  expect(await screen.findByRole('heading', { level: 1, name: 'The Metrics page failed to load' })).toBeInTheDocument()
  expect(screen.getByText(/Its code could not be downloaded/)).toBeInTheDocument()
})

test.each([
  ['Failed to fetch dynamically imported module: https://x/a.js', true],
  ['Importing a module script failed.', true],
  ['error loading dynamically imported module', true],
  ['x is undefined', false],
])('%s is a chunk load error: %s', (message, expected) => {
  expect(isChunkLoadError(new TypeError(message))).toBe(expected)
})

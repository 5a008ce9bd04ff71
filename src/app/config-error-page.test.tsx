import { render, screen, within } from '@testing-library/react'
import { ConfigErrorPage } from './config-error-page'

test('a config.json that cannot be read stops the app with a page that says what failed and how to fix it', () => {
  render(<ConfigErrorPage problem={{ kind: 'status', url: '/config.json', status: 404 }} />)

  expect(screen.getByRole('heading', { level: 1, name: 'Vigil cannot start' })).toBeInTheDocument()
  const alert = screen.getByRole('alert')
  expect(alert).toHaveTextContent('/config.json')
  expect(alert).toHaveTextContent('HTTP 404')
  // The fix: both files it may hold, to copy as they are.
  expect(screen.getByText('{ "backend": "mock" }')).toBeInTheDocument()
  expect(screen.getByText('{ "backend": "http", "apiBaseUrl": "" }')).toBeInTheDocument()
  expect(screen.getByText(/beside index\.html/)).toBeInTheDocument()
})

test.each([
  [{ kind: 'status', url: '/config.json', status: 503 } as const, ['/config.json', 'HTTP 503']],
  [{ kind: 'unreachable', url: '/config.json', error: 'Failed to fetch' } as const, ['/config.json', 'could not be reached', 'Failed to fetch']],
  [{ kind: 'not-json', url: '/config.json', contentType: 'text/html' } as const, ['/config.json', 'not JSON', 'text/html']],
  [
    { kind: 'invalid', url: '/vigil/config.json', field: 'backend', expected: 'one of "mock", "http"' } as const,
    ['/vigil/config.json', 'backend', 'one of "mock", "http"'],
  ],
  [{ kind: 'invalid', url: '/config.json', field: '', expected: 'an object' } as const, ['/config.json', 'an object']],
])('the error names the URL and what was wrong with it: %o', (problem, phrases) => {
  render(<ConfigErrorPage problem={problem} />)
  const alert = screen.getByRole('alert')
  for (const phrase of phrases) expect(alert).toHaveTextContent(phrase)
})

test('the page offers a reload once the file is fixed', () => {
  render(<ConfigErrorPage problem={{ kind: 'status', url: '/config.json', status: 500 }} />)
  expect(within(screen.getByRole('main')).getByRole('button', { name: 'Reload' })).toBeInTheDocument()
})

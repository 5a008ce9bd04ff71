import { screen } from '@testing-library/react'
import { givenSession } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const EXPLANATION = "Numbers come from Vigil's built-in simulator, not your services"

test.each([
  ['/', 'Overview'],
  ['/metrics', 'Metrics'],
  ['/incidents', 'Incidents'],
  ['/wall', 'War room'],
])('on the mock backend, %s says its data is simulated', async (path, heading) => {
  renderRoute(path)
  await screen.findByRole('heading', { level: 1, name: heading })
  expect(screen.getByText('Simulated data')).toHaveAttribute('title', EXPLANATION)
})

test.each([
  ['/metrics', 'Metrics'],
  ['/wall', 'War room'],
])('with a real backend reading real telemetry, %s has no simulated-data badge', async (path, heading) => {
  givenSession({ simulator: false })
  renderRoute(path, { runtime: { backend: 'http' } })
  await screen.findByRole('heading', { level: 1, name: heading })
  expect(screen.queryByText('Simulated data')).not.toBeInTheDocument()
})

test.each([
  ['/metrics', 'Metrics'],
  ['/wall', 'War room'],
])('a Vigil server running its own simulator: %s says its data is simulated', async (path, heading) => {
  givenSession({ simulator: true })
  renderRoute(path, { runtime: { backend: 'http' } })
  await screen.findByRole('heading', { level: 1, name: heading })
  expect(await screen.findByText('Simulated data')).toHaveAttribute('title', EXPLANATION)
})

import { screen } from '@testing-library/react'
import { seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'
test('debug', async () => {
  const incident = seedIncident({ title: 'X' })
  renderRoute(`/incidents/${incident.id}`)
  const h = await screen.findByRole('heading', { level: 1 })
  console.log('H1', h.textContent)
  await screen.findByText('Never', {}, { timeout: 2000 }).catch(() => undefined)
  console.log(document.body.innerHTML.replace(/class="[^"]*"/g, '').slice(-6000))
})

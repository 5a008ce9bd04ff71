import { act, screen } from '@testing-library/react'
import axe from 'axe-core'
import { renderRoute } from '../../test/render'

// jsdom cannot compute colours or layout; contrast is checked in the browser tests.
const options: axe.RunOptions = { rules: { 'color-contrast': { enabled: false } } }

async function violations() {
  // axe takes a while; live panels keep updating meanwhile, so let React flush them.
  const result = await act(() => axe.run(document.body, options))
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('the Overview, fully loaded, has no axe violations', async () => {
  renderRoute('/')
  await screen.findByRole('list', { name: 'Service health' })
  await screen.findByRole('figure', { name: 'TTS latency' }, { timeout: 8_000 })
  expect(await violations()).toEqual([])
}, 20_000)

test.each(['/no/such/page'])('%s has no axe violations', async (path) => {
  renderRoute(path)
  await screen.findByRole('heading', { level: 1 })
  expect(await violations()).toEqual([])
})

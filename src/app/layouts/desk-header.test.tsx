import { screen, waitFor, within } from '@testing-library/react'
import { renderRoute } from '../../../test/render'

const WAIT = { timeout: 10_000 }

/** jsdom applies no CSS, so the wide header's row is there too: the menu's copy comes last. */
function menuNavigation() {
  const navs = screen.getAllByRole('navigation', { name: 'Main' })
  expect(navs).toHaveLength(2)
  return navs[1] as HTMLElement
}

test('the Menu button opens the navigation and the controls, and following a link closes it', async () => {
  const { user, router } = renderRoute('/')
  await screen.findByRole('heading', { level: 1, name: 'Overview' }, WAIT)
  const button = screen.getByRole('button', { name: 'Menu' })
  expect(button).toHaveAttribute('aria-expanded', 'false')
  expect(screen.getAllByRole('navigation', { name: 'Main' })).toHaveLength(1)

  await user.click(button)
  expect(button).toHaveAttribute('aria-expanded', 'true')
  const nav = menuNavigation()
  expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Overview', 'Metrics', 'Alerts', 'Incidents', 'Runbooks', 'Wall'])
  expect(screen.getAllByRole('combobox', { name: 'Theme' })).toHaveLength(2)

  await user.click(within(nav).getByRole('link', { name: 'Incidents' }))
  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/incidents')
  })
  expect(button).toHaveAttribute('aria-expanded', 'false')
  expect(screen.getAllByRole('navigation', { name: 'Main' })).toHaveLength(1)
})

test('Escape closes the menu and gives focus back to its button', async () => {
  const { user } = renderRoute('/')
  await screen.findByRole('heading', { level: 1, name: 'Overview' }, WAIT)
  const button = screen.getByRole('button', { name: 'Menu' })
  await user.click(button)
  within(menuNavigation()).getByRole('link', { name: 'Metrics' }).focus()
  await user.keyboard('{Escape}')
  expect(button).toHaveAttribute('aria-expanded', 'false')
  expect(button).toHaveFocus()
})

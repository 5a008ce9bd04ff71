import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import { givenScenario } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const WAIT = { timeout: 10_000 }
const SLOW_TEST_MS = 30_000

/** A stand-in for the browser's Notification: records what was shown and what was asked. */
class FakeNotification {
  static permission: NotificationPermission = 'default'
  static answer: NotificationPermission = 'granted'
  static requests = 0
  static shown: FakeNotification[] = []
  static requestPermission = (): Promise<NotificationPermission> => {
    FakeNotification.requests++
    FakeNotification.permission = FakeNotification.answer
    return Promise.resolve(FakeNotification.answer)
  }
  onclick: (() => void) | null = null
  closed = false
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this)
  }
  close() {
    this.closed = true
  }
}

beforeEach(() => {
  FakeNotification.permission = 'default'
  FakeNotification.answer = 'granted'
  FakeNotification.requests = 0
  FakeNotification.shown = []
  vi.stubGlobal('Notification', FakeNotification)
  vi.spyOn(window, 'focus').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.removeItem('vigil.notifications')
})

test(
  'granted: the button asks once, then a critical alert that starts firing notifies, and a click opens the firing alerts',
  async () => {
    givenScenario('healthy')
    const { user, router } = renderRoute('/')
    await screen.findByRole('heading', { level: 1, name: 'Overview' }, WAIT)
    // Nothing is asked on load.
    expect(FakeNotification.requests).toBe(0)
    await user.click(screen.getByRole('button', { name: 'Turn on notifications' }))
    expect(await screen.findByRole('button', { name: 'Notifications on' }, WAIT)).toHaveAttribute('aria-pressed', 'true')
    expect(FakeNotification.requests).toBe(1)
    expect(FakeNotification.shown).toHaveLength(0)

    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'openai-outage')
    await waitFor(() => {
      expect(FakeNotification.shown.map((n) => n.title)).toContain('Critical alert firing: STT error rate > 10 %')
    }, WAIT)
    const shown = FakeNotification.shown.find((n) => n.title === 'Critical alert firing: STT error rate > 10 %')
    expect(shown?.options.tag).toBe('alert:error-rate-critical:stt')
    // The click navigates, which updates the router's state.
    act(() => {
      shown?.onclick?.()
    })
    await waitFor(() => {
      expect(router.state.location.pathname + router.state.location.search).toBe('/alerts?state=firing')
    })
    expect(shown?.closed).toBe(true)
  },
  SLOW_TEST_MS,
)

test(
  'denied: the control explains where to allow them and never asks; nothing is shown',
  async () => {
    FakeNotification.permission = 'denied'
    givenScenario('healthy')
    const { user } = renderRoute('/')
    await screen.findByRole('heading', { level: 1, name: 'Overview' }, WAIT)
    expect(screen.queryByRole('button', { name: 'Turn on notifications' })).toBeNull()
    await user.click(screen.getByText('Notifications blocked'))
    expect(screen.getByText(/allow notifications for this site in the browser's site settings/)).toBeVisible()
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'openai-outage')
    await screen.findByText(/critical firing · no incident declared/, {}, WAIT)
    expect(FakeNotification.requests).toBe(0)
    expect(FakeNotification.shown).toHaveLength(0)
  },
  SLOW_TEST_MS,
)

test(
  'a refusal at the prompt turns the button into the explanation, and nothing is shown',
  async () => {
    FakeNotification.answer = 'denied'
    givenScenario('healthy')
    const { user } = renderRoute('/')
    await screen.findByRole('heading', { level: 1, name: 'Overview' }, WAIT)
    await user.click(screen.getByRole('button', { name: 'Turn on notifications' }))
    expect(await screen.findByText('Notifications blocked', {}, WAIT)).toBeInTheDocument()
    expect(FakeNotification.requests).toBe(1)
  },
  SLOW_TEST_MS,
)

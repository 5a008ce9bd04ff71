/**
 * Desktop notifications in Chromium: asked for only from the button; granted, a critical
 * alert that starts firing shows one notification whose click opens the firing alerts;
 * denied, the control explains where to allow them and never asks.
 */
import type { Page } from 'playwright-core'
import { newPage, takeProblems } from './browser'

/** Records every notification the page creates, still creating the real one. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification
    const shown: { title: string; tag: string | undefined }[] = []
    Object.assign(window, { __shownNotifications: shown })
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        shown.push({ title, tag: options?.tag })
        Object.assign(window, { __lastNotification: this })
      }
    }
    window.Notification = Recording
  })
}

const shownTitles = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __shownNotifications: { title: string }[] }).__shownNotifications).map((n) => n.title))

test('granted: a critical alert that starts firing shows a notification, and clicking it opens the firing alerts', async () => {
  const page = await newPage({ permissions: ['notifications'] })
  await recordNotifications(page)
  await page.goto('/?scenario=healthy&seed=1')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
  await page.getByRole('button', { name: 'Turn on notifications' }).click()
  await page.getByRole('button', { name: 'Notifications on' }).waitFor()
  expect(await shownTitles(page)).toEqual([])

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('openai-outage')
  await expect.poll(() => shownTitles(page), { timeout: 15_000 }).toContain('Critical alert firing: STT error rate > 10 %')
  await page.evaluate(() => {
    const last = (window as unknown as { __lastNotification: Notification }).__lastNotification
    last.dispatchEvent(new Event('click'))
  })
  await page.waitForURL(/\/alerts\?state=firing$/)
  expect(takeProblems(page)).toEqual([])
})

test('denied: the control says they are blocked and where to allow them, never asks, and nothing is shown', async () => {
  // Without a grant, headless Chromium answers "denied", as for a responder who blocked them earlier.
  const page = await newPage()
  await recordNotifications(page)
  await page.addInitScript(() => {
    const ask = Notification.requestPermission.bind(Notification)
    Object.assign(window, { __permissionRequests: 0 })
    Notification.requestPermission = () => {
      Object.assign(window, { __permissionRequests: (window as unknown as { __permissionRequests: number }).__permissionRequests + 1 })
      return ask()
    }
  })
  await page.goto('/?scenario=healthy&seed=1')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
  expect(await page.evaluate(() => Notification.permission)).toBe('denied')
  await page.getByText('Notifications blocked').click()
  await page.getByText(/allow notifications for this site in the browser's site settings/).waitFor()
  expect(await page.getByRole('button', { name: 'Turn on notifications' }).count()).toBe(0)

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('openai-outage')
  await page.getByText(/critical firing · no incident declared/).first().waitFor({ timeout: 15_000 })
  expect(await shownTitles(page)).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __permissionRequests: number }).__permissionRequests)).toBe(0)
  expect(takeProblems(page)).toEqual([])
})

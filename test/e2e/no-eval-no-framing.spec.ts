/**
 * Two promises of the CSP the app runs under (issue 12 §6): the bundle runs no generated
 * code (zod is jitless; nothing calls new Function, and an eval would be a CSP violation) on any route, and a page that
 * frames the app gets nothing (frame-ancestors 'none', sent by `vite preview` as by the server).
 */
import { baseURL, newPage, takeProblems } from './browser'

const LOAD = { timeout: 30_000 }

test('no route runs eval or new Function, and the CSP reports no violation', async () => {
  const page = await newPage()
  await page.addInitScript(() => {
    const calls: string[] = []
    ;(window as unknown as { __generatedCode: string[] }).__generatedCode = calls
    const RealFunction = window.Function
    window.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        calls.push(`new Function(${String(args.at(-1)).slice(0, 40)})`)
        return Reflect.construct(target, args) as object
      },
      apply(target, self, args: unknown[]) {
        calls.push(`Function(${String(args.at(-1)).slice(0, 40)})`)
        return Reflect.apply(target, self, args) as unknown
      },
    })
    // The test's own stand-in records any call; the app must make none.
    // eval itself is not wrapped: Playwright's own page.evaluate calls it. The CSP (no
    // 'unsafe-eval') refuses the app's, and the listener below records the refusal.
    document.addEventListener('securitypolicyviolation', (event) => {
      calls.push(`CSP ${event.violatedDirective}: ${event.blockedURI}`)
    })
  })
  await page.goto('/?scenario=openai-outage&seed=1')
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(LOAD)
  for (const [path, heading] of [
    ['/metrics', /Metrics/],
    ['/alerts', /Alerts/],
    ['/incidents', /Incidents/],
    ['/runbooks', /Runbooks/],
    ['/wall', /War room/],
    ['/', /Overview/],
  ] as const) {
    await page.evaluate((to) => {
      window.history.pushState({}, '', to)
      window.dispatchEvent(new PopStateEvent('popstate'))
    }, path)
    await page.getByRole('heading', { level: 1, name: heading }).waitFor(LOAD)
    await page.waitForLoadState('networkidle')
  }
  await page.keyboard.press('?')
  await page.getByRole('dialog', { name: /Keyboard shortcuts/i }).waitFor(LOAD)
  expect(await page.evaluate(() => (window as unknown as { __generatedCode: string[] }).__generatedCode)).toEqual([])
})

test('a page that frames the app is refused: the frame shows nothing of it', async () => {
  const page = await newPage()
  // Another page (a blank document) framing the app; frame-ancestors 'none' refuses every ancestor.
  await page.setContent(`<iframe title="framed" src="${baseURL()}/" width="800" height="600"></iframe>`)
  const frame = page.frameLocator('iframe[title="framed"]')
  await page.waitForTimeout(2_000)
  expect(await frame.getByRole('heading', { level: 1 }).count()).toBe(0)
  // Chromium says why, once, in the framing page's console.
  const problems = takeProblems(page)
  expect(problems.some((p) => /frame-ancestors 'none'/.test(p))).toBe(true)
  expect(problems.filter((p) => !/frame-ancestors 'none'|Failed to load resource/.test(p))).toEqual([])
})

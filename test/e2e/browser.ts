/**
 * The browser side of Vigil's e2e tests: Debian's Chromium driven by playwright-core.
 *
 * Importing this module registers two hooks on the importing spec file:
 * - after each test, every page it opened is closed, and the test fails if any page
 *   logged a console error or threw an uncaught error (nothing is filtered);
 * - after the file, its one shared browser is closed.
 * Hooks live here rather than in each spec so a spec cannot forget the error check.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, inject } from 'vitest'

/** Debian's package; `npx playwright install` is not used anywhere. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))

export interface PageOptions {
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
  /** Where relative page.goto() URLs go; defaults to the `vite preview` origin (e.g. a real server's instead). */
  baseURL?: string
  /** Browser permissions granted up front, e.g. ['notifications']. */
  permissions?: string[]
  /** A phone: touch events and a coarse pointer, as on a real handset. */
  mobile?: boolean
  /** Lets a test inject its own script (axe) past the app's CSP; the app's own rules still apply to it. */
  bypassCSP?: boolean
}

interface Opened {
  context: BrowserContext
  problems: string[]
}

let browser: Promise<Browser> | undefined
const opened = new Map<Page, Opened>()

function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: LAUNCH_ARGS })
  return browser
}

/** The origin `vite preview` serves the built app on (see global-setup.ts). */
export function baseURL(): string {
  return inject('baseURL')
}

/**
 * A page in a fresh browser context (its own localStorage, cookies and service worker),
 * so no test sees another's state. Defaults: 1440×900, light colour scheme.
 */
export async function newPage(options: PageOptions = {}): Promise<Page> {
  const context = await (await sharedBrowser()).newContext({
    baseURL: options.baseURL ?? baseURL(),
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    permissions: options.permissions ?? [],
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    bypassCSP: options.bypassCSP ?? false,
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    const where = message.location()
    const at = where.url === '' ? '' : ` (${where.url}:${where.lineNumber})`
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}${at}`)
    // Warnings do not fail a test, but they are printed, never swallowed.
    if (message.type() === 'warning') console.warn(`[page console.warn] ${message.text()}${at}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`))
  page.on('crash', () => problems.push('the page crashed'))
  opened.set(page, { context, problems })
  return page
}

/**
 * Returns and forgets the console errors and uncaught errors a page has recorded so far.
 * Only for tests that provoke an error on purpose and assert on it.
 */
export function takeProblems(page: Page): string[] {
  const entry = opened.get(page)
  if (entry === undefined) throw new Error('takeProblems: this page was not opened with newPage()')
  return entry.problems.splice(0)
}

/** Saves a PNG under test-results/screenshots/ (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`screenshot name must be kebab-case: ${name}`)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = `${SCREENSHOT_DIR}${name}.png`
  await page.screenshot({ path, animations: 'disabled' })
  return path
}

afterEach(async () => {
  const problems: string[] = []
  for (const [page, entry] of opened) {
    problems.push(...entry.problems.map((problem) => `${page.url()}: ${problem}`))
    await entry.context.close()
  }
  opened.clear()
  if (problems.length > 0) {
    throw new Error(`the page reported ${problems.length} error(s):\n${problems.join('\n')}`)
  }
})

afterAll(async () => {
  if (browser === undefined) return
  const launched = browser
  browser = undefined
  await (await launched).close()
})

/**
 * What the hostile-text test watches for, and how it puts text where no API write can.
 *
 * In the page (an init script, before the app's own code):
 * - the marker `window.__pwned`: every call, and any assignment to it (or to the project
 *   list's `window.__hostile`), is recorded as an execution;
 * - every CSP violation (with the CSP on, an injected handler or script is blocked, not
 *   run, but it was still injected);
 * - a MutationObserver over the whole document for what text must never become: a script,
 *   frame, object, embed or base element, an `on…` attribute, or a URL attribute with a
 *   javascript:, vbscript: or data:text/html scheme;
 * - `window.fetch` answers some GETs itself with hostile bodies (`Feed`). The mock backend
 *   answers from a service worker and Playwright's page.route() never sees what a service
 *   worker answers (see write-matrix.spec.ts), so this is the one place left to stand in
 *   for the backend. The app's client, from apiRequest down, is unchanged.
 *
 * In Node: dialogs (recorded and dismissed), requests to another origin or to a path of
 * the app's own origin that nothing of the app asks for (`<img src=x>` would fetch
 * `/incidents/x`), main-frame navigations away from the app, frames and popups.
 */
import type { Page } from 'playwright-core'

/** Bodies the page's fetch answers itself, by path. */
export interface Feed {
  /** GET <path> → 200 with this JSON body. */
  answers: Record<string, unknown>
  /** GET <errorPrefix><n>… → 500 with `{ "message": errors[n] }`. */
  errorPrefix: string
  errors: readonly string[]
}

interface PageRecord {
  executions: string[]
  injected: string[]
  cspViolations: string[]
}

declare global {
  interface Window {
    __hostileRecord?: PageRecord
    /** Moves within the app, as a link does: no page load. */
    __hostileGo?: (path: string) => void
    /** Resolves with the first truthy answer of `probe`, polled; null after `timeoutMs`. */
    __hostileUntil?: <T>(probe: () => T | null | undefined | false, timeoutMs: number) => Promise<T | null>
  }
}

/** The init script; runs in the page, so it may use nothing from this module's scope. */
function watchInPage(feed: Feed): void {
  const record: PageRecord = { executions: [], injected: [], cspViolations: [] }
  Object.defineProperty(window, '__hostileRecord', { value: record })
  const where = () => (new Error().stack ?? '').split('\n').slice(2, 5).join(' | ')
  const marker = () => {
    record.executions.push(`__pwned() called at ${location.pathname}: ${where()}`)
  }
  for (const name of ['__pwned', '__hostile']) {
    Object.defineProperty(window, name, {
      get: () => (name === '__pwned' ? marker : undefined),
      set: (value: unknown) => {
        record.executions.push(`window.${name} = ${String(value).slice(0, 60)} at ${location.pathname}`)
      },
    })
  }

  document.addEventListener('securitypolicyviolation', (event) => {
    record.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}: ${event.sample.slice(0, 80)}`)
  })

  const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE'])
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'poster', 'background'])
  const describe = (element: Element) => `<${element.tagName.toLowerCase()}> at ${location.pathname}`
  const checkAttribute = (element: Element, name: string) => {
    const value = element.getAttribute(name)
    if (value === null) return
    const lower = name.toLowerCase()
    if (lower.startsWith('on')) record.injected.push(`${describe(element)} has ${lower}="${value.slice(0, 60)}"`)
    // Browsers ignore whitespace and control characters around and inside the scheme.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
    if (URL_ATTRIBUTES.has(lower) && /^(javascript|vbscript):|^data:text\/html/.test(scheme)) {
      record.injected.push(`${describe(element)} has ${lower}="${value.slice(0, 60)}"`)
    }
  }
  const checkElement = (element: Element) => {
    if (FORBIDDEN.has(element.tagName.toUpperCase())) {
      const attributes = element.getAttributeNames().map((name) => `${name}="${(element.getAttribute(name) ?? '').slice(0, 40)}"`)
      record.injected.push(`${describe(element)} added ${attributes.join(' ')} ${element.textContent.slice(0, 40)}`)
    }
    for (const name of element.getAttributeNames()) checkAttribute(element, name)
  }
  const observer = new MutationObserver((mutations) => {
    // While the parser reads index.html it adds the app's own scripts; no text has been shown yet.
    if (document.readyState === 'loading') return
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.attributeName !== null && mutation.target instanceof Element) {
        checkAttribute(mutation.target, mutation.attributeName)
      }
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue
        checkElement(node)
        for (const inner of node.querySelectorAll('*')) checkElement(inner)
      }
    }
  })
  observer.observe(document, { subtree: true, childList: true, attributes: true })

  const original = window.fetch.bind(window)
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', Date: new Date().toUTCString() } })
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
    if (method === 'GET' && url.origin === location.origin) {
      const answer = feed.answers[url.pathname]
      if (answer !== undefined) return Promise.resolve(json(200, answer))
      if (url.pathname.startsWith(feed.errorPrefix)) {
        const message = feed.errors[Number.parseInt(url.pathname.slice(feed.errorPrefix.length), 10)]
        if (message !== undefined) return Promise.resolve(json(500, { message }))
      }
    }
    return original(input, init)
  }

  window.__hostileGo = (path: string) => {
    window.history.pushState({}, '', path)
    window.dispatchEvent(new PopStateEvent('popstate'))
  }
  window.__hostileUntil = async <T>(probe: () => T | null | undefined | false, timeoutMs: number): Promise<T | null> => {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const found = probe()
      if (found !== null && found !== undefined && found !== false) return found
      if (performance.now() > deadline) return null
      await new Promise((resolve) => setTimeout(resolve, 4))
    }
  }
}

/** Paths of the app's own origin the app itself asks for; anything else was asked for by text. */
function expectedPath(path: string): boolean {
  return path.startsWith('/api/') || path.startsWith('/assets/') || ['/config.json', '/mockServiceWorker.js', '/favicon.svg'].includes(path)
}

export interface Findings {
  executions: string[]
  dialogs: string[]
  /** Requests to another origin, or to a path of this one nothing of the app asks for. */
  foreignRequests: string[]
  /** Main-frame navigations away from the app, frames attached, popups opened. */
  navigations: string[]
  injected: string[]
  cspViolations: string[]
}

/** Watches `page` (before its first load) and returns what it has seen so far. */
export async function watch(page: Page, feed: Feed, origin: string): Promise<() => Promise<Findings>> {
  const dialogs: string[] = []
  const foreignRequests: string[] = []
  const navigations: string[] = []
  let loaded = false
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}("${dialog.message().slice(0, 60)}") at ${page.url()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  page.on('request', (request) => {
    const url = new URL(request.url())
    // data: and blob: reach no one (the app's favicon badge is a data: URL); injected ones are caught in the DOM.
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.origin !== origin) {
      foreignRequests.push(`${request.resourceType()} ${request.url().slice(0, 120)}`)
    } else if (!expectedPath(url.pathname) && !(request.isNavigationRequest() && !loaded)) {
      foreignRequests.push(`${request.resourceType()} ${url.pathname}${url.search} (not a path the app asks for)`)
    }
  })
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return
    if (new URL(frame.url()).origin !== origin) navigations.push(`main frame → ${frame.url().slice(0, 120)}`)
    loaded = true
  })
  page.on('frameattached', (frame) => navigations.push(`frame attached: ${frame.url()}`))
  page.on('popup', (popup) => navigations.push(`popup: ${popup.url()}`))
  await page.addInitScript(watchInPage, feed)

  return async () => {
    const inPage = await page.evaluate(() => window.__hostileRecord)
    if (inPage === undefined) throw new Error('the watcher did not run in the page')
    return { executions: inPage.executions, dialogs, foreignRequests, navigations, injected: inPage.injected, cspViolations: inPage.cspViolations }
  }
}

/**
 * The write matrix (issue 12, part 4), in Chromium against the built app on its mock
 * backend: a note, a status change and a checklist tick, each under seven conditions —
 * 500, 503 with Retry-After, 429 with Retry-After, a connection reset, a hang, the browser
 * offline, and a reload while the change is queued. Whatever happens, the change reaches
 * the backend's store exactly once, or stays visible as queued with its text intact.
 *
 * How failures are made. The mock backend answers from a service worker, and Playwright's
 * page.route() never sees a request that a service worker answers (tried with
 * playwright-core 1.65 and this build: no route callback fired for any /api/ call, while
 * page.on('request') saw every one). So the
 * failures are made one step earlier, at window.fetch: an init script wraps it, and for
 * each incident write (POST/PATCH /api/incidents/<id>/…) asks the test, through an exposed
 * function, what to do — answer an error status itself, throw as fetch does on a reset,
 * pass it on to the mock, pass it on but never hand the answer back (the request arrived,
 * the answer was lost), or hold it until the test releases it. The app's own code from
 * apiRequest down is unchanged and untouched.
 *
 * What the backend received is what reached the service worker: page.on('request') and
 * page.on('response') for those writes (a failure made at fetch never gets that far). What
 * the backend stored is read back through its API at the end.
 */
import type { Locator, Page, Request } from 'playwright-core'
import { newPage, takeProblems } from './browser'

const LOAD = { timeout: 20_000 }

/** Hostile on purpose: markup, both quotes and a right-to-left override must arrive as typed. */
const HOSTILE = `<img src=x onerror=alert(1)> ' " \u202e`

// ---------------------------------------------------------------- the fetch wrapper

/** A write as the app sent it, as seen by the wrapper. */
interface WriteSent {
  method: string
  path: string
  key: string | null
  ifMatch: string | null
  body: string | null
  /** Which document sent it (performance.timeOrigin): a reload starts a new one. */
  doc: number
}

/** What the wrapper does with one write. */
type Verdict =
  | { kind: 'pass' }
  | { kind: 'status'; status: number; retryAfter: string | null }
  | { kind: 'reset' }
  | { kind: 'lose-answer' }

declare global {
  interface Window {
    __writeMatrixVerdict?: (sent: WriteSent) => Promise<Verdict>
  }
}

/** Message of the error bodies made here, so the UI's words can be checked exactly. */
const INJECTED = 'Injected by the write matrix'

/** Runs in the page before the app: routes every incident write through __writeMatrixVerdict. */
function wrapFetch(injected: string): void {
  const original = window.fetch.bind(window)
  const isWrite = (method: string, path: string) => (method === 'POST' || method === 'PATCH') && /^\/api\/incidents\/[^/]+/.test(path)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = (init?.method ?? 'GET').toUpperCase()
    const url = new URL(input instanceof Request ? input.url : String(input), location.href)
    const ask = window.__writeMatrixVerdict
    // The app's client always calls fetch(url, init); anything else is not a write under test.
    if (input instanceof Request || ask === undefined || !isWrite(method, url.pathname)) return original(input, init)
    const headers = new Headers(init?.headers)
    const verdict = await ask({
      method,
      path: url.pathname,
      key: headers.get('Idempotency-Key'),
      ifMatch: headers.get('If-Match'),
      body: typeof init?.body === 'string' ? init.body : null,
      doc: performance.timeOrigin,
    })
    switch (verdict.kind) {
      case 'pass':
        return original(input, init)
      case 'status':
        return new Response(JSON.stringify({ message: injected }), {
          status: verdict.status,
          headers: { 'Content-Type': 'application/json', ...(verdict.retryAfter === null ? {} : { 'Retry-After': verdict.retryAfter }) },
        })
      case 'reset':
        // What Chromium's fetch rejects with on net::ERR_CONNECTION_RESET.
        throw new TypeError('Failed to fetch')
      case 'lose-answer': {
        // The backend gets the request and stores it; its answer never comes back, and
        // the app waits until its own timeout gives up, as on a hung connection.
        await original(input, { ...init, signal: null })
        const signal = init?.signal
        // fetch rejects with the signal's reason (a TimeoutError DOMException for the app's timeout).
        const reason = (s: AbortSignal) => (s.reason instanceof Error ? s.reason : new DOMException('The operation was aborted.', 'AbortError'))
        return new Promise<Response>((_resolve, reject) => {
          if (signal === undefined || signal === null) return
          if (signal.aborted) reject(reason(signal))
          signal.addEventListener('abort', () => {
            reject(reason(signal))
          })
        })
      }
    }
  }
}

/** One attempt the app made, with when (test clock) and what it was told. */
interface Attempt extends WriteSent {
  at: number
  step: Step['kind']
}

/** A verdict, or "hold": wait, in flight, until the test releases it, then pass it on. */
type Step = Verdict | { kind: 'hold' }

/** Decides each attempt from the attempts before it. */
type Plan = (sent: WriteSent, before: readonly Attempt[]) => Step

const PASS: Verdict = { kind: 'pass' }
const HOLD: Step = { kind: 'hold' }

/** The test's side of the wrapper: the plan, every attempt, and the release of held ones. */
class Writes {
  readonly attempts: Attempt[] = []
  private released = false
  private waiting: (() => void)[] = []

  constructor(private plan: Plan) {}

  setPlan(plan: Plan): void {
    this.plan = plan
  }

  async decide(sent: WriteSent): Promise<Verdict> {
    const step = this.plan(sent, [...this.attempts])
    this.attempts.push({ ...sent, at: Date.now(), step: step.kind })
    if (step.kind !== 'hold') return step
    if (!this.released) await new Promise<void>((resolve) => this.waiting.push(resolve))
    return PASS
  }

  /** Held attempts go on to the backend, and so does every later one planned as held. */
  release(): void {
    this.released = true
    for (const resume of this.waiting.splice(0)) resume()
  }
}

// ---------------------------------------------------------------- what the backend received

interface Received {
  method: string
  path: string
  key: string | undefined
  ifMatch: string | undefined
  body: string | null
  status: number | null
}

/** Records the incident writes that reached the mock backend (the service worker), with its answer. */
function recordReceived(page: Page): Received[] {
  const received: Received[] = []
  const byRequest = new Map<Request, Received>()
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['POST', 'PATCH'].includes(request.method()) || !/^\/api\/incidents\/[^/]+/.test(url.pathname)) return
    const headers = request.headers()
    const entry: Received = {
      method: request.method(),
      path: url.pathname,
      key: headers['idempotency-key'],
      ifMatch: headers['if-match'],
      body: request.postData(),
      status: null,
    }
    received.push(entry)
    byRequest.set(request, entry)
  })
  page.on('response', (response) => {
    const entry = byRequest.get(response.request())
    if (entry !== undefined) entry.status = response.status()
  })
  return received
}

// ---------------------------------------------------------------- the incident

interface BackendState {
  incident: { status: string; checklist: string[]; version: number }
  events: { kind: string; text: string }[]
}

/** The backend's own record, read through its API (GETs are never touched by the wrapper). */
async function backendState(page: Page, id: string): Promise<BackendState> {
  return page.evaluate(async (incidentId) => {
    const read = async (path: string): Promise<unknown> => {
      const response = await fetch(path, { headers: { Accept: 'application/json' } })
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`)
      return response.json()
    }
    const base = `/api/incidents/${encodeURIComponent(incidentId)}`
    const incident = (await read(base)) as BackendState['incident']
    const { events } = (await read(`${base}/timeline`)) as { events: BackendState['events'] }
    return { incident, events }
  }, id)
}

const TITLE = 'Write matrix: callers hear silence'

/**
 * Declares a fresh P2 through the "Declare incident" dialog, which opens its page without
 * a second page load (a load is what the reload case is for).
 */
async function openNewIncident(page: Page): Promise<string> {
  await page.goto('/incidents')
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
  await page.getByRole('button', { name: 'Declare incident' }).click()
  const dialog = page.getByRole('dialog', { name: 'Declare incident' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE)
  await dialog.getByRole('combobox', { name: 'Severity' }).selectOption('P2')
  await dialog.getByRole('textbox', { name: 'Impact' }).fill('A third of calls get no answer.')
  await dialog.getByRole('group', { name: 'Affected services' }).getByRole('checkbox', { name: 'TTS', exact: true }).check()
  await dialog.getByRole('button', { name: 'Declare', exact: true }).click()
  await page.waitForURL(/\/incidents\/INC-\d+$/, LOAD)
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
  expect(id).toMatch(/^INC-\d+$/)
  await incidentLoaded(page, id)
  return id
}

async function incidentLoaded(page: Page, id: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: `${id} · ${TITLE}`, exact: true }).waitFor(LOAD)
}

/** The "Unsaved changes (n) — …" panel. */
function unsavedPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^Unsaved changes \(\d+\)/ })
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Each timeline entry as the page shows it, whitespace-collapsed. */
async function timelineEntries(page: Page): Promise<string[]> {
  return (await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').allInnerTexts()).map(collapse)
}

// ---------------------------------------------------------------- the three actions

interface Action {
  name: 'note' | 'status change' | 'checklist tick'
  /** Sent as a versioned change (If-Match)? */
  versioned: boolean
  /** Makes the change through the page. */
  perform: (page: Page) => Promise<void>
  /** What the Unsaved changes list calls it. */
  summary: string
  /** The control's own word on a failure, once made on this page (null: the control says nothing after a reload). */
  alert: (page: Page) => Locator
  /** What the page shows while the change is on its way (sent, not answered, not failed). */
  expectOnItsWay: (page: Page) => Promise<void>
  /** The change is shown saved (within `timeout` ms); the page's timeline holds it once. */
  expectSaved: (page: Page, timeout: number) => Promise<void>
  /** The backend stored it once, exactly as made. */
  expectStoredOnce: (state: BackendState) => void
  /** The body every attempt carried (without the actor, which depends on the identity). */
  expectBody: (body: Record<string, unknown>) => void
  /** What was typed is still on screen (a note's box); nothing to check for a click. */
  expectTextIntact: (page: Page) => Promise<void>
}

function noteAction(text: string): Action {
  const form = (page: Page) => page.getByRole('form', { name: 'Add a note' })
  const box = (page: Page) => form(page).getByRole('textbox', { name: 'Note', exact: true })
  return {
    name: 'note',
    versioned: false,
    perform: async (page) => {
      await box(page).fill(text)
      await form(page).getByRole('button', { name: 'Add note', exact: true }).click()
    },
    summary: `Note: ${text}`,
    alert: (page) => form(page).getByRole('alert'),
    expectOnItsWay: async (page) => {
      await form(page).getByRole('button', { name: 'Adding…', exact: true }).waitFor(LOAD)
      expect(await box(page).inputValue()).toBe(text)
    },
    expectSaved: async (page, timeout) => {
      await expect.poll(() => box(page).inputValue(), { timeout }).toBe('')
      await expect.poll(async () => (await timelineEntries(page)).filter((e) => e.includes(text)).length, { timeout }).toBe(1)
    },
    expectStoredOnce: ({ events }) => {
      expect(events.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([text])
    },
    expectBody: (body) => {
      expect(body.text).toBe(text)
    },
    expectTextIntact: async (page) => {
      expect(await box(page).inputValue()).toBe(text)
    },
  }
}

const statusAction: Action = {
  name: 'status change',
  versioned: true,
  perform: async (page) => {
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('identified')
  },
  summary: 'Status → Identified',
  alert: (page) => page.getByRole('alert').filter({ hasText: /Not saved/ }),
  expectOnItsWay: async (page) => {
    const select = page.getByRole('combobox', { name: 'Status', exact: true })
    await expect.poll(() => select.inputValue()).toBe('identified')
    expect(await select.isDisabled()).toBe(true)
  },
  expectSaved: async (page, timeout) => {
    const select = page.getByRole('combobox', { name: 'Status', exact: true })
    await expect.poll(async () => `${await select.inputValue()} ${String(await select.isEnabled())}`, { timeout }).toBe('identified true')
    await expect
      .poll(async () => (await timelineEntries(page)).filter((e) => e.includes('Status investigating → identified')).length, { timeout })
      .toBe(1)
  },
  expectStoredOnce: ({ incident, events }) => {
    expect(incident.status).toBe('identified')
    expect(events.filter((e) => e.kind === 'status').map((e) => e.text)).toEqual([expect.stringContaining('investigating → identified')])
  },
  expectBody: (body) => {
    expect(body.status).toBe('identified')
  },
  expectTextIntact: () => Promise.resolve(),
}

const STEP_LABEL = 'Triage — Assess: Determine severity level'
const assessBox = (page: Page) =>
  page
    .getByRole('region', { name: 'Response process', exact: true })
    .getByRole('group', { name: '2. Triage' })
    .getByRole('checkbox', { name: 'Assess: Determine severity level', exact: true })

const checklistAction: Action = {
  name: 'checklist tick',
  versioned: true,
  perform: async (page) => {
    // click(), not check(): the tick is applied a frame late (see runbook-flow.spec.ts).
    expect(await assessBox(page).isChecked()).toBe(false)
    await assessBox(page).click()
  },
  summary: `Tick “${STEP_LABEL}”`,
  alert: (page) => page.getByRole('region', { name: 'Response process', exact: true }).getByRole('alert'),
  expectOnItsWay: async (page) => {
    await expect.poll(() => assessBox(page).isChecked()).toBe(true)
    expect(await assessBox(page).getAttribute('aria-busy')).toBe('true')
  },
  expectSaved: async (page, timeout) => {
    const box = assessBox(page)
    await expect.poll(async () => `${String(await box.isChecked())} ${String(await box.getAttribute('aria-busy'))}`, { timeout }).toBe('true null')
    await expect.poll(async () => (await timelineEntries(page)).filter((e) => e.includes(`Checked: ${STEP_LABEL}`)).length, { timeout }).toBe(1)
  },
  expectStoredOnce: ({ incident, events }) => {
    expect(incident.checklist).toHaveLength(1)
    expect(events.filter((e) => e.kind === 'checklist').map((e) => e.text)).toEqual([`Checked: ${STEP_LABEL}`])
  },
  expectBody: (body) => {
    expect(body.done).toBe(true)
    expect(body.stepId).toMatch(/\S/)
  },
  expectTextIntact: () => Promise.resolve(),
}

// ---------------------------------------------------------------- one case

interface Case {
  page: Page
  id: string
  action: Action
  writes: Writes
  received: Received[]
  /** beforeunload prompts seen (accepted). */
  prompts: string[]
  /** Any other dialog (an alert() run from hostile text): must stay empty. */
  dialogs: string[]
}

async function openCase(action: Action, plan: Plan): Promise<Case> {
  const page = await newPage()
  const writes = new Writes(plan)
  const prompts: string[] = []
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') prompts.push(dialog.message())
    else dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    // Accepting a beforeunload lets the reload go on; anything else (an alert from
    // hostile text) is recorded and fails the case below.
    void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss())
  })
  await page.exposeFunction('__writeMatrixVerdict', (sent: WriteSent) => writes.decide(sent))
  await page.addInitScript(wrapFetch, INJECTED)
  const received = recordReceived(page)
  const id = await openNewIncident(page)
  // Only the incident's own writes count from here on.
  received.splice(0)
  return { page, id, action, writes, received, prompts, dialogs }
}

/** Waits until the app has made `n` attempts. */
async function attempts(c: Case, n: number, timeout = 15_000): Promise<void> {
  await expect.poll(() => c.writes.attempts.length, { timeout }).toBeGreaterThanOrEqual(n)
}

/** The change is listed as unsaved with why, and (when made on this page) its control says so too. */
async function expectQueued(c: Case, detail: string, options: { controlSays: string | null }): Promise<void> {
  const panel = unsavedPanel(c.page)
  await panel.waitFor(LOAD)
  const row = panel.getByRole('listitem').filter({ hasText: c.action.summary })
  await expect.poll(() => row.count()).toBe(1)
  expect(collapse(await row.innerText())).toContain(detail)
  if (options.controlSays !== null) {
    await expect.poll(async () => collapse(await c.action.alert(c.page).innerText())).toContain(options.controlSays)
  }
  await c.action.expectTextIntact(c.page)
}

/** Everything the case must end with: stored once, sent under one key, nothing else on screen or console. */
async function expectSavedOnce(c: Case, expected: { received: number | [number, number] }, timeout = 15_000): Promise<void> {
  await c.action.expectSaved(c.page, timeout)
  await expect.poll(() => unsavedPanel(c.page).count()).toBe(0)

  const state = await backendState(c.page, c.id)
  c.action.expectStoredOnce(state)

  const { attempts: tried, received } = { attempts: c.writes.attempts, received: c.received }
  expect(tried.length).toBeGreaterThanOrEqual(1)
  const key = tried[0]?.key ?? null
  expect(key).toMatch(/\S/)
  for (const attempt of tried) {
    expect(attempt.key, 'every attempt carries the first attempt’s Idempotency-Key').toBe(key)
    expect(attempt.body, 'every attempt carries the same body').toBe(tried[0]?.body)
    // The ETag of the version it was sent on.
    if (c.action.versioned) expect(attempt.ifMatch).toMatch(/^"[1-9]\d*"$/)
    else expect(attempt.ifMatch).toBe(null)
  }
  c.action.expectBody(JSON.parse(tried[0]?.body ?? 'null') as Record<string, unknown>)

  const [least, most] = typeof expected.received === 'number' ? [expected.received, expected.received] : expected.received
  expect(received.length, JSON.stringify(received)).toBeGreaterThanOrEqual(least)
  expect(received.length, JSON.stringify(received)).toBeLessThanOrEqual(most)
  for (const r of received) {
    expect(r.key).toBe(key)
    expect(r.body).toBe(tried[0]?.body)
    expect(r.status, `${r.method} ${r.path} answered`).not.toBe(null)
    expect(r.status ?? 0).toBeGreaterThanOrEqual(200)
    expect(r.status ?? 0).toBeLessThan(300)
  }

  // Hostile text stayed text: no element made from it, no dialog opened by it.
  expect(await c.page.locator('img[src="x"]').count()).toBe(0)
  expect(c.dialogs).toEqual([])
  // Failures made at fetch log nothing; nothing else may reach the console either.
  expect(takeProblems(c.page)).toEqual([])
}

// ---------------------------------------------------------------- the seven conditions

const firstThen = (first: Step, rest: Step): Plan => (_sent, before) => (before.length === 0 ? first : rest)

/** The control's words while a change waits to be retried. */
const retrying = (reason: string) => `Not saved yet — ${reason} Kept under Unsaved changes and retried automatically.`

/** An error status on the first attempt; the retry is held (so the queued state can be read), then let through. */
async function failsWith(c: Case, status: number, retryAfterS: number | null, reason: string): Promise<void> {
  c.writes.setPlan(firstThen({ kind: 'status', status, retryAfter: retryAfterS === null ? null : String(retryAfterS) }, HOLD))
  await c.action.perform(c.page)
  await attempts(c, 2)
  const [first, second] = c.writes.attempts
  // Retry-After is honoured; without it the first backoff is 0.5–1 s.
  const gap = (second?.at ?? 0) - (first?.at ?? 0)
  expect(gap).toBeGreaterThanOrEqual(retryAfterS === null ? 450 : retryAfterS * 1000 - 100)
  await expectQueued(c, reason, { controlSays: retrying(reason) })
  c.writes.release()
  await expectSavedOnce(c, { received: 1 })
}

const CONDITIONS: readonly { name: string; run: (c: Case) => Promise<void> }[] = [
  { name: '500', run: (c) => failsWith(c, 500, null, `The server failed (HTTP 500): ${INJECTED}.`) },
  { name: '503 + Retry-After: 2', run: (c) => failsWith(c, 503, 2, `The service is unavailable (HTTP 503): ${INJECTED}.`) },
  { name: '429 + Retry-After: 1', run: (c) => failsWith(c, 429, 1, `Too many requests (HTTP 429): ${INJECTED}.`) },
  {
    name: 'connection reset',
    run: async (c) => {
      c.writes.setPlan(firstThen({ kind: 'reset' }, HOLD))
      await c.action.perform(c.page)
      await attempts(c, 2)
      const reason = 'Could not reach the server (Failed to fetch).'
      await expectQueued(c, reason, { controlSays: retrying(reason) })
      c.writes.release()
      await expectSavedOnce(c, { received: 1 })
    },
  },
  {
    name: 'hang (the backend stores it, the answer never comes)',
    run: async (c) => {
      c.writes.setPlan(firstThen({ kind: 'lose-answer' }, HOLD))
      await c.action.perform(c.page)
      await attempts(c, 1)
      // The backend has it; the page, not knowing, shows it still on its way.
      await expect.poll(() => c.received.length).toBe(1)
      await c.action.expectOnItsWay(c.page)
      if (!c.action.versioned) {
        // After the client's 10 s timeout a note is sent again under its key: held here,
        // so the page's words can be read while it waits.
        await attempts(c, 2, 20_000)
        const reason = 'No answer within 10 s.'
        await expectQueued(c, reason, { controlSays: retrying(reason) })
      }
      // A versioned change is sent again only if the page has not yet heard of the new
      // version by then; once it has, the change counts as applied and is not resent.
      c.writes.release()
      // A second arrival is answered from the backend's idempotency record and stores nothing.
      await expectSavedOnce(c, { received: c.action.versioned ? [1, 2] : 2 }, 20_000)
    },
  },
  {
    name: 'browser offline',
    run: async (c) => {
      c.writes.setPlan(() => PASS)
      await c.page.context().setOffline(true)
      await c.action.perform(c.page)
      await expectQueued(c, 'Offline: sent when you are back online.', {
        controlSays: 'Not saved yet — you are offline. Kept under Unsaved changes and sent when you are back online.',
      })
      expect(collapse(await unsavedPanel(c.page).innerText())).toContain('offline: they are sent when you are back online')
      // Held, not sent: nothing is tried while offline.
      await c.page.waitForTimeout(1000)
      expect(c.writes.attempts).toEqual([])
      await c.page.context().setOffline(false)
      await expectSavedOnce(c, { received: 1 })
    },
  },
  {
    name: 'reload while queued',
    run: async (c) => {
      // Before the reload every attempt fails (503, retry in 2 s); after it the first
      // fails again (503, retry in 1 s) and the next is held until the test lets it through.
      let firstDoc: number | null = null
      c.writes.setPlan((sent, before) => {
        firstDoc ??= sent.doc
        if (sent.doc === firstDoc) return { kind: 'status', status: 503, retryAfter: '2' }
        return before.some((a) => a.doc === sent.doc) ? HOLD : { kind: 'status', status: 503, retryAfter: '1' }
      })
      await c.action.perform(c.page)
      await attempts(c, 1)
      const reason = `The service is unavailable (HTTP 503): ${INJECTED}.`
      await expectQueued(c, reason, { controlSays: retrying(reason) })

      await c.page.reload()
      await incidentLoaded(c.page, c.id)
      // The page asked before leaving with a change unsent.
      expect(c.prompts).toHaveLength(1)
      const afterReload = () => c.writes.attempts.filter((a) => a.doc !== firstDoc)
      await expect.poll(() => afterReload().length, { timeout: 15_000 }).toBe(2)
      // Still listed, with its words; a note's text is back in its box.
      await expectQueued(c, reason, { controlSays: c.action.name === 'note' ? retrying(reason) : null })
      c.writes.release()
      await expectSavedOnce(c, { received: 1 })
    },
  },
]

const NOTE_TEXT = (condition: string) => `${condition.split(' ')[0] ?? condition}: ${HOSTILE}`

// One page per case: a fresh context, so a fresh mock store and no unsaved changes from another case.
for (const condition of CONDITIONS) {
  for (const actionName of ['note', 'status change', 'checklist tick'] as const) {
    test(`${actionName} × ${condition.name}`, async () => {
      const action = actionName === 'note' ? noteAction(NOTE_TEXT(condition.name)) : actionName === 'status change' ? statusAction : checklistAction
      const c = await openCase(action, () => PASS)
      await condition.run(c)
    })
  }
}

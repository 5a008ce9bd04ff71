/**
 * The built app against the real server (`npm run serve`, started by ./serve.ts on a fresh
 * embedded database), two browser contexts at once: two responders who share nothing but
 * the server. What one does reaches the other without a reload; a stale one meets the
 * conflict dialog instead of overwriting; the wall sees a new P1; and whatever the server
 * acknowledged with a 2xx survives a SIGKILL.
 *
 * One server for the file: every test declares its own incidents, so they do not interfere.
 * The crash test restarts that server and runs last.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Locator, Page, Request, Response } from 'playwright-core'
import { safeParse } from 'zod/mini'
import { incident, timelineEvent, type Incident } from '@/api/schemas'
import { newPage, screenshot, takeProblems } from '../browser'
import { startVigilServer, type VigilServer } from './serve'
import {
  acknowledgeThroughApi,
  declareThroughApi,
  expect2xx,
  getIncident,
  getTimeline,
  noteThroughApi,
  tickThroughApi,
  type Answer,
} from './server-api'

/** A page load or a first fetch on a loaded two-core machine, against a server that shares it. */
const LOAD = { timeout: 30_000 }
/** The bar: a change made in one context is on screen in the other this soon, with no reload. */
const LIVE_WITHIN_MS = 2_000
const FULL_HD = { width: 1920, height: 1080 }

let server: VigilServer

beforeAll(async () => {
  server = await startVigilServer({ scenario: 'healthy', seed: 1 })
})

const suffix = () => randomUUID().slice(0, 8)

function openOnServer(options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  return newPage({ ...options, baseURL: server.baseURL })
}

function incidentHeading(page: Page, id: string): Locator {
  return page.getByRole('heading', { level: 1, name: new RegExp(`^${id}\\b`) })
}

function timeline(page: Page): Locator {
  return page.getByRole('list', { name: 'Timeline' })
}

function statusControl(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Status', exact: true })
}

/** Opens /incidents/:id and waits until the incident and its timeline have loaded. */
async function openIncident(page: Page, id: string): Promise<void> {
  await page.goto(`/incidents/${id}`)
  await incidentHeading(page, id).waitFor(LOAD)
  await timeline(page).getByRole('listitem').first().waitFor(LOAD)
}

/** The main-frame navigations a page makes from now on: a reload would show up here. */
function countNavigations(page: Page): () => number {
  let count = 0
  page.on('request', (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) count += 1
  })
  return () => count
}

/** The next answer to `method` on a path ending with `pathEnd`, whatever its status. */
function nextAnswer(page: Page, method: string, pathEnd: string): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && new URL(r.url()).pathname.endsWith(pathEnd), LOAD)
}

interface Declared {
  id: string
  title: string
}

/** Through the "Declare incident" dialog on /incidents; answers the id the server gave it. */
async function declareInUi(page: Page, fields: { title: string; severity: string; impact: string; service: string }): Promise<Declared> {
  await page.goto('/incidents')
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
  await page.getByRole('button', { name: 'Declare incident' }).click()
  const dialog = page.getByRole('dialog', { name: 'Declare incident' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill(fields.title)
  await dialog.getByRole('combobox', { name: 'Severity' }).selectOption(fields.severity)
  await dialog.getByRole('textbox', { name: 'Impact' }).fill(fields.impact)
  await dialog.getByRole('group', { name: 'Affected services' }).getByRole('checkbox', { name: fields.service, exact: true }).check()
  const answer = nextAnswer(page, 'POST', '/api/incidents')
  // Scoped to the dialog and exact: the page's own "Declare incident" button also matches "Declare".
  await dialog.getByRole('button', { name: 'Declare', exact: true }).click()
  const response = await answer
  expect(response.status(), await response.text()).toBe(201)
  await page.waitForURL(/\/incidents\/INC-\d+$/, LOAD)
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
  expect(id).toMatch(/^INC-\d+$/)
  await incidentHeading(page, id).waitFor(LOAD)
  return { id, title: fields.title }
}

/**
 * Console lines a page may log while it cannot reach the server (offline, or the server
 * down): Chromium reports each failed request as "Failed to load resource: net::ERR_…".
 * (ERR_INCOMPLETE_CHUNKED_ENCODING is the change feed's open stream cut by a killed server.)
 * Only these are forgiven where a test takes the server away on purpose; anything else
 * (an uncaught error, an app's own console.error) still fails.
 */
const UNREACHABLE =
  /^console\.error: Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|NETWORK_CHANGED|INCOMPLETE_CHUNKED_ENCODING)\b/

test('the server serves the app with its CSP and a config.json that says http, and the app runs on it without console errors', async () => {
  const page = await openOnServer()
  const apiAnswers: { origin: string; status: number }[] = []
  page.on('response', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/')) apiAnswers.push({ origin: url.origin, status: r.status() })
  })
  const response = await page.goto('/')
  expect(response?.status()).toBe(200)
  const csp = response?.headers()['content-security-policy'] ?? ''
  for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
    expect(csp, 'Content-Security-Policy').toContain(directive)
  }
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(LOAD)
  await page.getByRole('list', { name: 'Service health' }).waitFor(LOAD)

  const config: unknown = await page.evaluate(async (): Promise<unknown> => (await fetch('/config.json', { cache: 'no-store' })).json())
  expect(config).toMatchObject({ backend: 'http' })
  // The mock backend runs in a service worker; on the server there is none.
  expect(await page.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true)
  expect(apiAnswers.length).toBeGreaterThan(0)
  expect(apiAnswers.filter((a) => a.origin !== server.baseURL || a.status >= 400)).toEqual([])
})

test(`a note added in context A shows in context B's timeline within ${LIVE_WITHIN_MS} ms, without a reload`, async () => {
  const declared = expect2xx(
    await declareThroughApi(server, { title: `Callers hear silence ${suffix()}`, severity: 'P3', impact: 'Some callers wait for an answer.', services: ['tts'] }),
    incident,
  )
  const [a, b] = await Promise.all([openOnServer(), openOnServer()])
  await Promise.all([openIncident(a, declared.id), openIncident(b, declared.id)])
  const navigationsOfB = countNavigations(b)

  const text = `Restarted the TTS pool ${suffix()}`
  await a.getByRole('textbox', { name: 'Note', exact: true }).fill(text)
  const saved = nextAnswer(a, 'POST', `/api/incidents/${declared.id}/notes`)
  await a.getByRole('button', { name: 'Add note', exact: true }).click()
  const answer = await saved
  expect(answer.status()).toBe(201)
  const savedAt = performance.now()

  // Waited for longer than the bar, so a miss says by how much (a poll, or never).
  await timeline(b).getByText(text).waitFor({ timeout: 20_000 })
  const shownAfterMs = performance.now() - savedAt
  console.log(`[server e2e] note shown in context B ${shownAfterMs.toFixed(0)} ms after context A's save was answered`)
  await timeline(a).getByText(text).waitFor(LOAD)
  expect(navigationsOfB()).toBe(0)
  expect(b.url()).toBe(`${server.baseURL}/incidents/${declared.id}`)
  expect(shownAfterMs, `the note reached context B after ${shownAfterMs.toFixed(0)} ms`).toBeLessThanOrEqual(LIVE_WITHIN_MS)

  // A scrolled down to its note form; the shot shows the page from its heading.
  await a.evaluate(() => {
    window.scrollTo(0, 0)
  })
  await screenshot(a, 'server-incident-context-a-1440x900')
  await timeline(b).getByText(text).scrollIntoViewIfNeeded()
  await screenshot(b, 'server-incident-context-b-timeline-1440x900')
})

test('a status change from a stale context meets the conflict dialog, and the server keeps the other value until that responder chooses', async () => {
  const declared = expect2xx(
    await declareThroughApi(server, { title: `LLM answers take twenty seconds ${suffix()}`, severity: 'P2', impact: 'Callers wait in silence.', services: ['llm'] }),
    incident,
  )
  const [a, b] = await Promise.all([openOnServer(), openOnServer()])
  await Promise.all([openIncident(a, declared.id), openIncident(b, declared.id)])
  await expect.poll(() => statusControl(b).inputValue(), LOAD).toBe('investigating')

  // B hears nothing while offline (no change feed, no poll): its copy stays at version 1.
  await b.context().setOffline(true)
  const moved = nextAnswer(a, 'PATCH', `/api/incidents/${declared.id}`)
  await statusControl(a).selectOption('identified')
  expect((await moved).status()).toBe(200)
  const theirs = await getIncident(server, declared.id)
  expect(theirs.status).toBe('identified')
  expect(await statusControl(b).inputValue()).toBe('investigating')

  // B changes the same field on its stale copy; it is sent once B is back online.
  await statusControl(b).selectOption('mitigated')
  const refused = nextAnswer(b, 'PATCH', `/api/incidents/${declared.id}`)
  await b.context().setOffline(false)
  expect((await refused).status()).toBe(412)

  const dialog = b.getByRole('dialog', { name: 'This incident changed since you loaded it' })
  await dialog.waitFor(LOAD)
  const row = dialog.getByRole('row', { name: /^Status/ })
  expect((await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim())).toEqual(['Mitigated', 'Identified'])
  await screenshot(b, 'server-conflict-context-b-1440x900')

  // Nothing was overwritten while the dialog waits: the server holds A's value and version.
  const held = await getIncident(server, declared.id)
  expect({ status: held.status, version: held.version }).toEqual({ status: 'identified', version: theirs.version })
  expect((await getTimeline(server, declared.id)).map((e) => e.text).filter((t) => t.includes('→ mitigated'))).toEqual([])
  expect(await statusControl(a).inputValue()).toBe('identified')

  await dialog.getByRole('button', { name: 'Apply mine again' }).click()
  await dialog.waitFor({ state: 'detached', timeout: 15_000 })
  await expect.poll(async () => (await getIncident(server, declared.id)).status, LOAD).toBe('mitigated')
  await expect.poll(() => statusControl(b).inputValue(), LOAD).toBe('mitigated')
  await expect.poll(() => statusControl(a).inputValue(), LOAD).toBe('mitigated')

  // B's console: the 412 (the point of the test) and requests refused while offline; nothing else.
  const problems = takeProblems(b)
  expect(problems.filter((p) => !UNREACHABLE.test(p) && !new RegExp(`status of 412 .*/api/incidents/${declared.id}\\b`).test(p))).toEqual([])
  expect(problems.some((p) => p.includes('status of 412'))).toBe(true)
})

test('the wall in context B names a P1 declared in context A', async () => {
  const wall = await openOnServer({ viewport: FULL_HD, colorScheme: 'dark' })
  await wall.goto('/wall')
  await wall.getByRole('heading', { level: 1, name: 'War room' }).waitFor(LOAD)
  await wall.getByRole('list', { name: 'Service health' }).waitFor(LOAD)
  const openIncidents = wall.getByRole('list', { name: 'Open incidents' })
  await openIncidents.waitFor(LOAD)

  const responder = await openOnServer()
  const title = `Nobody can reach the agent ${suffix()}`
  const { id } = await declareInUi(responder, { title, severity: 'P1', impact: 'All callers get a dead line.', service: 'LiveKit' })
  const declaredAt = performance.now()

  const banner = wall.getByRole('alert').filter({ hasText: `P1 declared: ${id} ${title}` })
  await banner.waitFor({ timeout: 30_000 })
  console.log(`[server e2e] the wall showed the P1 ${(performance.now() - declaredAt).toFixed(0)} ms after it was declared`)
  await expect.poll(() => wall.title(), LOAD).toBe(`⚠ P1 ${id} · Vigil`)
  await expect.poll(() => openIncidents.innerText(), LOAD).toContain(id)
  expect(await openIncidents.innerText()).toContain(title)
  await screenshot(wall, 'server-wall-1920x1080')
})

/** A 2xx answer to a write, kept to check after the crash. */
interface Acknowledged {
  via: 'ui' | 'api'
  method: string
  path: string
  status: number
  body: unknown
}

test('after a SIGKILL and a restart on the same data folder, every write answered with a 2xx is still there', async () => {
  const acknowledged: Acknowledged[] = []
  const a = await openOnServer()
  // Every write of the page that the server answered with a 2xx, whatever made it.
  const reading: Promise<void>[] = []
  a.on('response', (r) => {
    const path = new URL(r.url()).pathname
    if (r.request().method() === 'GET' || !path.startsWith('/api/') || r.status() < 200 || r.status() > 299) return
    reading.push(
      r.json().then((body: unknown) => {
        acknowledged.push({ via: 'ui', method: r.request().method(), path, status: r.status(), body })
      }),
    )
  })
  const keep = (answer: Answer) => {
    expect(answer.status, `${answer.method} ${answer.path}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(200)
    expect(answer.status).toBeLessThan(300)
    acknowledged.push({ via: 'api', method: answer.method, path: answer.path, status: answer.status, body: answer.json })
    return answer
  }

  // Through the UI: declare, acknowledge, a note, a checklist tick — each waited for until answered.
  const noteInUi = `Rolled back the STT release ${suffix()}`
  const ui = await declareInUi(a, { title: `Transcripts arrive empty ${suffix()}`, severity: 'P2', impact: 'A third of calls lose the transcript.', service: 'STT' })
  const acked = nextAnswer(a, 'POST', `/api/incidents/${ui.id}/acknowledge`)
  await a.getByRole('button', { name: 'Acknowledge', exact: true }).click()
  expect((await acked).status()).toBe(200)
  await a.getByRole('textbox', { name: 'Note', exact: true }).fill(noteInUi)
  const noted = nextAnswer(a, 'POST', `/api/incidents/${ui.id}/notes`)
  await a.getByRole('button', { name: 'Add note', exact: true }).click()
  expect((await noted).status()).toBe(201)
  const assess = a.getByRole('region', { name: 'Response process', exact: true }).getByRole('checkbox', { name: 'Assess: Determine severity level', exact: true })
  const ticked = nextAnswer(a, 'POST', `/api/incidents/${ui.id}/checklist`)
  // click(), not check(): the tick shows a frame later (optimistic update), which check() reads as a failure.
  await assess.click()
  expect((await ticked).status()).toBe(200)

  // Through the API: the same moves on a second incident, and a note on the first.
  const noteInApi = `Paged the STT vendor ${suffix()}`
  const apiDeclared = expect2xx(
    keep(await declareThroughApi(server, { title: `TTS voices glitch ${suffix()}`, severity: 'P3', impact: 'Some answers are garbled.', services: ['tts'] })),
    incident,
  )
  const apiAcked = expect2xx(keep(await acknowledgeThroughApi(server, apiDeclared.id, apiDeclared.version)), incident)
  expect2xx(keep(await noteThroughApi(server, apiDeclared.id, noteInApi)), timelineEvent)
  // A note bumps the incident's version too: the tick is sent on the version read now.
  const beforeTick = await getIncident(server, apiDeclared.id)
  expect(beforeTick.version).toBeGreaterThan(apiAcked.version)
  expect2xx(keep(await tickThroughApi(server, apiDeclared.id, beforeTick.version, 'triage.assign')), incident)
  const alsoOnUi = `Seen from the API too ${suffix()}`
  expect2xx(keep(await noteThroughApi(server, ui.id, alsoOnUi)), timelineEvent)

  await Promise.all(reading)
  const uiWrites = acknowledged.filter((w) => w.via === 'ui').map((w) => `${w.method} ${w.path.replace(ui.id, ':id')}`)
  expect(uiWrites).toEqual(
    expect.arrayContaining(['POST /api/incidents', 'POST /api/incidents/:id/acknowledge', 'POST /api/incidents/:id/notes', 'POST /api/incidents/:id/checklist']),
  )

  const pidBefore = server.pid()
  await server.kill('SIGKILL')
  expect(server.pid()).toBeUndefined()
  await server.restart()
  expect(server.pid()).not.toBe(pidBefore)

  // Every acknowledged write, checked against what the server now says.
  const latest = new Map<string, Incident>()
  const current = async (id: string) => {
    const found = latest.get(id) ?? (await getIncident(server, id))
    latest.set(id, found)
    return found
  }
  for (const write of acknowledged) {
    const asIncident = safeParse(incident, write.body)
    const asEvent = safeParse(timelineEvent, write.body)
    const what = `${write.via}: ${write.method} ${write.path} → ${write.status}`
    if (asIncident.success) {
      const then = asIncident.data
      const now = await current(then.id)
      expect(now.version, what).toBeGreaterThanOrEqual(then.version)
      expect(now.title, what).toBe(then.title)
      expect(now.severity, what).toBe(then.severity)
      if (then.acknowledgedAt !== null) expect(now.acknowledgedAt, what).toBe(then.acknowledgedAt)
      expect(now.checklist, what).toEqual(expect.arrayContaining(then.checklist))
    } else if (asEvent.success) {
      const events = await getTimeline(server, asEvent.data.incidentId)
      expect(events.find((e) => e.id === asEvent.data.id), what).toMatchObject({ kind: asEvent.data.kind, text: asEvent.data.text })
    } else {
      throw new Error(`${what}: an answer this test does not know how to check: ${JSON.stringify(write.body).slice(0, 300)}`)
    }
  }
  const afterUi = await current(ui.id)
  expect(afterUi.acknowledgedAt).not.toBeNull()
  expect(afterUi.checklist).toContain('triage.assess')
  const afterApi = await current(apiDeclared.id)
  expect(afterApi.acknowledgedAt).not.toBeNull()
  expect(afterApi.checklist).toContain('triage.assign')

  // Context A lived through the crash and finds the server again by itself, without a reload.
  const afterRestart = `Written after the restart ${suffix()}`
  expect2xx(await noteThroughApi(server, ui.id, afterRestart), timelineEvent)
  const restartedAt = performance.now()
  await timeline(a).getByText(afterRestart).waitFor(LOAD)
  console.log(`[server e2e] context A showed a note written after the restart ${(performance.now() - restartedAt).toFixed(0)} ms later, without a reload`)
  // Only requests that failed while the server was down may have reached its console.
  expect(takeProblems(a).filter((p) => !UNREACHABLE.test(p))).toEqual([])
  await a.reload()
  await incidentHeading(a, ui.id).waitFor(LOAD)
  for (const text of [`Declared P2 — ${ui.title}`, 'Acknowledged', noteInUi, 'Checked: Triage — Assess: Determine severity level', alsoOnUi]) {
    await timeline(a).getByText(text, { exact: false }).first().waitFor(LOAD)
  }
  expect(await assess.isChecked()).toBe(true)
  expect(await a.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0)

  // A second context, opened after the restart, reads the incident made through the API.
  const b = await openOnServer()
  await openIncident(b, apiDeclared.id)
  for (const text of ['Acknowledged', noteInApi, 'Checked: Triage — Assign: Assign to on-call engineer']) {
    await timeline(b).getByText(text, { exact: false }).first().waitFor(LOAD)
  }
  expect(
    await b.getByRole('region', { name: 'Response process', exact: true }).getByRole('checkbox', { name: 'Assign: Assign to on-call engineer', exact: true }).isChecked(),
  ).toBe(true)
})

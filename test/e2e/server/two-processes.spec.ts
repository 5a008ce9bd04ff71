/**
 * Two Vigil server processes on one throwaway PostgreSQL, and the built app served by one
 * of them (B) in Chromium: a note added through the other (A) shows on B's incident page
 * without a reload, within 2 s. The page learns of it from B's change feed (GET /api/events,
 * fed by PostgreSQL NOTIFY from A) when the SPA listens to it; its polls are far slower.
 *
 * Needs dist/ (the e2e global setup builds it when missing) and PostgreSQL's binaries:
 * without them the file is skipped, saying why, except under CI=true, where it fails.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Request } from 'playwright-core'
import { incident } from '@/api/schemas'
import { buildServerBundle, startServerProcess, type ServerBundle, type ServerProcess } from '../../../server/multi-process/server-process'
import { declaration } from '../../contract/incident-steps'
import { call, expectBody } from '../../contract/target'
import { POSTGRES_MISSING, requirePostgres, startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster'
import { newPage } from '../browser'

/** Throws under CI=true when PostgreSQL is missing: a skipped multi-process check must not pass a build. */
const runnable = requirePostgres()
const SHOWN_WITHIN_MS = 2_000
const LOAD = { timeout: 20_000 }
const STREAM_GRACE_MS = 3_000

let cluster: PostgresCluster | undefined
let bundle: ServerBundle | undefined
const started: ServerProcess[] = []

describe.skipIf(!runnable)(`two server processes behind one app${runnable ? '' : ` (skipped: ${POSTGRES_MISSING})`}`, () => {
  beforeAll(async () => {
    ;[cluster, bundle] = await Promise.all([startPostgresCluster(), buildServerBundle()])
    const { url } = cluster
    const { entry } = bundle
    const starts = await Promise.allSettled(['process A', 'process B'].map((name) => startServerProcess({ name, entry, databaseUrl: url })))
    for (const start of starts) if (start.status === 'fulfilled') started.push(start.value)
    for (const start of starts) if (start.status === 'rejected') throw start.reason
  })

  afterAll(async () => {
    await Promise.all(started.map((server) => server.close()))
    await cluster?.stop()
    await bundle?.remove()
  })

  test(`a note added through process A shows on a page served by process B within ${SHOWN_WITHIN_MS} ms, without a reload`, async () => {
    const [a, b] = started
    if (a === undefined || b === undefined) throw new Error('the servers did not start')
    const declared = expectBody(
      await call(a, 'POST', '/api/incidents', { body: declaration(), headers: { 'Idempotency-Key': randomUUID() } }),
      201,
      incident,
    )

    const page = await newPage({ baseURL: b.baseUrl })
    const requests: { at: number; url: URL; request: Request }[] = []
    page.on('request', (request) => requests.push({ at: performance.now(), url: new URL(request.url()), request }))
    const streamsAnswered: string[] = []
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/events' && response.status() === 200) streamsAnswered.push(response.url())
    })
    await page.goto(`/incidents/${declared.id}`)
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${declared.id}\\b`) }).waitFor(LOAD)
    const timeline = page.getByRole('list', { name: 'Timeline' })
    await timeline.getByRole('listitem').first().waitFor(LOAD)
    const navigations = requests.filter((r) => r.request.isNavigationRequest()).length
    // A page that reads the change feed hears changes only once its stream is open: give it a
    // moment to connect (a page without live updates never does, and goes on polling).
    for (const until = performance.now() + STREAM_GRACE_MS; streamsAnswered.length === 0 && performance.now() < until; ) await page.waitForTimeout(50)

    const text = `Seen from the other process ${randomUUID().slice(0, 8)}`
    const sent = performance.now()
    const note = await call(a, 'POST', `/api/incidents/${declared.id}/notes`, { body: { text } })
    expect(note.status, note.text).toBe(201)
    let shownAfter: number | null = null
    let failure: unknown = null
    try {
      await timeline.getByText(text).waitFor({ timeout: SHOWN_WITHIN_MS })
      shownAfter = performance.now() - sent
    } catch (error) {
      failure = error
    }
    // Which mechanism brought it: the page's change feed on B (an /api/events request), or its polling.
    const stream = requests.filter((r) => r.url.pathname === '/api/events')
    const reads = requests.filter((r) => r.at >= sent && r.url.pathname.startsWith(`/api/incidents/${declared.id}`))
    const report =
      `note ${shownAfter === null ? `not shown within ${SHOWN_WITHIN_MS} ms` : `shown after ${shownAfter.toFixed(0)} ms`}; ` +
      `the page opened ${stream.length} event stream(s)${stream.length > 0 ? ` on ${stream.map((r) => r.url.origin).join(', ')}` : ''}; ` +
      `incident reads after the note: ${reads.map((r) => `${r.url.pathname.replace(`/api/incidents/${declared.id}`, '…')} +${(r.at - sent).toFixed(0)} ms`).join(', ') || 'none'}`
    console.log(`[two-processes] ${report}`)
    if (failure !== null) throw new Error(report, { cause: failure })
    // No reload: the page is the one first loaded.
    expect(requests.filter((r) => r.request.isNavigationRequest())).toHaveLength(navigations)
    expect(page.url()).toBe(`${b.baseUrl}/incidents/${declared.id}`)
  })

  // Whatever the SPA does with it: the browser itself can read B's feed (headers, CSP, no buffering).
  test('an EventSource in a page of process B hears a change made through process A', async () => {
    const [a, b] = started
    if (a === undefined || b === undefined) throw new Error('the servers did not start')
    const declared = expectBody(
      await call(a, 'POST', '/api/incidents', { body: declaration(), headers: { 'Idempotency-Key': randomUUID() } }),
      201,
      incident,
    )
    const page = await newPage({ baseURL: b.baseUrl })
    await page.goto('/config.json')
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const source = new EventSource('/api/events')
          const heard: string[] = []
          Object.assign(window, { heard, source })
          source.addEventListener('hello', () => {
            resolve()
          })
          source.addEventListener('change', (event) => heard.push(String(event.data)))
          setTimeout(() => {
            reject(new Error('no hello on /api/events within 10 s'))
          }, 10_000)
        }),
    )
    const note = await call(a, 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: 'Heard by a browser on B' } })
    expect(note.status, note.text).toBe(201)
    const expected = JSON.stringify({ type: 'incident', id: declared.id, version: declared.version + 1 })
    await page.waitForFunction((line) => (window as unknown as { heard: string[] }).heard.includes(line), expected, { timeout: SHOWN_WITHIN_MS })
    await page.evaluate(() => {
      ;(window as unknown as { source: EventSource }).source.close()
    })
  })
})

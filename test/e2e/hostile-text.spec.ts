/**
 * Hostile text in every text sink (issue 12 §6), in Chromium against the built app on its
 * mock backend, under the app's strict CSP (as `vite preview` sends it) and with the CSP
 * bypassed, both at once: a sink that would run text is caught even where the CSP would
 * have saved it, and the CSP's own reports count too.
 *
 * Every string of hostile-strings.ts (the Big List of Naughty Strings, the project's own
 * list, payloads of ours) goes into:
 * - incident title and impact: one incident per string, stored through the mock's API
 *   (hostile-backend.ts), read back in the virtualised incident list (scrolled through), on
 *   the incident's page (h1, impact, the Internal alert draft filled from both), in the
 *   <title> element and in document.title;
 * - notes (up to 100 on a timeline, each by the roster person whose name is the same
 *   string) and follow-ups (text and owner, up to 100 on an incident);
 * - roster names (both person menus), alert names and their playbook links (an href built
 *   from the string), log lines, playbook titles from /api/runbooks (directory, page,
 *   <title> and document.title) and API error messages (a 500 `{ "message" }` per string),
 *   all answered by the page's fetch (hostile-watch.ts says why not page.route);
 * - typed by hand with locator.fill, a subset of 60 (typing all, each severity change saved
 *   and read back, would take minutes): the message draft box and the severity reason.
 *
 * Each render is read back in the page and counted only when it showed the string exactly
 * as stored (a text node's textContent, a control's value; document.title as the browser
 * normalises it); any other is listed and fails the test. Throughout, nothing may run: no
 * marker call, no dialog, no request the app did not make itself, no navigation or frame,
 * no injected element or handler, no CSP violation. A last test builds a sink that does
 * run text, to show the watcher sees each of those.
 */
import type { Page } from 'playwright-core'
import { storable, ERROR_PREFIX, feed, playbooksOf, seed, type FeedPart, type Seeded, type StoredWorld } from './hostile-backend'
import { baseURL, newPage, takeProblems } from './browser'
import {
  alertsPage,
  errorMessages,
  go,
  incidentPages,
  lanePage,
  listTitles,
  runbookPages,
  typeDrafts,
  typeSeverityReasons,
  type PageCheck,
  type Shown,
} from './hostile-sinks'
import { HAS_CORPUS, HOSTILE, PAYLOADS } from './hostile-strings'
import { watch, type Findings } from './hostile-watch'

const LOAD = { timeout: 30_000 }
/** Typed by hand: a representative subset (typing all of them, each saved, would take minutes). */
const TYPED = 60

if (process.env.CI === 'true' && !HAS_CORPUS) {
  throw new Error('../shared/corpus/blns.json is missing: under CI the hostile-text test must run the whole corpus')
}

const strings = HOSTILE

/** Renders tried per sink, and every render that did not show its string verbatim. */
class Tally {
  readonly tried = new Map<string, number>()
  readonly notShown: string[] = []

  /** Counts the renders of `sink` that showed their string; lists the rest. */
  add(sink: string, results: readonly Shown[]): void {
    this.tried.set(sink, (this.tried.get(sink) ?? 0) + results.filter((r) => r.ok).length)
    for (const r of results) if (!r.ok) this.notShown.push(`${sink}: ${JSON.stringify(r.text).slice(0, 100)}`)
  }

  total(): number {
    return [...this.tried.values()].reduce((a, b) => a + b, 0)
  }
}

/** Strings with markup in them, also looked for with Playwright's own exact text matching. */
const SPOT_CHECKS = ['"><svg onload=__pwned()>', '<img src=x onerror=__pwned()>', "Robert'); DROP TABLE incidents;--", '<script>alert(123)</script>'.replace('alert', '__pwned')]

/** A representative subset: our own payloads first, then strings spread evenly over the rest. */
function typedSubset(from: readonly string[]): string[] {
  const ours = PAYLOADS.filter((s) => from.includes(s)).slice(0, TYPED / 2)
  const rest = from.filter((s) => !ours.includes(s))
  const step = rest.length / (TYPED - ours.length)
  return [...ours, ...Array.from({ length: Math.min(rest.length, TYPED - ours.length) }, (_, i) => rest[Math.floor(i * step)] ?? '')]
}

/** A reason the severity form saves: a text input drops line breaks, the form refuses a blank one, the backend a NUL. */
const savableReason = (s: string) => s.replace(/[\r\n]/g, '').trim() !== '' && storable(s)

let seeded: Seeded
beforeAll(async () => {
  const started = performance.now()
  seeded = await seed(strings)
  console.log(`[hostile-text] ${seeded.writes} writes through the mock's API in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}, 120_000)

interface Run {
  csp: 'on' | 'off'
  tally: Tally
  findings: Findings[]
  seconds: number
}

/**
 * A fresh browser context on the built app: watched, its fetch answering `part` itself,
 * and the mock's world loaded with `world` (else the mock's own fresh one).
 */
async function open(csp: 'on' | 'off', part: FeedPart, world: StoredWorld | null): Promise<{ page: Page; done: () => Promise<Findings> }> {
  const page = await newPage({ viewport: { width: 1440, height: 1400 }, bypassCSP: csp === 'off' })
  const findings = await watch(page, feed(strings, part), baseURL())
  if (world !== null) {
    await page.addInitScript(({ key, value }) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value)
    }, world)
  }
  // Closed as soon as read: a context left open keeps polling its backend for the rest of the test.
  return {
    page,
    done: async () => {
      const seen = await findings()
      await page.context().close()
      return seen
    },
  }
}

/**
 * Every sink under one CSP setting, in three fresh contexts, each with only the world and
 * the answers its sinks need: a page is lighter to draw, and a write cheaper to store, the
 * less the mock holds.
 */
async function run(csp: 'on' | 'off'): Promise<Run> {
  const started = performance.now()
  let lap = started
  const step = (what: string) => {
    const now = performance.now()
    console.log(`[hostile-text] CSP ${csp}: ${what} in ${((now - lap) / 1000).toFixed(1)} s`)
    lap = now
  }
  const tally = new Tally()
  const findings: Findings[] = []

  // 1. Titles and impacts: the incident list, each incident's page, document.title and the drafts.
  {
    // The mock's own roster here: a roster of 550 hostile names in two menus would weigh on every page drawn.
    const { page, done } = await open(csp, 'nothing', seeded.incidentWorld)
    await page.goto('/incidents')
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
    const listed = await listTitles(page, seeded.incidents.map((i) => i.id))
    tally.add('title in the incident list', seeded.incidents.filter((i) => i.hostileTitle).map((i) => ({ ok: listed[i.id] === i.title, text: i.title })))
    step('incident list scrolled')

    const pages = await incidentPages(page, seeded.incidents)
    const titles = (pick: (c: PageCheck) => boolean) =>
      seeded.incidents.flatMap((incident, n) => (incident.hostileTitle ? [{ ok: pages[n] !== undefined && pick(pages[n]), text: incident.title }] : []))
    const impacts = (pick: (c: PageCheck) => boolean) =>
      seeded.incidents.flatMap((incident, n) => (incident.hostileImpact ? [{ ok: pages[n] !== undefined && pick(pages[n]), text: incident.impact }] : []))
    tally.add('title as the incident page h1', titles((c) => c.heading))
    tally.add('title in <title> and document.title', titles((c) => c.documentTitle))
    tally.add('title in the Internal alert draft', titles((c) => c.draftTitle))
    tally.add('impact on the incident page', impacts((c) => c.impact))
    tally.add('impact in the Internal alert draft', impacts((c) => c.draftImpact))
    // Spot checks through Playwright's own text matching: markup shown as the text it is.
    for (const incident of seeded.incidents.filter((i) => SPOT_CHECKS.includes(i.title))) {
      await go(page, `/incidents/${encodeURIComponent(incident.id)}`)
      await page.getByRole('heading', { level: 1, name: `${incident.id} · ${incident.title}`, exact: true }).waitFor(LOAD)
    }
    findings.push(await done())
    step(`${seeded.incidents.length} incident pages read`)
  }

  // 2. Notes and their authors, follow-ups, and every roster name in the person menus.
  {
    const { page, done } = await open(csp, 'roster', seeded.laneWorld)
    await page.goto('/incidents')
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
    for (const [n, { id, lane }] of seeded.lanes.entries()) {
      // The person menus are the same on every page: read once.
      const check = await lanePage(page, id, lane, strings, n === 0 ? strings : [])
      tally.add('note on the timeline', check.notes)
      tally.add("roster name as a note's author", check.authors)
      tally.add('follow-up text', check.followUpTexts)
      tally.add('follow-up owner', check.followUpOwners)
      tally.add('roster name in the Assignee menu', check.assigneeOptions)
      tally.add('roster name in the "You are" menu', check.identityOptions)
    }
    findings.push(await done())
    step(`${seeded.lanes.length} note and follow-up incidents read`)
  }

  // 3. Typed by hand on a new incident (each save redraws the page: a bare one draws fast); then
  // alerts, log lines, playbooks and error messages, all answered by the page's fetch.
  {
    const { page, done } = await open(csp, 'alerts, logs, playbooks and errors', null)
    await page.goto('/incidents')
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
    const id = await page.evaluate(async () => {
      const response = await fetch('/api/incidents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'hostile-text-typing' },
        body: JSON.stringify({ title: 'Typed by hand', severity: 'P4', impact: '', services: [] }),
      })
      return ((await response.json()) as { id: string }).id
    })
    await go(page, `/incidents/${encodeURIComponent(id)}`)
    await page.getByRole('form', { name: 'Change severity' }).waitFor(LOAD)
    const typed = typedSubset(strings)
    tally.add('message draft, typed', await typeDrafts(page, typed))
    tally.add('severity reason, typed and saved', await typeSeverityReasons(page, typed.filter(savableReason), 'P4'))
    step(`${typed.length} strings typed`)

    const alerts = await alertsPage(page, strings)
    tally.add('alert name', alerts.names)
    tally.add('alert playbook link (href)', alerts.playbookLinks)
    tally.add('log line', alerts.logLines)
    for (const s of SPOT_CHECKS.filter((x) => strings.includes(x))) {
      await page.getByRole('region', { name: 'Alert rules' }).getByText(s, { exact: true }).waitFor(LOAD)
      await page.getByRole('list', { name: 'Log lines' }).getByText(s, { exact: true }).waitFor(LOAD)
    }
    step('alerts and log lines read')

    const runbooks = await runbookPages(page, playbooksOf(strings))
    tally.add('playbook title in the runbook directory', runbooks.directory)
    tally.add('playbook title as the runbook page h1', runbooks.headings)
    tally.add('playbook title in <title> and document.title', runbooks.titles)
    step('playbooks read')

    tally.add('API error message', await errorMessages(page, strings, ERROR_PREFIX))
    findings.push(await done())
    step('error messages read')
  }

  const seconds = (performance.now() - started) / 1000
  console.log(
    `[hostile-text] CSP ${csp}: ${strings.length} strings${HAS_CORPUS ? '' : ' (no corpus: the own list only)'}, ` +
      `${tally.total().toLocaleString('en-US')} string×sink renders in ${seconds.toFixed(0)} s\n` +
      [...tally.tried].map(([sink, n]) => `  ${String(n).padStart(5)}  ${sink}`).join('\n') +
      (tally.notShown.length > 0 ? `\n  not shown verbatim:\n  ${tally.notShown.join('\n  ')}` : ''),
  )
  return { csp, tally, findings, seconds }
}

// Both at once, each in its own browser context (and renderer process): one after the other
// they take twice as long, and the two cores of CI sit half idle.
test("hostile text in every sink, under the app's CSP and with it bypassed: shown verbatim, nothing runs", async () => {
  const settled = await Promise.allSettled([run('on'), run('off')])
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []))
  if (failed.length > 0) throw new AggregateError(failed, failed.map(String).join('\n'))
  const runs = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const total = runs.reduce((sum, r) => sum + r.tally.total(), 0)
  const all = runs.flatMap((r) => r.findings)
  const count = (key: keyof Findings) => all.reduce((sum, f) => sum + f[key].length, 0)
  console.log(
    `[hostile-text] ${total.toLocaleString('en-US')} string×sink renders, CSP on and off: ` +
      `${count('executions')} executions, ${count('dialogs')} dialogs, ${count('foreignRequests')} foreign requests, ` +
      `${count('navigations')} navigations, ${count('injected')} injected elements, ${count('cspViolations')} CSP violations`,
  )
  const none: Findings = { executions: [], dialogs: [], foreignRequests: [], navigations: [], injected: [], cspViolations: [] }
  for (const r of runs) {
    for (const f of r.findings) expect({ csp: r.csp, ...f }).toEqual({ csp: r.csp, ...none })
    expect({ csp: r.csp, notShown: r.tally.notShown }).toEqual({ csp: r.csp, notShown: [] })
  }
}, 600_000)

/**
 * The zeros above mean something only if the watcher sees what it watches for: a sink that
 * parses text as HTML (as a bug would make one) is built here on purpose, under both CSP
 * settings, and each kind of finding must show up.
 */
test.each(['on', 'off'] as const)('the watcher catches a sink that parses text as HTML (CSP %s)', async (csp) => {
  const page = await newPage({ bypassCSP: csp === 'off' })
  const findings = await watch(page, feed([], 'nothing'), baseURL())
  await page.goto('/runbooks')
  await page.getByRole('heading', { level: 1, name: 'Runbooks' }).waitFor(LOAD)
  const payload = [
    '<img src=x onerror=__pwned()>',
    '<img src="https://evil.invalid/pixel.png">',
    '<iframe src="about:blank"></iframe>',
    '<script>alert("hostile")</script>',
  ].join('')
  await page.evaluate((html) => {
    // createContextualFragment, unlike innerHTML, also runs the scripts it parses: the worst sink there is.
    document.body.append(document.createRange().createContextualFragment(html))
  }, payload)
  const expected = csp === 'off' ? (f: Findings) => f.executions.length > 0 && f.dialogs.length > 0 : (f: Findings) => f.cspViolations.length >= 2
  await expect.poll(async () => expected(await findings()), LOAD).toBe(true)
  const seen = await findings()
  // The blocked script and the failed image loads are logged as errors: expected here.
  takeProblems(page)

  expect(seen.injected.join('\n')).toMatch(/<img> at \/runbooks has onerror="__pwned\(\)"/)
  expect(seen.injected.join('\n')).toMatch(/<script> at \/runbooks added/)
  expect(seen.injected.join('\n')).toMatch(/<iframe> at \/runbooks added/)
  expect(seen.navigations.join('\n')).toMatch(/^frame attached/m)
  // <img src=x> asks the app's own origin for a path nothing of the app asks for.
  expect(seen.foreignRequests.join('\n')).toMatch(/\/x \(not a path the app asks for\)/)
  if (csp === 'off') {
    expect(seen.executions.join('\n')).toMatch(/__pwned\(\) called at \/runbooks/)
    expect(seen.dialogs).toEqual([expect.stringMatching(/^alert\("hostile"\)/)])
    expect(seen.foreignRequests.join('\n')).toMatch(/https:\/\/evil\.invalid\/pixel\.png/)
    expect(seen.cspViolations).toEqual([])
  } else {
    expect(seen.executions).toEqual([])
    expect(seen.dialogs).toEqual([])
    expect(seen.cspViolations.join('\n')).toMatch(/script-src/)
    expect(seen.cspViolations.join('\n')).toMatch(/img-src blocked https:\/\/evil\.invalid/)
  }
})

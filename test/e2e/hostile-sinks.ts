/**
 * Reading back what each text sink shows, for the hostile-text test. Each read is one loop
 * inside the page (moving within the app with pushState + popstate, no round trip to the
 * test per string) and compares what is shown with what was stored, character for
 * character: a text node's textContent, a control's value. Typing goes through Playwright.
 *
 * A result is `{ ok, text }`: the string, and whether that render showed it verbatim.
 */
import type { Page } from 'playwright-core'
import type { Lane, SeededIncident } from './hostile-backend'

export interface Shown {
  ok: boolean
  text: string
}

/** How long one render may take before its string counts as not shown. */
const RENDER_MS = 10_000
const LOAD = { timeout: 30_000 }

/** Moves within the app (the watcher's helper). */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.__hostileGo?.(to)
  }, path)
}

/** Scrolls the virtualised incident list from top to bottom: the title cell of each of `ids` as shown. */
export async function listTitles(page: Page, ids: readonly string[]): Promise<Record<string, string>> {
  return page.evaluate(async (ids) => {
    const until = window.__hostileUntil
    if (until === undefined) throw new Error('the watcher is not in the page')
    const want = new Set(ids)
    const seen: Record<string, string> = {}
    const table = await until(() => document.querySelector<HTMLElement>('[role="table"][aria-label="Incidents"]'), 20_000)
    if (table === null) throw new Error('no incident table')
    await until(() => table.querySelector('[role="rowgroup"] + [role="rowgroup"] [role="row"]'), 20_000)
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    table.scrollTop = 0
    for (;;) {
      // Two frames: the virtualiser hears the scroll, then React draws the rows.
      await frame()
      await frame()
      for (const row of table.querySelectorAll('[role="row"]')) {
        const id = row.querySelector('a')?.textContent ?? ''
        if (want.has(id)) seen[id] = row.querySelectorAll('[role="cell"]')[1]?.textContent ?? ''
      }
      if (table.scrollTop + table.clientHeight >= table.scrollHeight - 2) return seen
      table.scrollTop += Math.max(44, table.clientHeight - 88)
    }
  }, ids)
}

export interface PageCheck {
  heading: boolean
  documentTitle: boolean
  impact: boolean
  draftTitle: boolean
  draftImpact: boolean
}

/** Opens each incident's page in turn: its h1, document.title, impact, and the Internal alert draft filled from them. */
export async function incidentPages(page: Page, incidents: readonly SeededIncident[]): Promise<PageCheck[]> {
  return page.evaluate(
    async ({ incidents, renderMs }) => {
      const go = window.__hostileGo
      const until = window.__hostileUntil
      if (go === undefined || until === undefined) throw new Error('the watcher is not in the page')
      // A textarea's value has its line breaks as \n; document.title, as Chromium reads it, has
      // every run of C0 controls (but \v), spaces and DEL as one space.
      const asValue = (s: string) => s.replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      const asTitle = (s: string) => s.replace(/[\u0000-\u000A\u000C-\u0020\u007F]+/g, ' ')
      const checks: PageCheck[] = []
      for (const incident of incidents) {
        go(`/incidents/${encodeURIComponent(incident.id)}`)
        const heading = await until(() => document.querySelector('h1')?.textContent === `${incident.id} · ${incident.title}`, renderMs)
        const impact = await until(() => {
          const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Impact')
          return term?.nextElementSibling?.textContent === (incident.impact.trim() === '' ? 'Not described yet' : incident.impact)
        }, renderMs)
        const draft = await until(() => [...document.querySelectorAll('textarea')].find((t) => t.value.startsWith('[P3] '))?.value, renderMs)
        checks.push({
          heading: heading === true,
          // The <title> element holds it verbatim; document.title as the browser reads it.
          documentTitle:
            (document.querySelector('title')?.textContent ?? '').includes(` · ${incident.title} · `) &&
            document.title.includes(asTitle(`· ${incident.title} ·`)),
          impact: impact === true,
          draftTitle: draft !== null && draft.startsWith(`[P3] ${asValue(incident.title)}\n`),
          // A blank impact reads "Unknown" in the messages (src/domain/messages.ts).
          draftImpact: draft !== null && draft.includes(`\nImpact: ${incident.impact.trim() === '' ? 'Unknown' : asValue(incident.impact)}\n`),
        })
      }
      return checks
    },
    { incidents, renderMs: RENDER_MS },
  )
}

export interface LaneCheck {
  notes: Shown[]
  authors: Shown[]
  followUpTexts: Shown[]
  followUpOwners: Shown[]
  assigneeOptions: Shown[]
  identityOptions: Shown[]
}

/**
 * One lane incident's page: each note and its author's name on the timeline, each
 * follow-up's text and owner, and (with `roster`) every person in the two person menus.
 */
export async function lanePage(page: Page, id: string, lane: Lane, names: readonly string[], roster: readonly string[]): Promise<LaneCheck> {
  return page.evaluate(
    async ({ id, lane, names, roster, renderMs }) => {
      const go = window.__hostileGo
      const until = window.__hostileUntil
      if (go === undefined || until === undefined) throw new Error('the watcher is not in the page')
      go(`/incidents/${encodeURIComponent(id)}`)
      const nameOf = (actor: string) => names[Number(actor.slice('hostile-person-'.length))] ?? ''
      // Each entry's text → its author as shown, once the timeline holds every note.
      const authors =
        (await until(() => {
          const byText = new Map(
            [...document.querySelectorAll('ol[aria-label="Timeline"] > li')].map((li) => [
              li.querySelector(':scope > p')?.textContent ?? '',
              li.querySelector(':scope > div > span.font-medium')?.textContent ?? '',
            ]),
          )
          return lane.notes.every((n) => byText.has(n.text)) ? byText : null
        }, renderMs)) ?? new Map<string, string>()
      const followUps =
        (await until(() => {
          const items = [...document.querySelectorAll('ul[aria-label="Follow-up actions"] > li')]
          return items.length >= lane.followUps.length ? items : null
        }, renderMs)) ?? []
      const options = (label: string) => {
        const control = [...document.querySelectorAll('label')].find((l) => l.textContent === label)?.control
        return new Set(control instanceof HTMLSelectElement ? [...control.options].map((o) => o.textContent) : [])
      }
      const assignee = options('Assignee')
      const identity = options('You are')
      // The first person of each of the four levels is on call (hostile-backend.ts).
      const onCall = (i: number) => i < 4
      return {
        notes: lane.notes.map((n) => ({ ok: authors.has(n.text), text: n.text })),
        authors: lane.notes.map((n) => ({ ok: authors.get(n.text) === nameOf(n.actor), text: nameOf(n.actor) })),
        followUpTexts: lane.followUps.map((f, i) => ({ ok: followUps[i]?.querySelector('label')?.textContent === f.text, text: f.text })),
        followUpOwners: lane.followUps.map((f, i) => ({
          ok: followUps[i]?.querySelector('label')?.parentElement?.nextElementSibling?.textContent === `${f.owner} · no due date`,
          text: f.owner,
        })),
        assigneeOptions: roster.map((name, i) => ({ ok: assignee.has(onCall(i) ? `${name} (on call)` : name), text: name })),
        identityOptions: roster.map((name) => ({ ok: identity.has(name), text: name })),
      }
    },
    { id, lane, names, roster, renderMs: RENDER_MS },
  )
}

/** The Alerts page: every alert's name, that its playbook link stays on the app's origin, and every log line. */
export async function alertsPage(page: Page, strings: readonly string[]): Promise<{ names: Shown[]; playbookLinks: Shown[]; logLines: Shown[] }> {
  return page.evaluate(
    async ({ strings, renderMs }) => {
      const go = window.__hostileGo
      const until = window.__hostileUntil
      if (go === undefined || until === undefined) throw new Error('the watcher is not in the page')
      go('/alerts')
      const nameOf = (li: Element) => li.querySelector(':scope > div > span.break-words')?.textContent
      const items =
        (await until(() => {
          const found = [...document.querySelectorAll('li')].filter((li) => nameOf(li) !== undefined)
          return found.length >= strings.length ? found : null
        }, renderMs)) ?? []
      const byName = new Map(items.map((li) => [nameOf(li) ?? '', li]))
      const lines =
        (await until(() => {
          const found = [...document.querySelectorAll('ol[aria-label="Log lines"] > li')]
          return found.length >= strings.length ? found : null
        }, renderMs)) ?? []
      // The fourth cell is the message (time, level, service, message).
      const messages = new Set(lines.map((li) => li.children[3]?.textContent))
      return {
        names: strings.map((s) => ({ ok: byName.has(s), text: s })),
        playbookLinks: strings.map((s) => {
          const link = [...(byName.get(s)?.querySelectorAll('a') ?? [])].find((a) => a.textContent.startsWith('Playbook: '))
          return { ok: link !== undefined && link.origin === location.origin, text: s }
        }),
        logLines: strings.map((s) => ({ ok: messages.has(s), text: s })),
      }
    },
    { strings, renderMs: RENDER_MS },
  )
}

/** The runbook directory, then each served playbook's own page: its title as a link, as the h1 and in document.title. */
export async function runbookPages(page: Page, playbooks: readonly { slug: string; title: string }[]): Promise<{ directory: Shown[]; headings: Shown[]; titles: Shown[] }> {
  return page.evaluate(
    async ({ playbooks, renderMs }) => {
      const go = window.__hostileGo
      const until = window.__hostileUntil
      if (go === undefined || until === undefined) throw new Error('the watcher is not in the page')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      const asTitle = (s: string) => s.replace(/[\u0000-\u000A\u000C-\u0020\u007F]+/g, ' ')
      go('/runbooks')
      const links =
        (await until(() => {
          const found = [...document.querySelectorAll('li h3 a')]
          return found.length >= playbooks.length ? found : null
        }, renderMs)) ?? []
      const linked = new Map(links.map((a) => [a.getAttribute('href') ?? '', a.textContent]))
      const directory = playbooks.map((p) => ({ ok: linked.get(`/runbooks/${p.slug}`) === p.title, text: p.title }))
      const headings: { ok: boolean; text: string }[] = []
      const titles: { ok: boolean; text: string }[] = []
      for (const p of playbooks) {
        go(`/runbooks/${p.slug}`)
        const shown = await until(() => document.querySelector('h1')?.textContent === p.title, renderMs)
        headings.push({ ok: shown === true, text: p.title })
        const element = document.querySelector('title')?.textContent ?? ''
        titles.push({ ok: element.endsWith(`${p.title} · Vigil`) && document.title.endsWith(asTitle(`${p.title} · Vigil`).trimStart()), text: p.title })
      }
      return { directory, headings, titles }
    },
    { playbooks, renderMs: RENDER_MS },
  )
}

/** An incident page per string whose load fails with HTTP 500 and the string as the message: the error panel says it. */
export async function errorMessages(page: Page, strings: readonly string[], prefix: string): Promise<Shown[]> {
  return page.evaluate(
    async ({ strings, prefix, renderMs }) => {
      const go = window.__hostileGo
      const until = window.__hostileUntil
      if (go === undefined || until === undefined) throw new Error('the watcher is not in the page')
      const stem = prefix.slice('/api/incidents/'.length)
      const results: { ok: boolean; text: string }[] = []
      for (const [i, s] of strings.entries()) {
        go(`/incidents/${stem}${i}`)
        const shown = await until(() => {
          const alert = [...document.querySelectorAll('p[role="alert"]')].find((p) => p.textContent.includes(`Incident ${stem}${i} could not be loaded`))
          // The client ends the sentence with a period unless the server's message already ends one.
          const sentence = `The server failed (HTTP 500): ${s}`
          return alert?.nextElementSibling?.textContent === (/[.!?…]$/.test(sentence) ? sentence : `${sentence}.`)
        }, renderMs)
        results.push({ ok: shown === true, text: s })
      }
      return results
    },
    { strings, prefix, renderMs: RENDER_MS },
  )
}

/** Types each string into the Internal alert draft box and reads the box back. */
export async function typeDrafts(page: Page, strings: readonly string[]): Promise<Shown[]> {
  const box = page.getByRole('region', { name: 'Messages', exact: true }).getByRole('textbox', { name: 'Internal alert', exact: true })
  const results: Shown[] = []
  for (const s of strings) {
    await box.fill(s)
    results.push({ ok: (await box.inputValue()) === s.replace(/\r\n?/g, '\n'), text: s })
  }
  return results
}

/**
 * Changes the severity back and forth with each string as the reason, through the form,
 * each saved before the next; then reads every reason back from the timeline. A text input
 * drops line breaks, so the reason expected is what the field held, trimmed as the backend
 * trims it.
 */
export async function typeSeverityReasons(page: Page, strings: readonly string[], from: 'P3' | 'P4'): Promise<Shown[]> {
  const form = page.getByRole('form', { name: 'Change severity' })
  const severity = form.getByRole('combobox', { name: 'Severity', exact: true })
  const reason = form.getByRole('textbox', { name: 'Reason for severity change', exact: true })
  const submit = form.getByRole('button', { name: 'Change severity', exact: true })
  const expected: string[] = []
  let current = from
  for (const s of strings) {
    const next = current === 'P3' ? 'P4' : 'P3'
    await severity.selectOption(next)
    await reason.fill(s)
    const held = await reason.inputValue()
    await submit.click()
    // Saved once the form lets go of its draft (it is cleared when the change lands).
    await page.waitForFunction((input) => input instanceof HTMLInputElement && input.value === '', await reason.elementHandle(), LOAD)
    expected.push(`Severity ${current} → ${next}: ${held.trim()}`)
    current = next
  }
  const shown = await page.evaluate(
    async ({ expected, renderMs }) => {
      const until = window.__hostileUntil
      if (until === undefined) throw new Error('the watcher is not in the page')
      const texts = await until(() => {
        const all = new Set([...document.querySelectorAll('ol[aria-label="Timeline"] > li > p')].map((p) => p.textContent))
        return expected.every((e) => all.has(e)) ? all : null
      }, renderMs)
      return expected.map((e) => texts?.has(e) === true)
    },
    { expected, renderMs: RENDER_MS },
  )
  return expected.map((text, i) => ({ ok: shown[i] === true, text }))
}

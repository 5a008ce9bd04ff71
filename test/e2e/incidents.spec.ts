/**
 * Incidents end to end, in Chromium against the built app on its mock backend: declare,
 * find it in the list, work it (acknowledge, status, note) and read it all back on the
 * timeline after a reload; and a stale second tab meeting the conflict dialog.
 */
import type { Locator, Page } from 'playwright-core'
import { newPage, screenshot, takeProblems } from './browser'

const LOAD = { timeout: 20_000 }

interface Declared {
  id: string
  title: string
}

/**
 * Declares an incident through the "Declare incident" dialog on /incidents and waits for
 * its page. Returns the id the backend gave it (read from the URL it lands on).
 */
async function declareIncident(page: Page, fields: { title: string; severity: string; impact: string; service: string }): Promise<Declared> {
  await page.goto('/incidents')
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
  await page.getByRole('button', { name: 'Declare incident' }).click()
  const dialog = page.getByRole('dialog', { name: 'Declare incident' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill(fields.title)
  await dialog.getByRole('combobox', { name: 'Severity' }).selectOption(fields.severity)
  await dialog.getByRole('textbox', { name: 'Impact' }).fill(fields.impact)
  await dialog.getByRole('group', { name: 'Affected services' }).getByRole('checkbox', { name: fields.service, exact: true }).check()
  // Scoped to the dialog and exact: the page's own "Declare incident" button also matches "Declare".
  await dialog.getByRole('button', { name: 'Declare', exact: true }).click()

  await page.waitForURL(/\/incidents\/INC-\d+$/, LOAD)
  await dialog.waitFor({ state: 'detached' })
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
  expect(id).toMatch(/^INC-\d+$/)
  await incidentHeading(page, id).waitFor(LOAD)
  return { id, title: fields.title }
}

/** The incident page's h1 holds the id and the title. */
function incidentHeading(page: Page, id: string): Locator {
  return page.getByRole('heading', { level: 1, name: new RegExp(`^${id}\\b`) })
}

function statusControl(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Status', exact: true })
}

/** Each timeline entry as the page shows it: time, who, kind and text, whitespace-collapsed. */
async function timelineEntries(page: Page): Promise<string[]> {
  const items = await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').allInnerTexts()
  return items.map((text) => text.replace(/\s+/g, ' ').trim())
}

/**
 * Which of `expected` the timeline shows, each matched after the one before it: equal to
 * `expected` exactly when every entry is there and in that order.
 */
async function inOrder(page: Page, expected: readonly string[]): Promise<string[]> {
  const entries = await timelineEntries(page)
  const found: string[] = []
  let from = 0
  for (const text of expected) {
    const at = entries.findIndex((entry, index) => index >= from && entry.includes(text))
    if (at === -1) break
    found.push(text)
    from = at + 1
  }
  return found
}

async function expectTimeline(page: Page, expected: readonly string[]): Promise<void> {
  try {
    await expect.poll(() => inOrder(page, expected), { timeout: 15_000 }).toEqual(expected)
  } catch (error) {
    const shown = await timelineEntries(page).catch(() => [])
    throw new Error(`the timeline does not show ${JSON.stringify(expected)} in order; it shows:\n${shown.join('\n')}`, { cause: error })
  }
}

/**
 * A second tab opened in `page`'s context (same localStorage, same mock backend) is not
 * watched by the harness: record its console errors and uncaught errors the same way, for
 * the test to assert on.
 */
function watchExtraPage(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`))
  page.on('crash', () => problems.push('the page crashed'))
  return problems
}

test('declare a P2, find it in the list, acknowledge, move it to identified then mitigated, add a note, and read it all back after a reload', async () => {
  const page = await newPage({ viewport: { width: 1440, height: 900 } })
  const title = 'Callers hear silence after the greeting'
  const note = 'Restarted the TTS worker pool; latency back under 800 ms.'
  const { id } = await declareIncident(page, {
    title,
    severity: 'P2',
    impact: 'About a third of calls get no answer after the greeting.',
    service: 'TTS',
  })

  // The list shows it with its INC- id, and its link opens it.
  await page.getByRole('link', { name: 'Incidents', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
  const row = page.getByRole('table', { name: 'Incidents' }).getByRole('row').filter({ hasText: title })
  await row.waitFor(LOAD)
  await expect.poll(() => row.count()).toBe(1)
  const link = row.getByRole('link')
  expect(await link.textContent()).toMatch(/^INC-\d+$/)
  expect(await link.textContent()).toBe(id)
  const rowText = (await row.innerText()).replace(/\s+/g, ' ')
  expect(rowText).toContain('P2')
  expect(rowText).toContain('Investigating')
  expect(rowText).toContain('TTS')
  await screenshot(page, 'incidents-list-1440x900')

  await link.click()
  await page.waitForURL(new RegExp(`/incidents/${id}$`))
  await incidentHeading(page, id).waitFor(LOAD)
  expect(await incidentHeading(page, id).textContent()).toContain(title)

  const acknowledge = page.getByRole('button', { name: 'Acknowledge', exact: true })
  await acknowledge.click()
  // Once acknowledged the button goes away: the response clock has stopped.
  await acknowledge.waitFor({ state: 'detached', timeout: 15_000 })
  await expectTimeline(page, [`Declared P2 — ${title}`, 'Acknowledged'])

  await statusControl(page).selectOption('identified')
  await expectTimeline(page, ['Acknowledged', 'Status investigating → identified'])
  await expect.poll(() => statusControl(page).isEnabled()).toBe(true)
  await statusControl(page).selectOption('mitigated')
  await expectTimeline(page, ['Status investigating → identified', 'Status identified → mitigated'])
  expect(await statusControl(page).inputValue()).toBe('mitigated')

  await page.getByRole('textbox', { name: 'Note', exact: true }).fill(note)
  await page.getByRole('button', { name: 'Add note', exact: true }).click()

  const story = [`Declared P2 — ${title}`, 'Acknowledged', 'Status investigating → identified', 'Status identified → mitigated', note]
  await expectTimeline(page, story)
  // Saved, so the draft is gone from the box.
  await expect.poll(() => page.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe('')
  // Exactly these five entries: nothing recorded twice, nothing else recorded.
  const entries = await timelineEntries(page)
  expect(entries).toHaveLength(story.length)
  for (const text of story) expect(entries.filter((entry) => entry.includes(text)), text).toHaveLength(1)

  // The mock backend keeps its store in localStorage: a reload finds everything again.
  await page.reload()
  await incidentHeading(page, id).waitFor(LOAD)
  await expectTimeline(page, story)
  expect(await statusControl(page).inputValue()).toBe('mitigated')
  await expect.poll(() => page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0)
  await screenshot(page, 'incident-1440x900')
  // The timeline sits below the fold at 1440×900: a second shot with it in view.
  await page.getByRole('list', { name: 'Timeline' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'incident-timeline-1440x900')
})

test("a stale second tab's status change meets the conflict dialog, and Apply mine again saves it", async () => {
  // Tab B is the harness's page: it is the one that gets the 412, and the check below
  // consumes exactly that expected console line. Tab A shares its context (one
  // localStorage, so one mock backend store) and is watched by watchExtraPage.
  const tabB = await newPage()
  const tabA = await tabB.context().newPage()
  const tabAProblems = watchExtraPage(tabA)

  // Tabs of one browser are normally told of each other's saves at once (the mock's event
  // stream hears other tabs through storage events, src/lib/live-updates), so a second tab
  // is rarely stale for long. Tab B stands for a tab that has not heard yet: it ignores
  // storage events and BroadcastChannel, leaving it on the version it loaded until its next poll.
  await tabB.addInitScript(() => {
    window.addEventListener('storage', (event) => {
      event.stopImmediatePropagation()
    }, true)
    const Native = window.BroadcastChannel
    window.BroadcastChannel = class extends Native {
      constructor(name: string) {
        super(name)
        if (name === 'vigil.incidents') Object.defineProperty(this, 'onmessage', { get: () => null, set: () => undefined })
      }
    }
  })

  const { id } = await declareIncident(tabA, {
    title: 'LLM answers take twenty seconds',
    severity: 'P2',
    impact: 'Callers wait in silence for every answer.',
    service: 'LLM',
  })
  await tabB.goto(`/incidents/${id}`)
  await incidentHeading(tabB, id).waitFor(LOAD)
  await expect.poll(() => statusControl(tabB).inputValue()).toBe('investigating')

  // Tab A moves the status and the server has it…
  await statusControl(tabA).selectOption('identified')
  await expectTimeline(tabA, ['Status investigating → identified'])
  // …while tab B still shows the version it loaded.
  expect(await statusControl(tabB).inputValue()).toBe('investigating')

  // Tab B changes the same field: a real conflict, not a silent rebase.
  await statusControl(tabB).selectOption('mitigated')
  const dialog = tabB.getByRole('dialog', { name: 'This incident changed since you loaded it' })
  await dialog.waitFor(LOAD)
  const status = dialog.getByRole('row', { name: /^Status/ })
  expect((await status.getByRole('cell').allInnerTexts()).map((cell) => cell.trim())).toEqual(['Mitigated', 'Identified'])
  expect(await dialog.innerText()).toContain('Status → Mitigated')
  await screenshot(tabB, 'incident-conflict-1440x900')

  // Chromium reports the 412 response of B's PATCH as a console error ("Failed to load
  // resource: … 412"). That 412 is the point of this test; consume that line and
  // nothing else — any other error still fails the test.
  const seen: string[] = []
  await expect
    .poll(() => {
      seen.push(...takeProblems(tabB))
      return seen.length
    })
    .toBeGreaterThan(0)
  expect(seen).toEqual([expect.stringMatching(new RegExp(`status of 412 .*\\/api\\/incidents\\/${id}\\b`))])

  await dialog.getByRole('button', { name: 'Apply mine again' }).click()
  await dialog.waitFor({ state: 'detached', timeout: 15_000 })
  await expect.poll(() => statusControl(tabB).inputValue()).toBe('mitigated')
  const story = ['Status investigating → identified', 'Status identified → mitigated']
  await expectTimeline(tabB, story)
  // Tab A hears of B's save (A listens normally) and shows the same story.
  await expectTimeline(tabA, story)
  await expect.poll(() => statusControl(tabA).inputValue()).toBe('mitigated')

  expect(tabAProblems).toEqual([])
})

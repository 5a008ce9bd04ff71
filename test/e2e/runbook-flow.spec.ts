/**
 * The runbook followed end to end, in Chromium against the built app on its mock backend:
 * declare a P1, tick process steps onto the timeline, resolve it with a root cause and a
 * resolution, read the three Slack messages filled from it, log one as posted and download
 * the incident report; browse and search the playbooks and copy a command; and a hostile
 * title that must stay text.
 */
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from 'playwright-core'
import { newPage, screenshot, SCREENSHOT_DIR } from './browser'

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
  // The h1 shows the id alone while loading, then "<id> · <title>".
  await page.getByRole('heading', { level: 1, name: `${id} · ${fields.title}`, exact: true }).waitFor(LOAD)
  return { id, title: fields.title }
}

function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true })
}

/**
 * One of the three Slack messages. Scoped to the Messages panel and matched exactly: the
 * page has other things named "Resolution" (the resolve form's field, the playbooks'
 * resolution steps, the process's "4. Resolution" phase).
 */
function messageGroup(page: Page, name: 'Internal alert' | 'Status update' | 'Resolution'): Locator {
  return region(page, 'Messages').getByRole('group', { name, exact: true })
}

function messageBox(page: Page, name: 'Internal alert' | 'Status update' | 'Resolution'): Locator {
  return messageGroup(page, name).getByRole('textbox', { name, exact: true })
}

/** Each timeline entry as the page shows it: time, who, kind and text, whitespace-collapsed. */
async function timelineEntries(page: Page): Promise<string[]> {
  const items = await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').allInnerTexts()
  return items.map((text) => text.replace(/\s+/g, ' ').trim())
}

/** Which of `expected` the timeline shows, each after the one before it. */
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

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

// A tick is on the timeline (and in the report) in the runbook's words, not as a step id.
const ASSESSED = 'Checked: Triage — Assess: Determine severity level'
const ASSIGNED = 'Checked: Triage — Assign: Assign to on-call engineer'
const MANUAL = 'Checked: Detection — Manual: User reports issue'

test('a P1 from declaration to report: process steps, resolve, the three messages, one posted, the report downloaded', async () => {
  const page = await newPage({ viewport: { width: 1440, height: 900 } })
  const title = 'Voice agent silent on every call'
  const impact = 'All callers hear nothing after the greeting.'
  const rootCause = 'OpenAI quota exhausted by a retry storm in the STT client'
  const resolution = 'Raised the OpenAI quota and capped STT retries at three'
  const { id } = await declareIncident(page, { title, severity: 'P1', impact, service: 'STT' })

  // The five phases, each a group of checkboxes named after its steps.
  const process = region(page, 'Response process')
  await process.waitFor(LOAD)
  expect(await process.getByRole('group').count()).toBe(5)
  for (const phase of ['1. Detection', '2. Triage', '3. Investigation', '4. Resolution', '5. Post-Incident']) {
    expect(await process.getByRole('group', { name: phase, exact: true }).getByRole('checkbox').count(), phase).toBe(3)
  }
  const triage = process.getByRole('group', { name: '2. Triage' })
  const assess = triage.getByRole('checkbox', { name: 'Assess: Determine severity level', exact: true })
  const assign = triage.getByRole('checkbox', { name: 'Assign: Assign to on-call engineer', exact: true })
  const manual = process.getByRole('group', { name: '1. Detection' }).getByRole('checkbox', { name: 'Manual: User reports issue', exact: true })
  // click(), not check(): the app applies a tick one frame late (its optimistic update
  // waits for cancelQueries), and check() reads the box in that frame and throws.
  const tick = async (box: Locator) => {
    expect(await box.isChecked()).toBe(false)
    await box.click()
    await expect.poll(() => box.isChecked()).toBe(true)
  }
  await tick(assess)
  await expectTimeline(page, [ASSESSED])
  await tick(assign)
  await expectTimeline(page, [ASSESSED, ASSIGNED])
  await tick(manual)
  await expectTimeline(page, [ASSESSED, ASSIGNED, MANUAL])
  await expect.poll(() => triage.innerText().then(collapse)).toContain('2 of 3')
  await expect.poll(() => process.innerText().then(collapse)).toContain('3 of 15 steps')

  // Resolving asks for the root cause and the resolution, and records both.
  const status = page.getByRole('combobox', { name: 'Status', exact: true })
  await status.selectOption('resolved')
  const resolve = page.getByRole('form', { name: `Resolve ${id}` })
  await resolve.waitFor(LOAD)
  await resolve.getByRole('textbox', { name: 'Root cause', exact: true }).fill(rootCause)
  await resolve.getByRole('textbox', { name: 'Resolution', exact: true }).fill(resolution)
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click()
  await resolve.waitFor({ state: 'detached', timeout: 15_000 })
  await expect.poll(() => status.inputValue()).toBe('resolved')
  await expectTimeline(page, [MANUAL, 'Status investigating → resolved'])
  await expectTimeline(page, [`Root cause: ${rootCause}`])
  await expectTimeline(page, [`Resolution: ${resolution}`])

  // The three messages, filled from the incident; nothing prints as undefined or null.
  await expect.poll(() => messageBox(page, 'Resolution').inputValue(), LOAD).toContain(rootCause)
  const internal = await messageBox(page, 'Internal alert').inputValue()
  const update = await messageBox(page, 'Status update').inputValue()
  const resolved = await messageBox(page, 'Resolution').inputValue()
  expect(internal.split('\n')).toEqual([`[P1] ${title}`, 'Status: Resolved', `Impact: ${impact}`, expect.stringMatching(/^On-call: \S/), `Incident: ${id}`])
  expect(update.split('\n')).toEqual([
    `[P1] ${title} - UPDATE`,
    'Status: Resolved',
    `Root Cause: ${rootCause}`,
    `Resolution: ${resolution}`,
    'ETA: TBD',
  ])
  expect(resolved.split('\n')).toEqual([
    `[P1] ${title} - RESOLVED`,
    expect.stringMatching(/^Duration: \d+ (second|minute)s?$/),
    `Root Cause: ${rootCause}`,
    `Resolution: ${resolution}`,
    'Post-mortem: Not scheduled',
  ])
  // The id is in the internal alert by template; the other two carry the severity tag.
  expect(internal).toContain(id)
  for (const text of [internal, update, resolved]) {
    expect(text).toContain('[P1]')
    expect(text).not.toMatch(/undefined|null|NaN|\{\{/)
  }
  for (const name of ['Internal alert', 'Status update', 'Resolution'] as const) {
    expect(await messageGroup(page, name).getByRole('button', { name: /^Copy/ }).count(), name).toBe(1)
    expect(await messageGroup(page, name).getByRole('button', { name: 'Mark as posted', exact: true }).isEnabled(), name).toBe(true)
  }

  // Posting the internal alert logs its exact text on the timeline.
  const alertGroup = messageGroup(page, 'Internal alert')
  await alertGroup.getByRole('button', { name: 'Mark as posted', exact: true }).click()
  await alertGroup.getByRole('status').filter({ hasText: 'Logged on the timeline as posted.' }).waitFor(LOAD)
  await expectTimeline(page, [`Resolution: ${resolution}`, collapse(internal)])
  const posted = (await timelineEntries(page)).filter((entry) => entry.includes(collapse(internal)))
  expect(posted).toHaveLength(1)
  expect(posted[0]).toContain('Message')

  // The page with the checklist and the messages, whole.
  await page.getByRole('list', { name: 'Timeline' }).waitFor(LOAD)
  // From the top: the app bar is sticky, and a full-page shot of a scrolled page draws it mid-page.
  await page.evaluate(() => {
    window.scrollTo(0, 0)
  })
  await screenshot(page, 'runbook-incident-1440x900')
  // The harness shoots the viewport; the checklist, messages and report need the whole page.
  await page.screenshot({ path: `${SCREENSHOT_DIR}runbook-incident-full-1440x900.png`, fullPage: true, animations: 'disabled' })

  // The report: the preview is the file; wait until it has the posted message, then download.
  const postIncident = region(page, 'Post-incident')
  const preview = postIncident.getByRole('textbox', { name: 'Report preview (Markdown)' })
  await expect.poll(() => preview.inputValue(), LOAD).toContain(`Incident: ${id}`)
  const [download] = await Promise.all([
    page.waitForEvent('download', LOAD),
    postIncident.getByRole('button', { name: 'Download report', exact: true }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`${id}-report.md`)
  expect(download.suggestedFilename()).toMatch(/^INC-\d+-report\.md$/)
  expect(await download.failure()).toBeNull()
  const report = await readFile(await download.path(), 'utf8')
  expect(report).toBe(await preview.inputValue())

  const lines = report.split('\n')
  expect(lines[0]).toBe(`# ${id}: ${title}`)
  expect(report).toMatch(/^\| Severity \| P1 — Critical \(Service completely down\) \|$/m)
  expect(report).toMatch(/^\| Status \| Resolved \|$/m)
  expect(report).toContain(`| Impact | ${impact} |`)
  expect(report).toMatch(/^\| Affected services \| STT \|$/m)
  const section = (heading: string): string => {
    const start = report.indexOf(`\n## ${heading}\n`)
    expect(start, `a "## ${heading}" section`).toBeGreaterThan(-1)
    const rest = report.slice(start + heading.length + 5)
    const end = rest.indexOf('\n## ')
    return (end === -1 ? rest : rest.slice(0, end)).trim()
  }
  expect(section('Root cause')).toBe(rootCause)
  expect(section('Resolution')).toBe(resolution)
  const timeline = section('Timeline').split('\n')
  expect(timeline.slice(0, 2)).toEqual(['| Time | Who | Event | Details |', '| --- | --- | --- | --- |'])
  const rows = timeline.slice(2)
  for (const text of [
    `Declared P1 — ${title}`,
    ASSESSED,
    ASSIGNED,
    'Status investigating → resolved',
    `Root cause: ${rootCause}`,
    `Resolution: ${resolution}`,
    `[P1] ${title}<br>Status: Resolved`,
  ]) {
    expect(rows.filter((row) => row.includes(text)), text).toHaveLength(1)
  }
  expect(section('Durations')).toMatch(/^\| Time to resolve \| \d+ (second|minute)s? \|/m)
  expect(section('Response process')).toContain('- Triage: 2/3 steps')
  expect(report).not.toMatch(/undefined|NaN|\[object /)
})

test('/runbooks lists the four playbooks and its search filters them', async () => {
  const page = await newPage()
  await page.goto('/runbooks')
  await page.getByRole('heading', { level: 1, name: 'Runbooks' }).waitFor(LOAD)
  const playbooks = region(page, 'Playbooks')
  const titles = () => playbooks.getByRole('listitem').getByRole('heading', { level: 3 }).allInnerTexts()
  await expect.poll(titles, LOAD).toEqual(['Agent Not Responding', 'High Error Rate', 'Database Connection Lost', 'Rate Limiting Triggered'])
  expect(collapse(await playbooks.innerText())).toContain('4 playbooks')

  const search = playbooks.getByRole('searchbox', { name: 'Search runbooks' })
  await search.fill('429')
  await expect.poll(titles).toEqual(['Rate Limiting Triggered'])
  expect(collapse(await playbooks.innerText())).toContain('1 of 4 playbooks match')
  // The search is in the URL, so the link reproduces it.
  expect(new URL(page.url()).searchParams.get('q')).toBe('429')

  await search.fill('psql')
  await expect.poll(titles).toEqual(['Database Connection Lost'])

  await search.fill('no such symptom anywhere')
  await playbooks.getByText('No runbook matches “no such symptom anywhere”.').waitFor(LOAD)
  expect(await titles()).toEqual([])
  await playbooks.getByRole('button', { name: 'Clear search', exact: true }).click()
  await expect.poll(titles).toHaveLength(4)
  expect(await search.inputValue()).toBe('')

  // A card's link opens its playbook.
  await playbooks.getByRole('link', { name: 'Rate Limiting Triggered', exact: true }).click()
  await page.waitForURL(/\/runbooks\/rate-limiting$/, LOAD)
  await page.getByRole('heading', { level: 1, name: 'Rate Limiting Triggered' }).waitFor(LOAD)
})

test('/runbooks/rate-limiting shows its command and Copy puts it on the clipboard', async () => {
  const page = await newPage()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/runbooks/rate-limiting')
  await page.getByRole('heading', { level: 1, name: 'Rate Limiting Triggered' }).waitFor(LOAD)
  const investigation = region(page, 'Investigation')
  const command = 'grep "rate limit" logs/app/*.log'
  expect(await investigation.locator('pre code').allInnerTexts()).toEqual([command])
  expect(collapse(await region(page, 'Symptoms').innerText())).toContain('429 errors in logs')
  expect(await region(page, 'Resolution').getByRole('listitem').allInnerTexts()).toEqual([
    'Increase rate limit temporarily',
    'Add more API keys (load balance)',
    'Implement exponential backoff',
    'Upgrade API tier if needed',
  ])

  const copy = investigation.getByRole('button', { name: 'Copy: Check rate limit logs', exact: true })
  expect(await copy.innerText()).toBe('Copy')
  await copy.click()
  await investigation.getByRole('status').filter({ hasText: 'Copied' }).waitFor(LOAD)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command)
})

test('a hostile title stays text everywhere it is shown and runs nothing', async () => {
  const page = await newPage()
  const title = '<img src=x onerror="window.__pwned=1">'
  const { id } = await declareIncident(page, { title, severity: 'P2', impact: '<b>bold</b> & "quoted"', service: 'LLM' })

  const heading = page.getByRole('heading', { level: 1 })
  expect(await heading.textContent()).toBe(`${id} · ${title}`)
  await expect.poll(() => messageBox(page, 'Internal alert').inputValue(), LOAD).toContain(`[P2] ${title}\n`)
  await expectTimeline(page, [`Declared P2 — ${title}`])
  const preview = region(page, 'Post-incident').getByRole('textbox', { name: 'Report preview (Markdown)' })
  // The report escapes "<" so no Markdown renderer turns the title into HTML.
  await expect.poll(() => preview.inputValue(), LOAD).toContain(`# ${id}: \\<img src=x onerror="window.__pwned=1">`)

  // The list shows it as text too.
  await page.getByRole('link', { name: 'Incidents', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor(LOAD)
  const row = page.getByRole('table', { name: 'Incidents' }).getByRole('row').filter({ has: page.getByRole('link', { name: id, exact: true }) })
  await row.waitFor(LOAD)
  expect(await row.innerText()).toContain(title)

  await page.goto(`/incidents/${id}`)
  await heading.filter({ hasText: title }).waitFor(LOAD)
  expect(await page.locator('img[src="x"], img[onerror]').count()).toBe(0)
  expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
})

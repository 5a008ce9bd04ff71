/**
 * The war-room wall in a real browser: it fills the screen without scrolling and its
 * text is large; it says when data is stale and recovers; a P1 declared in another tab
 * takes it over.
 */
import type { Page } from 'playwright-core'
import { COMPONENTS } from '@/domain/catalog'
import { newPage, screenshot, takeProblems } from './browser'

const FULL_HD = { width: 1920, height: 1080 }
const UHD = { width: 3840, height: 2160 }
const KEY_FIGURES = ['STT latency', 'LLM latency', 'TTS latency', 'STT error rate', 'LLM error rate', 'TTS error rate']

interface DeclareBody {
  title: string
  severity: 'P1' | 'P2' | 'P3' | 'P4'
  impact: string
  services: string[]
}

/** POSTs to the API from inside the page, as the app would (the mock backend lives in the page). */
async function api(page: Page, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ path, body, headers }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      })
      return { status: response.status, json: (await response.json()) as unknown }
    },
    { path, body, headers },
  )
}

async function declare(page: Page, body: DeclareBody): Promise<{ id: string }> {
  const { status, json } = await api(page, '/api/incidents', body, { 'Idempotency-Key': `wall-spec-${body.title}-${Date.now()}` })
  expect(status).toBe(201)
  return json as { id: string }
}

/** Opens the wall and waits until every panel has data and every chart has drawn. */
async function openWall(page: Page, query = ''): Promise<void> {
  await page.goto(`/wall${query}`)
  await page.getByRole('heading', { level: 1, name: 'War room' }).waitFor()
  await page.getByRole('list', { name: 'Service health' }).waitFor({ timeout: 20_000 })
  for (const name of KEY_FIGURES) {
    const curve = page.getByRole('figure', { name }).locator('path.line-chart-series').first()
    await expect.poll(async () => (await curve.count()) > 0 && ((await curve.getAttribute('d')) ?? '') !== '', { timeout: 20_000 }).toBe(true)
  }
}

/** True when every chart's figure ends inside its box: nothing of it (legend, thresholds) is clipped. */
function chartsFit(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure')].every((figure) => {
      const box = figure.parentElement?.getBoundingClientRect()
      return box !== undefined && figure.getBoundingClientRect().bottom <= box.bottom + 1
    }),
  )
}

/**
 * Text in a region that is cut off: every HTML text node (the charts' SVG is the
 * chart's own business) whose box pokes out of an ancestor that clips it, or that an
 * ellipsis shortens. Text clamped to a number of lines on purpose (a tile's reason,
 * whole in its tooltip) is left out, as is screen-reader-only text.
 */
function clippedText(page: Page, region: string): Promise<string[]> {
  return page.getByRole('region', { name: region }).evaluate((root) => {
    const clipped: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const parent = node.parentElement
      if (text === '' || parent === null || parent.closest('svg, .sr-only') !== null) continue
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1)
      let cut = false
      for (let el: HTMLElement | null = parent; el !== null && !cut; el = el === root ? null : el.parentElement) {
        const style = getComputedStyle(el)
        if (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '') break
        if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) cut = true
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
        const box = el.getBoundingClientRect()
        cut ||= rects.some((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
      }
      if (cut) clipped.push(text)
    }
    return clipped
  })
}

/** Scroll extents against the viewport: the wall must never scroll. */
function scrollExtents(page: Page) {
  return page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }))
}

/**
 * The smallest computed font size among text a viewer can see: every non-blank text
 * node with a rendered box (screen-reader-only text, 1 px clipped, is skipped), in
 * HTML and in the charts' SVG, on screen.
 */
function smallestVisibleText(page: Page): Promise<{ size: number; samples: string[] }> {
  return page.evaluate(() => {
    let size = Number.POSITIVE_INFINITY
    const samples: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      const element = node.parentElement
      if (text === '' || element === null) continue
      const style = getComputedStyle(element)
      if (style.visibility !== 'visible' || style.display === 'none' || Number(style.opacity) === 0) continue
      range.selectNodeContents(node)
      // On screen: Recharts also keeps an off-screen span to measure text with.
      const visible = [...range.getClientRects()].some(
        (r) => r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < window.innerWidth && r.top < window.innerHeight,
      )
      if (!visible) continue
      const px = Number.parseFloat(style.fontSize)
      if (px < size) size = px
      if (px < 16 && samples.length < 10) samples.push(`${px}px: ${text.slice(0, 40)}`)
    }
    return { size, samples }
  })
}

/** A busy war room: an outage, a P1 and more open incidents than the panel holds. */
async function busyWall(page: Page): Promise<void> {
  await openWall(page, '?scenario=openai-outage&seed=1')
  await declare(page, { title: 'Voice agent down for all users', severity: 'P1', impact: 'All users', services: ['stt'] })
  for (const [i, severity] of (['P2', 'P2', 'P3', 'P3', 'P4', 'P4'] as const).entries()) {
    await declare(page, { title: `Degraded transcription in region ${i + 1}`, severity, impact: 'Some users', services: ['stt'] })
  }
  await page.getByRole('alert').filter({ hasText: 'P1 declared:' }).waitFor({ timeout: 20_000 })
  const incidents = page.getByRole('region', { name: 'Open incidents' })
  await incidents.getByText('7 open').waitFor({ timeout: 20_000 })
  // What does not fit is counted: the rows shown and the "+N more" add up to the seven.
  const shown = await incidents.getByRole('listitem').count()
  expect(await incidents.getByText(/^\+\d+ more$/).textContent()).toBe(`+${7 - shown} more`)
}

test('at 1920×1080 a busy wall fills the screen without scrolling, with no text under 16 px', async () => {
  const page = await newPage({ viewport: FULL_HD, colorScheme: 'dark' })
  await busyWall(page)

  const extents = await scrollExtents(page)
  expect(extents.scrollHeight).toBeLessThanOrEqual(extents.innerHeight)
  expect(extents.scrollWidth).toBeLessThanOrEqual(extents.innerWidth)
  const smallest = await smallestVisibleText(page)
  expect(smallest.samples).toEqual([])
  expect(smallest.size).toBeGreaterThanOrEqual(16)

  // Every panel is still on screen, bottom edge included.
  for (const name of ['Service health', 'Open incidents', 'Alerts', 'Key metrics, last hour']) {
    const box = await page.getByRole('region', { name }).boundingBox()
    expect(box, name).not.toBeNull()
    expect((box?.y ?? 0) + (box?.height ?? 0), name).toBeLessThanOrEqual(FULL_HD.height)
  }
  // The charts re-fit after the banner took room.
  await expect.poll(() => chartsFit(page), { timeout: 5_000 }).toBe(true)
  // Tile names, states and the verdicts beside the key figures are read whole.
  expect(await clippedText(page, 'Service health')).toEqual([])
  expect(await clippedText(page, 'Key metrics, last hour')).toEqual([])
  await screenshot(page, 'wall-1920x1080-busy')
})

test('at 3840×2160 the same wall scales up: no scrolling, text twice as large', async () => {
  const page = await newPage({ viewport: UHD, colorScheme: 'dark' })
  await busyWall(page)

  const extents = await scrollExtents(page)
  expect(extents.scrollHeight).toBeLessThanOrEqual(extents.innerHeight)
  expect(extents.scrollWidth).toBeLessThanOrEqual(extents.innerWidth)
  expect((await smallestVisibleText(page)).size).toBeGreaterThanOrEqual(32)
  await expect.poll(() => chartsFit(page), { timeout: 5_000 }).toBe(true)
  expect(await clippedText(page, 'Service health')).toEqual([])
  expect(await clippedText(page, 'Key metrics, last hour')).toEqual([])
  await screenshot(page, 'wall-3840x2160-busy')
})

test('at 1920×1080 with the voice agent down, its tile is first and all eight tiles are read whole without scrolling', async () => {
  const page = await newPage({ viewport: FULL_HD, colorScheme: 'dark' })
  await page.goto('/wall?scenario=agent-down&seed=1')
  await page.getByRole('heading', { level: 1, name: 'War room' }).waitFor()
  const tiles = page.getByRole('list', { name: 'Service health' }).getByRole('listitem')
  await expect.poll(async () => (await tiles.first().textContent()) ?? '', { timeout: 20_000 }).toMatch(/^Voice agent: down\b/)
  expect(await tiles.count()).toBe(COMPONENTS.length)
  // The key figures do not pass off the last value before the crash as the value now.
  for (const name of KEY_FIGURES) {
    expect(await page.locator('p', { hasText: `${name} now:` }).textContent(), name).toMatch(new RegExp(`^${name} now: —\\s*no data$`))
  }

  const extents = await scrollExtents(page)
  expect(extents.scrollHeight).toBeLessThanOrEqual(extents.innerHeight)
  expect(extents.scrollWidth).toBeLessThanOrEqual(extents.innerWidth)
  // Eight tiles side by side: "Voice agent", "OpenAI API", "UNKNOWN" still fit an eighth of the screen.
  expect(await clippedText(page, 'Service health')).toEqual([])
  expect((await smallestVisibleText(page)).samples).toEqual([])
  await screenshot(page, 'wall-1920x1080-agent-down')
})

test('under injected faults every panel says once that it is stale, keeps its data, and recovers when the faults end', async () => {
  const page = await newPage({ viewport: FULL_HD, colorScheme: 'dark' })
  // The fastest refresh a wall accepts (2 s) keeps the test short; the staleness rules scale with it.
  await openWall(page, '?refresh=2s&scenario=healthy&seed=1')
  // Each panel's live region is in place before anything goes wrong, and says nothing.
  const statuses = page.getByRole('status')
  expect(await statuses.allTextContents()).toEqual(['', '', '', ''])

  expect((await api(page, '/api/simulator', { faults: { rate: 1, status: 503 } })).status).toBe(200)
  const stale = statuses.filter({ hasText: /Stale — / })
  await expect.poll(() => stale.count(), { timeout: 20_000 }).toBe(4)
  // The live regions hold one sentence each, with the time and age of the last data; the age is in
  // whole minutes, so the sentence is not re-announced every second.
  const sentences = await stale.allTextContents()
  for (const sentence of sentences) expect(sentence).toMatch(/: Stale — The server failed\. Last data at \d\d:\d\d:\d\d, (under a minute|1 min) ago$/)
  await page.waitForTimeout(3_000)
  expect(await stale.allTextContents()).toEqual(sentences)
  // The last good data stays on screen.
  expect(await page.getByRole('list', { name: 'Service health' }).getByRole('listitem').count()).toBe(COMPONENTS.length)
  for (const name of KEY_FIGURES) expect(await page.getByRole('figure', { name }).count()).toBe(1)
  // The notices wrap rather than lose words, in the narrow panels too.
  for (const region of ['Service health', 'Open incidents', 'Alerts', 'Key metrics, last hour']) expect(await clippedText(page, region)).toEqual([])
  await screenshot(page, 'wall-1920x1080-stale')

  expect((await api(page, '/api/simulator', { faults: null })).status).toBe(200)
  await expect.poll(() => stale.count(), { timeout: 40_000 }).toBe(0)
  // Recovery is announced once too, in the same regions; nothing is left visible.
  await expect.poll(() => statuses.filter({ hasText: /: data is current again\.$/ }).count(), { timeout: 5_000 }).toBe(4)
  expect(await page.getByText(/ ago$/).count()).toBe(0)

  // Chromium logs every failed response; those 503s were provoked on purpose, nothing else may appear.
  const problems = takeProblems(page)
  expect(problems.filter((p) => !/Failed to load resource: the server responded with a status of 503/.test(p))).toEqual([])
})

test('a P1 declared in another tab takes over the wall within a few refreshes', async () => {
  const wall = await newPage({ viewport: FULL_HD, colorScheme: 'dark' })
  await openWall(wall, '?scenario=healthy&seed=1')
  expect(await wall.getByRole('alert').count()).toBe(0)
  expect(await wall.title()).toBe('War room · Vigil')

  // A responder's tab in the same browser: the same mock world (localStorage), another page.
  const responder = await wall.context().newPage()
  await responder.goto('/incidents')
  await responder.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor()
  const { status, json } = await api(
    responder,
    '/api/incidents',
    { title: 'Nobody can reach the agent', severity: 'P1', impact: 'All users', services: ['livekit'] },
    { 'Idempotency-Key': `wall-spec-p1-${Date.now()}` },
  )
  expect(status).toBe(201)
  const { id } = json as { id: string }

  // Live updates bring the takeover within a second, so the 5-minute clock may not have ticked yet.
  const banner = wall.getByRole('alert').filter({ hasText: `P1 declared: ${id} Nobody can reach the agent` })
  await banner.waitFor({ timeout: 20_000 })
  await expect.poll(() => wall.title(), { timeout: 5_000 }).toBe(`⚠ P1 ${id} · Vigil`)
  expect(await wall.getByRole('region', { name: `P1 declared: ${id} Nobody can reach the agent` }).textContent()).toMatch(/Ack due in (5:00|4:[0-5]\d)/)
  await expect.poll(() => chartsFit(wall), { timeout: 5_000 }).toBe(true)
  await screenshot(wall, 'wall-1920x1080-p1-takeover')
})

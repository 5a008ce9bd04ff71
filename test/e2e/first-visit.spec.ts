import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { newPage, takeProblems } from './browser'

interface BudgetReport {
  firstVisitFiles: string[]
  mockFiles: string[]
}

const root = fileURLToPath(new URL('../..', import.meta.url))

/** scripts/bundle-budget.mjs's view of dist/ (it exits 1 when over budget; the lists stand anyway). */
function budgetReport(): BudgetReport {
  const run = spawnSync('node', ['scripts/bundle-budget.mjs', '--json'], { cwd: root, encoding: 'utf8' })
  if (run.stdout === '') throw new Error(`bundle-budget.mjs --json printed nothing: ${run.stderr}`)
  return JSON.parse(run.stdout) as BudgetReport
}

/** The dist/ paths (assets/…js) of every script the page downloads from now on. */
function recordScripts(page: Page): Set<string> {
  const scripts = new Set<string>()
  page.on('response', (response) => {
    const { pathname } = new URL(response.url())
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) scripts.add(pathname.slice(1))
  })
  return scripts
}

async function waitForOverviewCharts(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
  for (const figure of ['STT latency', 'LLM latency', 'TTS latency']) {
    await page.getByRole('figure', { name: figure }).waitFor({ timeout: 20_000 })
  }
}

test('a first visit of / downloads exactly the chunks the bundle budget counts, mock backend included', async () => {
  const report = budgetReport()
  const page = await newPage()
  const scripts = recordScripts(page)
  await page.goto('/')
  await waitForOverviewCharts(page)
  await page.getByRole('list', { name: 'Service health' }).waitFor()

  expect([...scripts].toSorted()).toEqual([...report.firstVisitFiles, ...report.mockFiles].toSorted())
})

test('with a real backend configured, the mock backend is never downloaded', async () => {
  const report = budgetReport()
  const page = await newPage()
  const scripts = recordScripts(page)
  // config.json beside the app switches to real sources; this "real" backend refuses every call.
  await page.route('**/config.json', (route) => route.fulfill({ json: { backend: 'http', apiBaseUrl: '' } }))
  await page.route('**/api/**', (route) => route.abort('connectionrefused'))
  await page.goto('/')
  // main.tsx decides on the mock backend before it renders anything, and the Overview's
  // charts chunk loads whatever the API answers: wait for every first-visit chunk.
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
  await expect.poll(() => report.firstVisitFiles.filter((file) => !scripts.has(file)), { timeout: 20_000 }).toEqual([])

  expect(report.mockFiles.length).toBeGreaterThan(0)
  expect([...scripts].toSorted()).toEqual(report.firstVisitFiles.toSorted())
  // The refused API calls are the only errors this page may report; closing it first
  // stops the app's retries from logging more after the check.
  await page.close()
  for (const problem of takeProblems(page)) expect(problem).toMatch(/ERR_CONNECTION_REFUSED \(http:\/\/[^/]+\/api\//)
})

/**
 * The built app against the Vigil server reading a real Prometheus (Debian's, started by
 * test/support/prometheus.ts) that scrapes the exporter and evaluates the generated rules.
 * In `db-connection-lost` Prometheus fires "Database connection lost": /alerts shows it
 * with its playbook and the Database tile turns red. Stopping Prometheus turns the panels
 * stale with a message naming it; starting it again brings them back without a reload.
 */
import type { Page } from 'playwright-core'
import { vigilRulesYaml } from '@/backend/prometheus/rules-file'
import { startExporter, type Exporter } from '../../../server/exporter/exporter'
import { requirePrometheus, startPrometheus, type TestPrometheus } from '../../support/prometheus'
import { newPage, screenshot, takeProblems } from '../browser'
import { startVigilServer, type VigilServer } from './serve'

const LOAD = { timeout: 30_000 }
const available = requirePrometheus()

let exporter: Exporter
let prometheus: TestPrometheus
let server: VigilServer

async function steer(scenario: string): Promise<void> {
  const response = await fetch(`${exporter.url}/api/simulator`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario }),
  })
  expect(response.status).toBe(200)
}

async function openOnServer(path: string): Promise<Page> {
  const page = await newPage({ baseURL: server.baseURL })
  await page.goto(path)
  return page
}

describe.skipIf(!available)('Vigil on a real Prometheus', () => {
  beforeAll(async () => {
    exporter = await startExporter({ seed: 1, scenario: 'healthy' })
    prometheus = await startPrometheus({ exporter: `127.0.0.1:${exporter.port}`, rules: vigilRulesYaml({ window: '10s' }) })
    server = await startVigilServer({
      env: { VIGIL_METRICS: 'prometheus', PROMETHEUS_URL: prometheus.url, VIGIL_PROMETHEUS_RATE_WINDOW: '10s' },
    })
  }, 120_000)

  afterAll(async () => {
    await (server as VigilServer | undefined)?.stop()
    await (prometheus as TestPrometheus | undefined)?.close()
    await (exporter as Exporter | undefined)?.close()
  })

  test('with the database connection lost, /alerts shows Prometheus firing it with its playbook, and the Database tile is red', async () => {
    await steer('db-connection-lost')
    const page = await openOnServer('/alerts?state=firing')
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor(LOAD)
    const firing = page.getByRole('list', { name: /^Firing \(\d+\)$/ })
    const item = firing.getByRole('listitem').filter({ hasText: 'Database connection lost' })
    await item.first().waitFor({ timeout: 45_000 })
    expect(await item.first().getByRole('link', { name: 'Playbook: Database Connection Lost' }).count()).toBe(1)
    await screenshot(page, 'prometheus-alerts-db-connection-lost')

    await page.goto('/')
    const tile = page.getByRole('list', { name: 'Service health' }).getByRole('listitem').filter({ hasText: 'Database' })
    await expect.poll(async () => (await tile.first().textContent()) ?? '', { timeout: 30_000 }).toMatch(/down/i)
    await screenshot(page, 'prometheus-overview-db-connection-lost')
    expect(takeProblems(page)).toEqual([])
  }, 120_000)

  test('stopping Prometheus turns the panels stale with a message naming it; starting it again brings them back without a reload', async () => {
    await steer('healthy')
    const page = await openOnServer('/')
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor(LOAD)
    await page.getByRole('list', { name: 'Service health' }).waitFor(LOAD)

    await prometheus.stop()
    const namesPrometheus = page.getByText(/Prometheus/).filter({ hasNotText: 'Simulated' })
    await expect.poll(() => namesPrometheus.count(), { timeout: 60_000 }).toBeGreaterThan(0)
    // The last good tiles stay on screen, marked stale, instead of blanking.
    expect(await page.getByRole('list', { name: 'Service health' }).count()).toBe(1)
    await screenshot(page, 'prometheus-stopped-overview')

    await prometheus.start()
    await expect.poll(() => namesPrometheus.count(), { timeout: 90_000 }).toBe(0)
    // The browser logs the failed responses it saw while Prometheus was down; nothing else may appear.
    const problems = takeProblems(page).filter((p) => !/Failed to load resource: the server responded with a status of 50[234]/.test(p))
    expect(problems).toEqual([])
  }, 200_000)
})

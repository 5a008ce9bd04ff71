/**
 * The whole server over HTTP: VIGIL_LOG_FILE gives GET /api/logs the file's lines, with
 * the panel's filters, on the simulator and on Prometheus; Prometheus without a file
 * gives no lines and says so. The answers keep the contract.
 */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { logsResponse } from '@/api/schemas'
import { startTestServer, type TestServer } from '../../testing'

const NOW = Date.parse('2026-05-01T12:00:00.000Z')
let dir = ''
let path = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-logfile-server-'))
  path = join(dir, 'agent.log')
  await writeFile(path, ['INFO Participant joined room room-001', 'ERROR STT request failed: timeout', '{"level":"warn","msg":"slow","component":"llm"}', ''].join('\n'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function withServer(env: Record<string, string>, run: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startTestServer({ database: { kind: 'pglite-memory' }, env, now: () => NOW })
  try {
    await run(server)
  } finally {
    await server.close()
  }
}

async function logs(server: TestServer, query = ''): Promise<ReturnType<typeof logsResponse.parse>> {
  const response = await fetch(`${server.baseUrl}/api/logs${query}`)
  expect(response.status).toBe(200)
  return logsResponse.parse(await response.json())
}

test('the simulator with VIGIL_LOG_FILE: the file\'s lines, filtered, newest first, following appends', async () => {
  await withServer({ VIGIL_LOG_FILE: path }, async (server) => {
    const all = await logs(server)
    expect(all.source).toEqual({ kind: 'file', detail: `Following ${path}` })
    expect(all.lines.map((l) => `${l.level} ${l.service} ${l.message}`)).toEqual([
      'WARN llm slow',
      'ERROR stt STT request failed: timeout',
      'INFO agent Participant joined room room-001',
    ])
    expect((await logs(server, '?level=ERROR')).lines.map((l) => l.message)).toEqual(['STT request failed: timeout'])
    expect((await logs(server, '?service=llm&q=SLOW&limit=5')).lines.map((l) => l.message)).toEqual(['slow'])

    await appendFile(path, 'FATAL the agent fell over\n')
    expect((await logs(server, '?level=ERROR&limit=1')).lines.map((l) => l.message)).toEqual(['[FATAL] the agent fell over'])
    // A bad filter is refused as before.
    expect((await fetch(`${server.baseUrl}/api/logs?level=LOUD`)).status).toBe(400)
  })
}, 60_000)

test('Prometheus without VIGIL_LOG_FILE: no lines, never simulated ones, and the answer says why', async () => {
  await withServer({ VIGIL_METRICS: 'prometheus', PROMETHEUS_URL: 'http://127.0.0.1:9' }, async (server) => {
    expect(await logs(server)).toEqual({ lines: [], source: { kind: 'none', detail: 'No log source configured: set VIGIL_LOG_FILE' } })
  })
}, 60_000)

test('Prometheus with VIGIL_LOG_FILE: the file\'s lines', async () => {
  const own = join(dir, 'prometheus-agent.log')
  await writeFile(own, 'ERROR LLM request timed out\nINFO LLM reply sent\n')
  await withServer({ VIGIL_METRICS: 'prometheus', PROMETHEUS_URL: 'http://127.0.0.1:9', VIGIL_LOG_FILE: own }, async (server) => {
    const answer = await logs(server, '?level=ERROR')
    expect(answer.source).toEqual({ kind: 'file', detail: `Following ${own}` })
    expect(answer.lines.map((l) => `${l.service} ${l.message}`)).toEqual(['llm LLM request timed out'])
  })
}, 60_000)

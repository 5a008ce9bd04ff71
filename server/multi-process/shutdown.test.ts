/**
 * `npm run serve` as an operator meets it: one JSON log line per request, and SIGTERM that
 * lets in-flight requests finish, ends event streams and exits cleanly, losing nothing that
 * was answered with a 2xx.
 */
import { inject } from 'vitest'
import { createTestDatabase, requirePostgres } from '../../test/support/postgres-cluster'
import { buildServerBundle, startServerProcess, type ServerBundle } from './server-process'

const postgresUrl = inject('postgresUrl')
const skip = postgresUrl === '' && !requirePostgres()

describe.skipIf(skip)('a server process stopped with SIGTERM', () => {
  let bundle: ServerBundle
  beforeAll(async () => {
    bundle = await buildServerBundle()
  }, 60_000)
  afterAll(async () => {
    await bundle.remove()
  })

  test('finishes what it answered, ends its streams, exits 0, and logs one line per request', async () => {
    const database = await createTestDatabase(postgresUrl)
    try {
      const server = await startServerProcess({ name: 'A', entry: bundle.entry, databaseUrl: database.url, env: { LOG_LEVEL: 'info' } })
      const headers = { 'Content-Type': 'application/json', Origin: server.origin }
      const declared = await fetch(`${server.baseUrl}/api/incidents`, {
        method: 'POST',
        headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ title: 'Shutdown drill', severity: 'P3', impact: 'None', services: [] }),
      })
      const { id } = (await declared.json()) as { id: string }
      const stream = await fetch(`${server.baseUrl}/api/events`)
      const streamEnded = stream.text().then(() => 'ended', () => 'ended')

      const notes = Array.from({ length: 20 }, (_, i) =>
        fetch(`${server.baseUrl}/api/incidents/${id}/notes`, {
          method: 'POST',
          headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify({ text: `note ${i}` }),
        }).then(
          async (r) => ({ status: r.status, text: r.status === 201 ? ((await r.json()) as { text: string }).text : null }),
          () => ({ status: 0, text: null }),
        ),
      )
      process.kill(server.pid, 'SIGTERM')
      const answers = await Promise.all(notes)
      expect(await streamEnded).toBe('ended')
      const exitCode = await server.exited()
      expect(exitCode).toBe(0)
      // Every answer is a success, a 503 "closing" or a refused connection; never a 500.
      for (const a of answers) expect([0, 201, 503]).toContain(a.status)

      const log = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string; method?: string; url?: string; status?: number })
      const requestLines = log.filter((l) => l.msg === 'request')
      expect(requestLines.find((l) => l.method === 'POST' && l.url === '/api/incidents')).toMatchObject({ status: 201 })
      expect(log.some((l) => l.msg.includes('shutting down'))).toBe(true)

      // What was answered 201 is there after a restart.
      const again = await startServerProcess({ name: 'A again', entry: bundle.entry, databaseUrl: database.url })
      try {
        const timeline = (await (await fetch(`${again.baseUrl}/api/incidents/${id}/timeline`)).json()) as { events: { kind: string; text: string }[] }
        const saved = new Set(timeline.events.filter((e) => e.kind === 'note').map((e) => e.text))
        for (const a of answers) if (a.text !== null) expect(saved.has(a.text)).toBe(true)
      } finally {
        await again.close()
      }
    } finally {
      await database.drop()
    }
  }, 90_000)
})

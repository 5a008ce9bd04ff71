/**
 * A real server for tests: the whole app on a free loopback port, over PGlite in memory
 * or a PostgreSQL URL, with default settings unless a test says otherwise.
 */
import type { FastifyInstance } from 'fastify'
import { ROSTER } from '@/backend/roster'
import { buildApp } from './app'
import { loadRoster, loadRunbooks } from './team-files'
import { openDatabase, type Database } from './db/database'
import { readSettings, type Settings } from './settings'

export interface TestServer {
  baseUrl: string
  app: FastifyInstance
  db: Database
  settings: Settings
  close(): Promise<void>
}

export interface TestServerOptions {
  database: { kind: 'pglite-memory' } | { kind: 'postgres'; url: string }
  /** Extra environment, as `npm run serve` would read it (HOST and PORT are the test's). */
  env?: Record<string, string>
  now?: () => number
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const read = readSettings({ LOG_LEVEL: 'silent', ...options.env, HOST: '127.0.0.1', PORT: '0' })
  if (!read.ok) throw new Error(`Invalid test settings: ${read.problems.join('; ')}`)
  const settings = read.settings
  const db = await openDatabase(options.database)
  const roster = settings.rosterFile === null ? ROSTER : await loadRoster(settings.rosterFile)
  const runbooks = await loadRunbooks(settings.runbooksFile)
  const app = await buildApp({ settings, db, roster, runbooks, logger: false, ...(options.now ? { now: options.now } : {}) })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('The test server has no TCP address.')
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    db,
    settings,
    async close() {
      await app.close()
      await db.close()
    },
  }
}

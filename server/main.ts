/**
 * `npm run serve`: reads the settings, opens the database (running its migrations),
 * builds the app and listens. On SIGTERM or SIGINT it stops accepting, lets in-flight
 * requests finish, closes the database and exits.
 */
import { helpText, readSettings } from './settings'
import { buildApp } from './app'
import { openDatabase } from './db/database'
import { loadRoster, loadRunbooks } from './team-files'

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText())
    return 0
  }
  const read = readSettings(process.env)
  if (!read.ok) {
    process.stderr.write(`Vigil cannot start; fix these settings (npm run serve -- --help lists them all):\n${read.problems.map((p) => `  - ${p}`).join('\n')}\n`)
    return 2
  }
  const { settings } = read

  let db
  let roster
  let runbooks
  try {
    roster = await loadRoster(settings.rosterFile)
    runbooks = await loadRunbooks(settings.runbooksFile)
    // The app's logger does not exist yet: the driver's own news (migrations, a lost LISTEN) as the same JSON lines.
    const log = (msg: string) => {
      process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg })}\n`)
    }
    db = await openDatabase(settings.database.kind === 'postgres' ? settings.database : { kind: 'pglite', dataDir: settings.database.dataDir }, { log })
  } catch (error) {
    process.stderr.write(`Vigil cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }

  const app = await buildApp({ settings, db, roster, runbooks })
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
  }
  process.once('SIGTERM', () => {
    shutdown('SIGTERM')
  })
  process.once('SIGINT', () => {
    shutdown('SIGINT')
  })

  try {
    await app.listen({ host: settings.host, port: settings.port })
  } catch (error) {
    app.log.error({ err: error }, 'cannot listen')
    await db.close()
    return 1
  }
  const where = settings.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${settings.database.dataDir}`
  app.log.info({ database: db.kind, metrics: settings.metrics.kind, auth: settings.auth.kind }, `Vigil is serving with incidents in ${where}`)
  return -1
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (error: unknown) => {
    process.stderr.write(`Vigil failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)

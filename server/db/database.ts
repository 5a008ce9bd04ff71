/**
 * Opens the database a server runs on: PGlite in a folder (the default, under its data-dir
 * lock), in memory for tests, or PostgreSQL from DATABASE_URL; then runs pending migrations.
 * The interface both drivers implement, and how their values come back, is in driver.ts.
 */
import { acquireDataDirLock } from './data-dir-lock'
import { migrate } from './migrate'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'
import type { Database, DriverDatabase } from './driver'

export type { Database, DriverDatabase, ScriptSql, Sql } from './driver'

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' } | { kind: 'postgres'; url: string }

export interface OpenOptions {
  log?: (msg: string) => void
}

/**
 * Opens, takes the data-dir lock for PGlite folders, runs pending migrations, returns the Database.
 * A PGlite folder holds `vigil.lock` and the database files in `pgdata/`.
 */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  const log = options.log ?? (() => undefined)
  const db = await openDriver(target, log)
  try {
    await migrate(db, log)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}

async function openDriver(target: DatabaseTarget, log: (msg: string) => void): Promise<DriverDatabase> {
  switch (target.kind) {
    case 'postgres':
      return openPostgres(target.url, { log })
    case 'pglite-memory':
      return openPglite(null, { log })
    case 'pglite': {
      const lock = await acquireDataDirLock(target.dataDir)
      try {
        return await openPglite(target.dataDir, { lock, log })
      } catch (error) {
        await lock.release()
        throw error
      }
    }
  }
}

/**
 * Versioned schema migrations, applied in order when the server opens its database.
 *
 * The SQL files are imported as text (`?raw`), so they travel inside the bundle: the same list
 * works from the TypeScript sources under vitest and from dist-server/main.js. To change the
 * schema, add `migrations/00N_<what>.sql` and append it to MIGRATIONS; never edit a migration
 * that has shipped (a changed checksum is reported at start).
 *
 * Several servers may start at once on one PostgreSQL: every migration transaction first takes
 * the same transaction-scoped advisory lock, then re-reads what is applied, so each migration runs
 * exactly once and the others wait and find it done.
 */
import { createHash } from 'node:crypto'
import type { DriverDatabase, ScriptSql } from './driver'
import incidents001 from './migrations/001_incidents.sql?raw'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '001_incidents', sql: incidents001 }]

/** An arbitrary constant: the advisory lock that serialises migrations ("vigil" in ASCII). */
const MIGRATION_LOCK = 0x76_69_67_69_6c

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`

export interface MigrateResult {
  /** Versions applied by this call (empty when the schema was already current). */
  applied: number[]
}

export async function migrate(db: DriverDatabase, log: (msg: string) => void = () => undefined, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  checkOrder(migrations)
  const known = await db.transaction(async (tx) => {
    await lockAndPrepare(tx)
    return tx.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
  })
  const byVersion = new Map(known.map((row) => [row.version, row]))
  for (const row of known) {
    const mine = migrations.find((m) => m.version === row.version)
    if (!mine) log(`Database schema: migration ${row.name} is applied but unknown to this server (a newer version ran here)`)
    else if (checksum(mine.sql) !== row.checksum) log(`Database schema: migration ${mine.name} was changed after it was applied; the change is not applied`)
  }

  const applied: number[] = []
  for (const migration of migrations) {
    if (byVersion.has(migration.version)) continue
    const ran = await db.transaction(async (tx) => {
      await lockAndPrepare(tx)
      // Another server may have applied it while this one waited for the lock.
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version])
      if (done.length > 0) return false
      await tx.exec(migration.sql)
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksum(migration.sql)])
      return true
    })
    if (ran) {
      applied.push(migration.version)
      log(`Database schema: applied ${migration.name}`)
    }
  }
  return { applied }
}

async function lockAndPrepare(tx: ScriptSql): Promise<void> {
  // The pool's statement timeout is for requests: a migration on a big table, or the wait for
  // another server's migration, may take longer.
  await tx.query("SET LOCAL statement_timeout = '10min'")
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK])
  await tx.exec(CREATE_TABLE)
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3, … in order; found ${m.name} at position ${i + 1}`)
  })
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex')
}

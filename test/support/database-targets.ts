/**
 * The two databases the server runs on, for tests that must pass on both: PGlite in memory and
 * the run's throwaway PostgreSQL cluster (a fresh database each time, see postgres-global-setup).
 *
 *   for (const target of databaseTargets()) {
 *     describe.skipIf(target.skip)(`… on ${target.label}`, () => { … target.open() … })
 *   }
 */
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../server/db/database'
import { createTestDatabase, POSTGRES_MISSING } from './postgres-cluster'

export interface OpenedTestDatabase {
  db: Database
  /** The PostgreSQL URL of this database (null on PGlite), e.g. to open a second server on it. */
  url: string | null
  /** Closes the database and, on PostgreSQL, drops it. */
  close(): Promise<void>
}

export interface DatabaseTarget {
  kind: 'pglite' | 'postgres'
  /** "PGlite (memory)", or "PostgreSQL", with the reason when skipped. */
  label: string
  /** True when this target cannot run here (PostgreSQL missing outside CI). */
  skip: boolean
  open(): Promise<OpenedTestDatabase>
}

export function databaseTargets(): DatabaseTarget[] {
  const postgresUrl = inject('postgresUrl')
  return [
    {
      kind: 'pglite',
      label: 'PGlite (memory)',
      skip: false,
      async open() {
        const db = await openDatabase({ kind: 'pglite-memory' })
        return { db, url: null, close: () => db.close() }
      },
    },
    {
      kind: 'postgres',
      label: postgresUrl === '' ? `PostgreSQL (skipped: ${POSTGRES_MISSING})` : 'PostgreSQL',
      skip: postgresUrl === '',
      async open() {
        const fresh = await createTestDatabase(postgresUrl)
        const db = await openDatabase({ kind: 'postgres', url: fresh.url })
        return {
          db,
          url: fresh.url,
          async close() {
            await db.close()
            await fresh.drop()
          },
        }
      },
    },
  ]
}

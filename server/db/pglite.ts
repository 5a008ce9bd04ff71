/**
 * The embedded driver: PGlite, PostgreSQL compiled to WebAssembly, running inside this process on
 * a folder (or in memory for tests). It is a single connection, so:
 * - PGlite's own `transaction()` holds a mutex for the whole BEGIN…COMMIT, and plain `query()`
 *   calls wait for it too: concurrent callers queue instead of interleaving statements inside
 *   someone else's transaction. Inside `transaction(fn)`, use only `tx` — calling the database
 *   itself from within fn would wait for the very transaction it is part of.
 * - LISTEN/NOTIFY works within the one session: a NOTIFY sent in a transaction reaches the
 *   listeners when it commits, never when it rolls back. There is no connection to lose, so
 *   `onReconnect` is never called.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { DriverDatabase, ScriptSql } from './driver'
import { assertChannelName, parseInt8, parseTimestamptz, TYPE_OIDS } from './pg-values'

export interface PgliteOptions {
  /** Held while the folder is open; released after PGlite has closed. */
  lock?: { release(): Promise<void> }
  log?: (msg: string) => void
}

/** Opens PGlite in `<dataDir>/pgdata`, or in memory when dataDir is null. */
export async function openPglite(dataDir: string | null, options: PgliteOptions = {}): Promise<DriverDatabase> {
  const log = options.log ?? (() => undefined)
  let location = 'memory://'
  if (dataDir !== null) {
    location = path.join(path.resolve(dataDir), 'pgdata')
    await mkdir(location, { recursive: true })
  }
  const pg = await PGlite.create(location, {
    // PostgreSQL's default 128 MB of shared buffers made the embedded server alone ~310 MB of
    // RSS; an incident store fits in far less (war room: 384 → 257 MB, same latency).
    postgresqlconf: ['shared_buffers = 16MB'],
    parsers: { [TYPE_OIDS.timestamptz]: parseTimestamptz, [TYPE_OIDS.int8]: parseInt8 },
  })

  let closing: Promise<void> | null = null

  const query = async <R>(text: string, params?: readonly unknown[]): Promise<R[]> =>
    (await pg.query<R>(text, params ? [...params] : undefined)).rows

  const txSql = (tx: Transaction): ScriptSql => ({
    query: async <R>(text: string, params?: readonly unknown[]) => (await tx.query<R>(text, params ? [...params] : undefined)).rows,
    exec: async (script: string) => {
      await tx.exec(script)
    },
  })

  return {
    kind: 'pglite',
    query,
    transaction: (fn) => pg.transaction((tx) => fn(txSql(tx))),
    async listen(channel, onNotify) {
      assertChannelName(channel)
      const unlisten = await pg.listen(channel, (payload) => {
        try {
          onNotify(payload)
        } catch (error) {
          log(`LISTEN ${channel}: the handler threw: ${String(error)}`)
        }
      })
      let stopped = false
      return async () => {
        if (stopped || pg.closed) return
        stopped = true
        await unlisten()
      }
    },
    async ping() {
      await query('SELECT 1')
    },
    close() {
      closing ??= (async () => {
        try {
          await pg.close()
        } finally {
          await options.lock?.release()
        }
      })()
      return closing
    },
  }
}

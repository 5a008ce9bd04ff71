import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { databaseTargets, type OpenedTestDatabase } from '../../test/support/database-targets'
import { createTestDatabase, POSTGRES_MISSING } from '../../test/support/postgres-cluster'
import { openDatabase } from './database'
import { incidentRepository } from './incident-repository'
import { MIGRATIONS } from './migrate'

const waitForCondition = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

for (const target of databaseTargets()) {
  describe.skipIf(target.skip)(`database on ${target.label}`, () => {
    let opened: OpenedTestDatabase

    beforeAll(async () => {
      opened = await target.open()
    }, 60_000)

    afterAll(async () => {
      await opened.close()
    })

    test('says which driver it is and answers ping', async () => {
      expect(opened.db.kind).toBe(target.kind)
      await expect(opened.db.ping()).resolves.toBeUndefined()
    })

    test('values come back the same from both drivers: ISO timestamps, parsed jsonb, numbers for int8', async () => {
      const [row] = await opened.db.query(
        `SELECT $1::timestamptz AS at, '2024-05-01 12:00:00.123456+02'::timestamptz AS micro, $2::jsonb AS doc,
                12345678901::int8 AS big, 7::int4 AS small, true AS yes, NULL::text AS nothing, $3::text AS odd`,
        ['2024-05-01T10:00:00.000+03:00', JSON.stringify({ a: [1, 'two', null], b: { c: true } }), 'é𝕏\u200B'],
      )
      expect(row).toEqual({
        at: '2024-05-01T07:00:00.000Z',
        micro: '2024-05-01T10:00:00.123Z',
        doc: { a: [1, 'two', null], b: { c: true } },
        big: 12345678901,
        small: 7,
        yes: true,
        nothing: null,
        odd: 'é𝕏\u200B',
      })
    })

    test('a JSON array passed as a stringified parameter stays a JSON array', async () => {
      const [row] = await opened.db.query<{ doc: unknown }>('SELECT $1::jsonb AS doc', [JSON.stringify(['a', 'b'])])
      expect(row?.doc).toEqual(['a', 'b'])
    })

    test('a transaction commits what fn did and returns its value', async () => {
      await opened.db.query('CREATE TABLE IF NOT EXISTS t_commit (n int)')
      const value = await opened.db.transaction(async (tx) => {
        await tx.query('INSERT INTO t_commit VALUES ($1)', [1])
        await tx.query('INSERT INTO t_commit VALUES ($1)', [2])
        return 'done'
      })
      expect(value).toBe('done')
      expect(await opened.db.query('SELECT n FROM t_commit ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }])
    })

    test('a transaction whose fn throws rolls back and rethrows the same error', async () => {
      await opened.db.query('CREATE TABLE IF NOT EXISTS t_rollback (n int)')
      const error = new Error('stop')
      await expect(
        opened.db.transaction(async (tx) => {
          await tx.query('INSERT INTO t_rollback VALUES (1)')
          throw error
        }),
      ).rejects.toBe(error)
      await expect(
        opened.db.transaction(async (tx) => {
          await tx.query('INSERT INTO t_rollback VALUES (2)')
          await tx.query('SELECT 1/0')
        }),
      ).rejects.toThrow(/division by zero/)
      expect(await opened.db.query('SELECT n FROM t_rollback')).toEqual([])
    })

    test('concurrent transactions do not interleave inside one another (read, wait, write)', async () => {
      await opened.db.query('CREATE TABLE IF NOT EXISTS t_counter (id int PRIMARY KEY, n int NOT NULL)')
      await opened.db.query('INSERT INTO t_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0')
      await Promise.all(
        Array.from({ length: 10 }, () =>
          opened.db.transaction(async (tx) => {
            // FOR UPDATE makes PostgreSQL queue the others; PGlite runs transactions one at a time.
            const [row] = await tx.query<{ n: number }>('SELECT n FROM t_counter WHERE id = 1 FOR UPDATE')
            await new Promise((resolve) => setTimeout(resolve, 5))
            await tx.query('UPDATE t_counter SET n = $1 WHERE id = 1', [(row?.n ?? 0) + 1])
          }),
        ),
      )
      expect(await opened.db.query('SELECT n FROM t_counter')).toEqual([{ n: 10 }])
    })

    test('LISTEN hears a NOTIFY after its transaction commits, never after a rollback, and stops when told', async () => {
      const heard: string[] = []
      const stop = await opened.db.listen('vigil_test_channel', (payload) => heard.push(payload))
      await expect(
        opened.db.transaction(async (tx) => {
          await tx.query("SELECT pg_notify('vigil_test_channel', 'rolled back')")
          throw new Error('undo')
        }),
      ).rejects.toThrow('undo')
      await opened.db.transaction(async (tx) => {
        await tx.query("SELECT pg_notify('vigil_test_channel', 'committed')")
        // Not yet: the transaction is still open.
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(heard).toEqual([])
      })
      await waitForCondition(() => {
        expect(heard).toEqual(['committed'])
      })
      await stop()
      await opened.db.query("SELECT pg_notify('vigil_test_channel', 'after stop')")
      await opened.db.query("SELECT pg_notify('vigil_test_channel', 'after stop 2')")
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(heard).toEqual(['committed'])
    })

    test('channel names are identifiers, not SQL', async () => {
      await expect(opened.db.listen('x"; DROP TABLE incidents; --', () => undefined)).rejects.toThrow(/Invalid LISTEN channel/)
    })

    test('schema_migrations records every migration once', async () => {
      const rows = await opened.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version')
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    })
  })
}

const postgresUrl = inject('postgresUrl')

describe.skipIf(postgresUrl === '')(`PostgreSQL server specifics${postgresUrl === '' ? ` (skipped: ${POSTGRES_MISSING})` : ''}`, () => {
  test('two servers starting at once on an empty database migrate it exactly once; reopening applies nothing', async () => {
    const fresh = await createTestDatabase(postgresUrl)
    const logs: string[] = []
    try {
      const [a, b] = await Promise.all([
        openDatabase({ kind: 'postgres', url: fresh.url }, { log: (m) => logs.push(m) }),
        openDatabase({ kind: 'postgres', url: fresh.url }, { log: (m) => logs.push(m) }),
      ])
      expect(logs.filter((m) => m.includes('applied 001_incidents'))).toHaveLength(1)
      await Promise.all([a.close(), b.close()])
      const again = await openDatabase({ kind: 'postgres', url: fresh.url }, { log: (m) => logs.push(m) })
      expect(await again.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: MIGRATIONS.length }])
      expect(logs.filter((m) => m.includes('applied'))).toHaveLength(1)
      await again.close()
    } finally {
      await fresh.drop()
    }
  })

  test('the LISTEN connection comes back after the server drops it, re-LISTENs and calls onReconnect', async () => {
    const fresh = await createTestDatabase(postgresUrl)
    const db = await openDatabase({ kind: 'postgres', url: fresh.url })
    try {
      const heard: string[] = []
      let reconnects = 0
      const stop = await db.listen('vigil_reconnect', (p) => heard.push(p), () => {
        reconnects += 1
      })
      await db.query("SELECT pg_notify('vigil_reconnect', 'before')")
      await waitForCondition(() => {
        expect(heard).toEqual(['before'])
      })

      const killed = await db.query<{ killed: boolean }>(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'vigil-listen' AND datname = current_database()",
      )
      expect(killed).toEqual([{ killed: true }])
      await waitForCondition(() => {
        expect(reconnects).toBe(1)
      })
      await db.query("SELECT pg_notify('vigil_reconnect', 'after')")
      await waitForCondition(() => {
        expect(heard).toEqual(['before', 'after'])
      })
      await stop()
    } finally {
      await db.close()
      await fresh.drop()
    }
  })

  test('a connection refused names the server, without the password', async () => {
    await expect(openDatabase({ kind: 'postgres', url: 'postgres://vigil:secret@127.0.0.1:1/vigil' })).rejects.toThrow(/Cannot connect to PostgreSQL at postgres:\/\/vigil:\*\*\*@127\.0\.0\.1:1\/vigil/)
  })

  test('after close, queries fail instead of hanging', async () => {
    const fresh = await createTestDatabase(postgresUrl)
    const db = await openDatabase({ kind: 'postgres', url: fresh.url })
    await db.close()
    await expect(db.ping()).rejects.toThrow()
    await fresh.drop()
  })
})

describe('PGlite in a folder', () => {
  let folder: string

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'vigil-pglite-'))
  })

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  test('keeps incidents across close and reopen, migrates once, and holds the folder while open', async () => {
    const logs: string[] = []
    const first = await openDatabase({ kind: 'pglite', dataDir: folder }, { log: (m) => logs.push(m) })
    const repo = incidentRepository(first)
    const stored = await repo.insert(
      {
        title: 'Kept across restarts 🚨', severity: 'P1', status: 'investigating', impact: '', services: [], assignee: null, escalationLevel: 1,
        declaredAt: '2024-05-01T10:00:00.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null, rootCause: '', resolution: '',
        alertIds: [], playbooks: [], checklist: [], postmortemAt: null, followUps: [], lastStatusUpdateAt: null, updatedAt: '2024-05-01T10:00:00.000Z', version: 1,
      },
      [{ at: '2024-05-01T10:00:00.000Z', actor: 'alice', kind: 'declared', text: 'Declared' }],
    )
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['vigil.lock', 'pgdata']))

    // A second opener of the same folder is refused while the first holds it.
    await expect(openDatabase({ kind: 'pglite', dataDir: folder })).rejects.toThrow(
      new RegExp(`VIGIL_DATA_DIR ${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by process ${process.pid} \\(started .+\\)\\. Stop it, or set VIGIL_DATA_DIR to another folder\\.`),
    )

    await first.close()
    expect(await readdir(folder)).not.toContain('vigil.lock')

    const second = await openDatabase({ kind: 'pglite', dataDir: folder }, { log: (m) => logs.push(m) })
    try {
      const again = incidentRepository(second)
      expect(await again.get(stored.id)).toEqual(stored)
      expect((await again.timeline(stored.id)).map((e) => e.text)).toEqual(['Declared'])
      expect(await again.revision()).toBe(1)
      expect(logs.filter((m) => m.includes('applied'))).toEqual(['Database schema: applied 001_incidents'])
    } finally {
      await second.close()
    }
  }, 120_000)
})

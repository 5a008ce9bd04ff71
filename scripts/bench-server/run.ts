/**
 * The Vigil server under load (issue 10): `npm run bench:server` (= `jiti scripts/bench-server/run.ts`).
 * Starts the built server (`node --enable-source-maps dist-server/main.js`, as `npm run serve`)
 * on a fresh database for every scenario, seeds it through the API, loads it from this process
 * over loopback, samples the server's RSS every second and prints Markdown tables. Not a test:
 * it measures and reports, and exits 1 when a run had errors.
 *
 *   npm run bench:server                                   every scenario on PGlite and PostgreSQL, 60 s each
 *   npm run bench:server -- --scenario war-room --db pglite --duration 20
 *   npm run bench:server -- --scenario list --incidents 10000 --list-connections 1,10
 *   npm run bench:server -- --scenario war-room --cpu-prof  (a V8 profile of the server in test-results/bench-server/)
 *
 * Options: --scenario war-room|list|events|all, --db pglite|postgres|both, --duration <s>,
 * --responders 50, --walls 10, --war-room-incidents 50, --incidents 10000,
 * --list-connections 1,10, --list-requests full,conditional, --streams 200, --changes 30, --cpu-prof,
 * --server <bundle> (another build of dist-server/main.js to compare; it must sit inside this
 * checkout so its imports resolve from node_modules/).
 * Raw results go to test-results/bench-server/results.json.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, startPostgresCluster, type PostgresCluster } from '../../test/support/postgres-cluster'
import { runEventStreams, type StreamsResult } from './event-streams'
import { loadList, probeList, settle, type ListProbe, type ListRun } from './incident-list'
import { declareIncidents } from './seed'
import { startServer, type RssSummary, type RunningServer } from './server-process'
import { count, ms, percentile, table } from './stats'
import { runWarRoom, type Kind, type WarRoomResult } from './war-room'

type Scenario = 'war-room' | 'list' | 'events'
type DbKind = 'pglite' | 'postgres'

interface Options {
  scenarios: Scenario[]
  dbs: DbKind[]
  durationS: number
  responders: number
  walls: number
  warRoomIncidents: number
  incidents: number
  listConnections: number[]
  /** Which list requests to load: the full list, the conditional one answered 304, or both. */
  listRequests: ('full' | 'conditional')[]
  streams: number
  changes: number
  cpuProf: boolean
  /** The server bundle: dist-server/main.js, or another build to compare (--server path/main.js). */
  server: string
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const OUT_DIR = path.join(root, 'test-results', 'bench-server')

function parseOptions(argv: readonly string[]): Options {
  const raw = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`)
    return at === -1 ? undefined : argv[at + 1]
  }
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name)
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} needs a whole number from ${min} to ${max}, got ${value}`)
    return n
  }
  const scenario = raw('scenario') ?? 'all'
  const scenarios: Scenario[] = scenario === 'all' ? ['war-room', 'list', 'events'] : scenario === 'war-room' || scenario === 'list' || scenario === 'events' ? [scenario] : []
  if (scenarios.length === 0) throw new Error(`--scenario must be war-room, list, events or all, got ${scenario}`)
  const db = raw('db') ?? 'both'
  const dbs: DbKind[] = db === 'both' ? ['pglite', 'postgres'] : db === 'pglite' || db === 'postgres' ? [db] : []
  if (dbs.length === 0) throw new Error(`--db must be pglite, postgres or both, got ${db}`)
  const listConnections = (raw('list-connections') ?? '1,10').split(',').map(Number)
  if (listConnections.some((n) => !Number.isInteger(n) || n < 1 || n > 100)) throw new Error('--list-connections needs whole numbers from 1 to 100, e.g. 1,10')
  const listRequests = (raw('list-requests') ?? 'full,conditional').split(',')
  if (!listRequests.every((r): r is 'full' | 'conditional' => r === 'full' || r === 'conditional')) throw new Error('--list-requests takes full, conditional or full,conditional')
  return {
    listRequests,
    scenarios,
    dbs,
    durationS: number('duration', 60, 5, 600),
    responders: number('responders', 50, 1, 500),
    walls: number('walls', 10, 0, 100),
    warRoomIncidents: number('war-room-incidents', 50, 1, 50_000),
    incidents: number('incidents', 10_000, 1, 50_000),
    listConnections,
    streams: number('streams', 200, 1, 1_000),
    changes: number('changes', 30, 1, 300),
    cpuProf: argv.includes('--cpu-prof'),
    server: path.resolve(root, raw('server') ?? 'dist-server/main.js'),
  }
}

/** `uptime`'s three load averages. */
function load(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
}

interface Database {
  env: Record<string, string>
  cleanup(): Promise<void>
}

async function freshDatabase(kind: DbKind, cluster: () => Promise<PostgresCluster>, scratch: string): Promise<Database> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(path.join(scratch, 'pglite-'))
    return {
      env: { VIGIL_DATA_DIR: dataDir },
      cleanup: () => {
        rmSync(dataDir, { recursive: true, force: true })
        return Promise.resolve()
      },
    }
  }
  const database = await createTestDatabase((await cluster()).url)
  return { env: { DATABASE_URL: database.url }, cleanup: () => database.drop() }
}

interface Measured<S, T> {
  db: DbKind
  loadBefore: string
  loadAfter: string
  /** The measured process, from the start of the load to its end. */
  rss: RssSummary
  /** The measured process when it was ready, before any load. */
  startedMb: number
  /** VmHWM of the process that seeded a fresh database. */
  firstStartPeakMb: number
  seedS: number
  seeded: S
  result: T
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  mkdirSync(OUT_DIR, { recursive: true })
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'))
  // Started on first use, stopped at the end.
  const postgres: { started: Promise<PostgresCluster> | null } = { started: null }
  const cluster = () => (postgres.started ??= startPostgresCluster())
  const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`)

  /**
   * One run on a fresh database. A first server process seeds it through the API and stops;
   * the measured server is a second process on the same data, as after any restart in
   * production. (A fresh PGlite folder is created by initdb inside the first process, which
   * leaves ~800 MB of WebAssembly memory behind; that start-up cost is reported apart.)
   */
  const measure = async <S, T>(db: DbKind, name: string, seed: (server: RunningServer) => Promise<S>, run: (server: RunningServer, seeded: S) => Promise<T>): Promise<Measured<S, T>> => {
    const database = await freshDatabase(db, cluster, scratch)
    const logFile = path.join(OUT_DIR, `${name}-${db}.log`)
    rmSync(logFile, { force: true })
    const start = (cpuProf: boolean) =>
      startServer({ root, main: options.server, env: { ...database.env, VIGIL_SEED: '1' }, logFile, cpuProfDir: cpuProf ? OUT_DIR : null, readyTimeoutMs: 120_000 })
    try {
      const seeder = await start(false)
      log(`${name} on ${db}: seeding through pid ${seeder.pid} (log ${path.relative(root, logFile)})`)
      const began = Date.now()
      let seeded: S
      let firstStart: RssSummary
      try {
        seeded = await seed(seeder)
      } finally {
        firstStart = seeder.rss.summary()
        await seeder.stop()
      }
      const seedS = (Date.now() - began) / 1_000
      const server = await start(options.cpuProf)
      try {
        const startedRss = server.rss.summary()
        const loadBefore = load()
        server.rss.reset()
        log(`${name} on ${db}: measuring pid ${server.pid} (load ${loadBefore})`)
        const result = await run(server, seeded)
        const loadAfter = load()
        const rss = server.rss.summary()
        log(`${name} on ${db}: done (load ${loadAfter}), RSS max ${rss.maxMb.toFixed(0)} MB`)
        return { db, loadBefore, loadAfter, rss, startedMb: startedRss.endMb, firstStartPeakMb: firstStart.peakMb, seedS, seeded, result }
      } finally {
        const code = await server.stop()
        if (code !== 0) log(`${name} on ${db}: the server exited with ${code}`)
      }
    } finally {
      await database.cleanup()
    }
  }

  const bundle = statSync(options.server)
  const sha = createHash('sha256').update(readFileSync(options.server)).digest('hex').slice(0, 12)
  const report: string[] = [`Server ${path.relative(root, options.server)} (built ${bundle.mtime.toISOString()}, sha256 ${sha}…), measured ${new Date().toISOString()} on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}; load averages are 1/5/15 min.`]
  const raw: Record<string, unknown[]> = {}
  let failed = false
  try {
    if (options.scenarios.includes('war-room')) {
      const runs: Measured<string[], WarRoomResult>[] = []
      for (const db of options.dbs) {
        runs.push(
          await measure(
            db,
            'war-room',
            (server) => declareIncidents(server.baseUrl, server.origin, options.warRoomIncidents, { concurrency: 4, timeoutMs: 900_000, onProgress: (n) => log(`declared ${n}`) }),
            (server, ids) =>
              runWarRoom({ baseUrl: server.baseUrl, origin: server.origin, incidentIds: ids, responders: options.responders, walls: options.walls, durationS: options.durationS, seed: 10 }),
          ),
        )
      }
      raw['war-room'] = runs.map((r) => ({ ...r, seeded: r.seeded.length }))
      failed ||= runs.some((r) => r.result.errors > 0 || r.result.samples.some((s) => !answered(s.status)))
      report.push(warRoomReport(runs, options))
    }
    if (options.scenarios.includes('list')) {
      const runs: Measured<string[], { probe: ListProbe; runs: ListRun[] }>[] = []
      for (const db of options.dbs) {
        runs.push(
          await measure(
            db,
            'list',
            (server) => declareIncidents(server.baseUrl, server.origin, options.incidents, { concurrency: 4, timeoutMs: 900_000, onProgress: (n) => log(`declared ${n}`) }),
            async (server) => {
              const probe = await probeList(server.baseUrl)
              const list: ListRun[] = []
              for (const connections of options.listConnections) {
                for (const etag of options.listRequests.map((r) => (r === 'full' ? null : probe.etag))) {
                  await settle(server.baseUrl)
                  list.push(await loadList(server.baseUrl, { etag, connections, durationS: options.durationS }))
                  log(`list on ${db}: ${etag === null ? 'full' : '304'} × ${connections} → ${list.at(-1)?.requestsPerS.toFixed(1) ?? '?'} req/s (load ${load()})`)
                }
              }
              return { probe, runs: list }
            },
          ),
        )
      }
      raw.list = runs.map((r) => ({ ...r, seeded: r.seeded.length }))
      failed ||= runs.some((r) => r.result.runs.some((l) => l.errors > 0 || Object.keys(l.statusCodes).some((c) => c !== (l.conditional ? '304' : '200'))))
      report.push(listReport(runs, options))
    }
    if (options.scenarios.includes('events')) {
      const runs: Measured<string[], StreamsResult>[] = []
      for (const db of options.dbs) {
        runs.push(
          await measure(
            db,
            'events',
            (server) => declareIncidents(server.baseUrl, server.origin, 1, { concurrency: 1, timeoutMs: 60_000 }),
            (server, [id]) => {
              if (id === undefined) throw new Error('no incident declared')
              return runEventStreams({ baseUrl: server.baseUrl, origin: server.origin, incidentId: id, streams: options.streams, changes: options.changes, durationS: options.durationS })
            },
          ),
        )
      }
      raw.events = runs
      failed ||= runs.some((r) => r.result.missed > 0 || r.result.lostStreams > 0)
      report.push(eventsReport(runs))
    }
  } finally {
    if (postgres.started !== null) await (await postgres.started).stop()
    rmSync(scratch, { recursive: true, force: true })
  }
  writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(raw, null, 1))
  process.stdout.write(`${report.join('\n\n')}\n`)
  return failed ? 1 : 0
}

function memoryNotes(runs: readonly Measured<unknown, unknown>[]): string {
  return runs
    .map(
      (r) =>
        `Server RSS on ${r.db === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${r.startedMb.toFixed(0)} MB when ready, ${r.rss.maxMb.toFixed(0)} MB max and ${r.rss.endMb.toFixed(0)} MB at the end of the run ` +
        `(VmHWM ${r.rss.peakMb.toFixed(0)} MB); the process that seeded the fresh database peaked at ${r.firstStartPeakMb.toFixed(0)} MB (seeding ${r.seedS.toFixed(0)} s).`,
    )
    .join('\n')
}

const answered = (status: number) => (status >= 200 && status < 300) || status === 304

const KINDS: { kind: Kind; label: string; status?: number }[] = [
  { kind: 'list', label: 'GET /api/incidents → 200', status: 200 },
  { kind: 'list', label: 'GET /api/incidents → 304', status: 304 },
  { kind: 'incident', label: 'GET /api/incidents/:id' },
  { kind: 'note', label: 'POST /api/incidents/:id/notes' },
  { kind: 'health', label: 'GET /api/health' },
  { kind: 'alerts', label: 'GET /api/alerts' },
]

function warRoomReport(runs: readonly Measured<string[], WarRoomResult>[], options: Options): string {
  const summary = runs.map(({ db, loadBefore, loadAfter, rss, result }) => {
    const times = result.samples.map((s) => s.ms)
    const bad = result.samples.filter((s) => !answered(s.status)).length
    return [
      db === 'pglite' ? 'PGlite' : 'PostgreSQL',
      count(times.length),
      (times.length / result.durationS).toFixed(1),
      ms(percentile(times, 50)),
      ms(percentile(times, 97.5)),
      ms(percentile(times, 99)),
      ms(Math.max(...times)),
      count(bad),
      count(result.errors),
      `${rss.maxMb.toFixed(0)} (${rss.endMb.toFixed(0)})`,
      `${loadBefore} → ${loadAfter}`,
    ]
  })
  const detail = runs.flatMap(({ db, result }) =>
    KINDS.map(({ kind, label, status }) => {
      const times = result.samples.filter((s) => s.kind === kind && (status === undefined || s.status === status)).map((s) => s.ms)
      return [db === 'pglite' ? 'PGlite' : 'PostgreSQL', label, count(times.length), ms(percentile(times, 50)), ms(percentile(times, 97.5)), ms(percentile(times, 99)), ms(times.length === 0 ? Number.NaN : Math.max(...times))]
    }),
  )
  const notes = runs
    .filter((r) => r.result.errors > 0 || r.result.maxSchedulerLagMs > 50)
    .map((r) => `${r.db}: ${r.result.errors} errors (${r.result.errorReasons.join('; ')}), our scheduler's worst lag ${ms(r.result.maxSchedulerLagMs)} ms`)
  return [
    `### War room: ${options.responders} responders + ${options.walls} walls, ${options.durationS} s, ${count(options.warRoomIncidents)} incidents (the responders' on the first ${Math.min(options.responders, options.warRoomIncidents)})`,
    table(['database', 'requests', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'not 2xx/304', 'errors', 'RSS max (end) MB', 'load before → after'], summary, [false, true, true, true, true, true, true, true, true, true, false]),
    table(['database', 'request', 'answers', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms'], detail, [false, false, true, true, true, true, true]),
    ...notes,
    memoryNotes(runs),
  ].join('\n\n')
}

function listReport(runs: readonly Measured<string[], { probe: ListProbe; runs: ListRun[] }>[], options: Options): string {
  const rows = runs.flatMap(({ db, loadBefore, loadAfter, rss, result }) =>
    result.runs.map((l) => [
      db === 'pglite' ? 'PGlite' : 'PostgreSQL',
      l.conditional ? 'If-None-Match → 304' : 'full → 200',
      String(l.connections),
      l.requestsPerS.toFixed(1),
      ms(l.p50),
      ms(l.p97_5),
      ms(l.p99),
      ms(l.max),
      count(l.bytesPerResponse),
      Object.entries(l.statusCodes)
        .map(([code, n]) => `${code}×${n}`)
        .join(' '),
      count(l.errors),
      rss.maxMb.toFixed(0),
      `${loadBefore} → ${loadAfter}`,
    ]),
  )
  const probes = runs.map(
    ({ db, result, seedS }) =>
      `${db}: ${count(result.probe.incidents)} incidents, body ${count(result.probe.bodyBytes)} bytes, one GET on the idle server ${ms(result.probe.singleMs)} ms; seeding through the API took ${seedS.toFixed(0)} s`,
  )
  return [
    `### Incident list: ${count(options.incidents)} incidents, ${options.durationS} s per row (autocannon, closed loop)`,
    table(['database', 'request', 'connections', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'bytes/response', 'status', 'errors', 'RSS max MB', 'load before → after'], rows, [false, false, true, true, true, true, true, true, true, false, true, true, false]),
    probes.join('\n'),
    memoryNotes(runs),
  ].join('\n\n')
}

function eventsReport(runs: readonly Measured<string[], StreamsResult>[]): string {
  const rows = runs.map(({ db, loadBefore, loadAfter, rss, result }) => {
    const all = result.changes.map((c) => c.allMs)
    const median = result.changes.map((c) => c.medianStreamMs)
    const write = result.changes.map((c) => c.writeMs)
    return [
      db === 'pglite' ? 'PGlite' : 'PostgreSQL',
      String(result.streams),
      String(result.changes.length),
      ms(percentile(all, 50)),
      ms(percentile(all, 99)),
      ms(Math.max(...all)),
      ms(percentile(median, 50)),
      ms(percentile(write, 50)),
      `${result.missed} / ${result.lostStreams}`,
      `${rss.maxMb.toFixed(0)} (${rss.endMb.toFixed(0)})`,
      `${loadBefore} → ${loadAfter}`,
    ]
  })
  return [
    '### Event streams: one note, time until every open stream has its message',
    table(
      ['database', 'streams', 'changes', 'all streams p50 ms', 'all streams p99 ms', 'max ms', 'half the streams p50 ms', 'note answer p50 ms', 'missed / lost streams', 'RSS max (end) MB', 'load before → after'],
      rows,
      [false, true, true, true, true, true, true, true, false, true, false],
    ),
    memoryNotes(runs),
  ].join('\n\n')
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)

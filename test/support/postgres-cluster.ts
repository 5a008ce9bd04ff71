/**
 * A throwaway PostgreSQL cluster for tests, from the binaries Debian's `postgresql` package puts
 * in /usr/lib/postgresql/<major>/bin: initdb into a temporary folder, start on 127.0.0.1 at a free
 * port with trust authentication, stop with `pg_ctl -m immediate` and delete the folder.
 *
 * initdb refuses to run as root, so as root every command runs as the `postgres` user (created by
 * the package) through `runuser`, with the folder handed to that user.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './free-port'

const run = promisify(execFile)
const ROOT = '/usr/lib/postgresql'
const NEEDED = ['initdb', 'pg_ctl', 'postgres']

export const POSTGRES_MISSING =
  `PostgreSQL binaries (initdb, pg_ctl, postgres) not found in ${ROOT}/*/bin: install them with \`apt-get install postgresql\``

/** The newest major version's bin folder that has everything we need, or null. */
export function postgresBinDir(root = ROOT): string | null {
  if (!existsSync(root)) return null
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  for (const major of majors) {
    const bin = path.join(root, major, 'bin')
    if (NEEDED.every((tool) => existsSync(path.join(bin, tool)))) return bin
  }
  return null
}

export function postgresAvailable(root = ROOT): boolean {
  return postgresBinDir(root) !== null
}

/**
 * True when PostgreSQL can be used. When it cannot: in CI (CI=true) this throws, because a
 * skipped database suite must not pass a build; elsewhere it returns false so tests can skip,
 * saying why (POSTGRES_MISSING).
 */
export function requirePostgres(env: NodeJS.ProcessEnv = process.env, root = ROOT): boolean {
  if (postgresAvailable(root)) return true
  if (env.CI === 'true') throw new Error(POSTGRES_MISSING)
  return false
}

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string
  stop(): Promise<void>
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir()
  if (bin === null) throw new Error(POSTGRES_MISSING)
  const asRoot = process.getuid?.() === 0
  const folder = await mkdtemp(path.join(os.tmpdir(), 'vigil-pg-'))
  const data = path.join(folder, 'data')
  const tool = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, name), ...args]) : run(path.join(bin, name), args)

  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres'])
      const { stdout: gid } = await run('id', ['-g', 'postgres'])
      await chown(folder, Number(stdout.trim()), Number(gid.trim()))
    }
    await tool('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'])

    // A free port can be taken between finding it and binding it (other test runs share the
    // machine): try a few.
    let lastError: unknown = null
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const port = await freePort()
      const settings = [
        `-c listen_addresses=127.0.0.1`,
        `-c port=${port}`,
        `-c unix_socket_directories=${folder}`,
        // A test cluster: durability off, so the suite does not wait for the disk.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ')
      try {
        await tool('pg_ctl', ['-D', data, '-l', path.join(folder, 'server.log'), '-o', settings, '-w', '-t', '60', 'start'])
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`
        return {
          url,
          async stop() {
            await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
            await rm(folder, { recursive: true, force: true })
          },
        }
      } catch (error) {
        lastError = error
      }
    }
    const log = await readFile(path.join(folder, 'server.log'), 'utf8').catch(() => '')
    throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${log}`)
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    throw error
  }
}

/**
 * A fresh, empty database in the cluster at `url` (so test files sharing one cluster do not see
 * each other's rows); drop() removes it, closing any connection still open to it.
 */
export async function createTestDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vigil_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${name}`
  return {
    url: target.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}


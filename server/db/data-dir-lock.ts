/**
 * One process per PGlite folder. Two PostgreSQL instances writing one data directory corrupt
 * it, and PGlite (unlike a real postmaster) does not guard against that, so the server takes
 * `<dir>/vigil.lock` before opening the folder.
 *
 * The lock file says who holds it: pid, hostname, the process start time from /proc (so a pid
 * reused after a crash is not mistaken for the holder) and a readable start date. A crashed
 * holder must not leave the folder stuck: a lock whose process is gone (or whose pid now belongs
 * to another process) is stale and taken over. A holder on another host (a folder on a network
 * disk, or a container re-created with a new hostname) cannot be checked that way, so the
 * holder touches the file every HEARTBEAT_MS and a lock from another host that has not been
 * touched for STALE_AFTER_MS is stale too.
 */
import { randomBytes } from 'node:crypto'
import { open, readFile, rename, stat, unlink, link, mkdir, utimes } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const LOCK_FILE = 'vigil.lock'
const HEARTBEAT_MS = 10_000
const STALE_AFTER_MS = 60_000

interface LockOwner {
  pid: number
  hostname: string
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot); null where /proc is missing. */
  startTicks: string | null
  startedAt: string
  /** Random: tells this lock apart from a later one by the same pid, whatever the inode. */
  nonce?: string
}

export interface DataDirLock {
  release(): Promise<void>
}

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const folder = path.resolve(dir)
  await mkdir(folder, { recursive: true })
  const file = path.join(folder, LOCK_FILE)
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startTicks: processStartTicks(process.pid),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    nonce: randomBytes(8).toString('hex'),
  }
  const mine = JSON.stringify(me) + '\n'

  if (!(await tryCreate(file, mine))) {
    const holder = await readHolder(file)
    if (holder.owner !== null && !isStale(holder.owner, holder.mtimeMs, me)) throw inUse(folder, holder.owner)
    // Stale (or unreadable): move exactly that file aside, then retry once.
    if (holder.text !== null) await removeIfSame(file, holder.text)
    if (!(await tryCreate(file, mine))) {
      const winner = await readHolder(file)
      throw inUse(folder, winner.owner ?? me)
    }
  }

  const heartbeat = setInterval(() => {
    const now = new Date()
    utimes(file, now, now).catch(() => undefined)
  }, HEARTBEAT_MS)
  heartbeat.unref()

  let released = false
  return {
    async release() {
      if (released) return
      released = true
      clearInterval(heartbeat)
      // Only our own file: never the lock of a process that took over after us.
      await removeIfSame(file, mine)
    },
  }
}

/**
 * Creates the lock file unless it exists; false when it does. Written whole to a private file
 * first and then linked into place: link() fails with EEXIST exactly like open('wx'), and nobody
 * ever reads a half-written lock.
 */
async function tryCreate(file: string, text: string): Promise<boolean> {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`
  const handle = await open(draft, 'wx')
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await link(draft, file)
    return true
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false
    throw error
  } finally {
    await unlink(draft)
  }
}

async function readHolder(file: string): Promise<{ owner: LockOwner | null; text: string | null; mtimeMs: number }> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)])
    return { owner: parseOwner(text), text, mtimeMs: info.mtimeMs }
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { owner: null, text: null, mtimeMs: 0 }
    throw error
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const o = value as Record<string, unknown>
    if (typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0 || typeof o.hostname !== 'string') return null
    return {
      pid: o.pid,
      hostname: o.hostname,
      startTicks: typeof o.startTicks === 'string' ? o.startTicks : null,
      startedAt: typeof o.startedAt === 'string' ? o.startedAt : 'unknown',
    }
  } catch {
    return null
  }
}

function isStale(owner: LockOwner, mtimeMs: number, me: LockOwner): boolean {
  if (owner.hostname !== me.hostname) return Date.now() - mtimeMs > STALE_AFTER_MS
  if (!isAlive(owner.pid)) return true
  // The pid is alive: it is the holder unless it was reused by a process started later.
  const ticks = processStartTicks(owner.pid)
  return owner.startTicks !== null && ticks !== null && ticks !== owner.startTicks
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    // A killed process that its parent has not reaped yet still answers kill(0): a zombie holds no lock.
    return !isZombie(pid)
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return !isErrno(error, 'ESRCH')
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 3 (the state) follows the command name, which may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null // field 22 overall = index 19 after fields 1–2
  } catch {
    return null
  }
}

/**
 * Removes the lock file only if it still holds `expected`: it is renamed aside first (atomic),
 * and if what was moved turns out to be another lock, it is linked back.
 */
async function removeIfSame(file: string, expected: string): Promise<void> {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.old`
  try {
    await rename(file, aside)
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return
    throw error
  }
  if ((await readFile(aside, 'utf8')) !== expected) {
    // Someone else's lock: put it back, unless yet another process has created one meanwhile.
    try {
      await link(aside, file)
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error
    }
  }
  await unlink(aside)
}

function inUse(folder: string, owner: LockOwner): Error {
  const where = owner.hostname === os.hostname() ? '' : ` on host ${owner.hostname}`
  return new Error(
    `VIGIL_DATA_DIR ${folder} is in use by process ${owner.pid}${where} (started ${owner.startedAt}). ` +
      'Stop it, or set VIGIL_DATA_DIR to another folder.',
  )
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}

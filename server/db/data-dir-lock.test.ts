import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { acquireDataDirLock, LOCK_FILE } from './data-dir-lock'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const inUseMessage = (folder: string, pid: number) =>
  new RegExp(`^VIGIL_DATA_DIR ${escape(folder)} is in use by process ${pid} \\(started [^)]+\\)\\. Stop it, or set VIGIL_DATA_DIR to another folder\\.$`)

let folder: string

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'vigil-lock-'))
})

afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function writeLock(owner: Record<string, unknown>): Promise<void> {
  return writeFile(path.join(folder, LOCK_FILE), JSON.stringify(owner))
}

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid
}

test('a second acquire in the same process is refused with the folder, the pid and the fix', async () => {
  const lock = await acquireDataDirLock(folder)
  await expect(acquireDataDirLock(folder)).rejects.toThrow(inUseMessage(folder, process.pid))
  await lock.release()
  const again = await acquireDataDirLock(folder)
  await again.release()
})

test('the lock file names its holder and is gone after release (release twice is harmless)', async () => {
  const lock = await acquireDataDirLock(folder)
  const owner = JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8')) as Record<string, unknown>
  expect(owner).toMatchObject({ pid: process.pid, hostname: os.hostname() })
  await lock.release()
  await lock.release()
  expect(await readdir(folder)).toEqual([])
})

test('a lock left by a process that died is taken over', async () => {
  await writeLock({ pid: deadPid(), hostname: os.hostname(), startTicks: '1', startedAt: '2024-05-01T10:00:00.000Z' })
  const lock = await acquireDataDirLock(folder)
  const owner = JSON.parse(await readFile(path.join(folder, LOCK_FILE), 'utf8')) as Record<string, unknown>
  expect(owner.pid).toBe(process.pid)
  await lock.release()
  // Nothing left behind from the takeover.
  expect(await readdir(folder)).toEqual([])
})

test('a lock whose pid now belongs to another process (started later) is taken over', async () => {
  await writeLock({ pid: process.pid, hostname: os.hostname(), startTicks: 'not-this-process', startedAt: '2024-05-01T10:00:00.000Z' })
  const lock = await acquireDataDirLock(folder)
  await lock.release()
})

test('an unreadable lock file (a crash while writing it) is taken over', async () => {
  await writeFile(path.join(folder, LOCK_FILE), '{"pid": 12')
  const lock = await acquireDataDirLock(folder)
  await lock.release()
})

test('a lock from another host is respected while it is refreshed, and taken over once it is not', async () => {
  await writeLock({ pid: 4242, hostname: 'another-host', startTicks: '1', startedAt: '2024-05-01T10:00:00.000Z' })
  await expect(acquireDataDirLock(folder)).rejects.toThrow(/in use by process 4242 on host another-host \(started 2024-05-01T10:00:00.000Z\)/)
  const longAgo = new Date(Date.now() - 5 * 60_000)
  await utimes(path.join(folder, LOCK_FILE), longAgo, longAgo)
  const lock = await acquireDataDirLock(folder)
  await lock.release()
})

test('release leaves alone a lock another process took over meanwhile', async () => {
  const lock = await acquireDataDirLock(folder)
  await rm(path.join(folder, LOCK_FILE))
  await writeLock({ pid: 4242, hostname: 'another-host', startTicks: '1', startedAt: 'then' })
  await lock.release()
  expect(await readdir(folder)).toEqual([LOCK_FILE])
})

describe('with a second Node process', () => {
  const module = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url))
  // Loads the TypeScript module through jiti (a devDependency), acquires, reports, and holds the
  // lock until its stdin closes.
  const script = `
    const m = await import(${JSON.stringify(module)})
    const { acquireDataDirLock } = m.acquireDataDirLock ? m : m.default
    try {
      const lock = await acquireDataDirLock(process.argv[1])
      process.stdout.write('locked\\n')
      process.stdin.resume()
      process.stdin.on('end', () => { lock.release().then(() => process.exit(0)) })
    } catch (error) {
      process.stdout.write('refused: ' + error.message + '\\n')
      process.exit(3)
    }`
  const children: ChildProcessWithoutNullStreams[] = []

  function startChild(): { child: ChildProcessWithoutNullStreams; firstLine: Promise<string> } {
    const child = spawn(process.execPath, ['--import', 'jiti/register', '--input-type=module', '-e', script, folder], { cwd: process.cwd() })
    children.push(child)
    let out = ''
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const firstLine = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) resolve(out.trim())
      })
      child.once('exit', (code) => {
        if (!out.includes('\n')) reject(new Error(`child exited ${code}: ${err}`))
      })
    })
    return { child, firstLine }
  }

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  })

  test('a folder held by another process is refused, naming that process; once it is killed, it is taken over', async () => {
    const { child, firstLine } = startChild()
    expect(await firstLine).toBe('locked')
    if (child.pid === undefined) throw new Error('no pid')
    await expect(acquireDataDirLock(folder)).rejects.toThrow(inUseMessage(folder, child.pid))

    // A crash (no release): the lock file stays, naming a dead process.
    child.kill('SIGKILL')
    await once(child, 'exit')
    expect(await readdir(folder)).toEqual([LOCK_FILE])
    const lock = await acquireDataDirLock(folder)
    await lock.release()
  }, 30_000)

  test('another process is refused while this one holds the folder', async () => {
    const lock = await acquireDataDirLock(folder)
    try {
      const { child, firstLine } = startChild()
      const line = await firstLine
      expect(line).toMatch(/^refused: /)
      expect(line.slice('refused: '.length)).toMatch(inUseMessage(folder, process.pid))
      await once(child, 'exit')
      expect(child.exitCode).toBe(3)
    } finally {
      await lock.release()
    }
  }, 30_000)
})

/**
 * Follows a log file by path, the way `tail -F` does, by looking at it every `pollMs`
 * and whenever asked (a request catches up before it answers). Polling rather than
 * fs.watch: a watch follows an inode, not a path, misses renames on NFS and bind mounts,
 * and would still need a fallback; one stat every half second costs nothing.
 * Each look handles:
 * - rotation by rename (logrotate's default): the path names another file. The old one
 *   is read to its end first (the writer may still finish lines in it until it reopens
 *   the path), then the new one from its start;
 * - truncation (logrotate's copytruncate): the file is shorter than what was read, or
 *   the bytes just before the read position changed (truncated, then written past the
 *   old length between two looks). It is read again from its start;
 * - a file that does not exist yet, or no longer: the follower waits and says so.
 * At start, only the last `backlogBytes` of an existing file are read: enough recent
 * history to fill the panel, without reading a year of log.
 */
import { open, stat, type FileHandle } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { LineSplitter, type SplitLine } from './line-splitter'

export type FollowStatus = { kind: 'following' } | { kind: 'missing' } | { kind: 'unreadable'; reason: string }

export interface FollowerOptions {
  path: string
  /** Each whole line, in file order. */
  onLine: (line: SplitLine) => void
  maxLineBytes: number
  backlogBytes: number
  /** 0: no timer, only catchUp() (tests). */
  pollMs: number
  now: () => number
}

export interface FileFollower {
  /** Reads whatever was written since the last look; never rejects (a failure becomes the status). */
  catchUp(): Promise<void>
  status(): FollowStatus
  close(): Promise<void>
}

const CHUNK_BYTES = 64 * 1024
/** Read per look at most: a burst (or a huge new file) is taken over several looks, never blocking a request long. */
const MAX_BYTES_PER_LOOK = 8 * 1024 * 1024
/** Bytes before the read position compared on each look, to see a truncation the length hides. */
const FINGERPRINT_BYTES = 64
/** A file rotated away while nothing took its place is let go after this long (its disk space is freed). */
const RELEASE_GONE_AFTER_MS = 10_000

interface OpenFile {
  handle: FileHandle
  dev: number
  ino: number
  /** Where the next read starts. */
  offset: number
  /** The last bytes read, up to FINGERPRINT_BYTES. */
  tail: Buffer
  /** When its path stopped naming it; null while it does. */
  goneSinceMs: number | null
}

export function followFile(options: FollowerOptions): FileFollower {
  const { path, backlogBytes, now } = options
  const splitter = new LineSplitter(options.maxLineBytes, options.onLine)
  const buffer = Buffer.alloc(CHUNK_BYTES)
  let file: OpenFile | null = null
  let started = false
  let closed = false
  let status: FollowStatus = { kind: 'missing' }

  /** One look after another; a look asked for while one waits to start shares it. */
  let chain: Promise<void> = Promise.resolve()
  let queued: Promise<void> | null = null

  function catchUp(): Promise<void> {
    if (queued !== null) return queued
    const look = chain.then(async () => {
      queued = null
      try {
        await step()
      } catch (error) {
        status = { kind: 'unreadable', reason: describe(error) }
      }
    })
    queued = look
    chain = look
    return look
  }

  async function step(): Promise<void> {
    if (closed) return
    const seen = await statOrNull(path)
    if (file !== null) {
      if (seen !== null && seen.dev === file.dev && seen.ino === file.ino) {
        if (await wasTruncated(file, seen.size)) {
          splitter.flush()
          file.offset = 0
          file.tail = Buffer.alloc(0)
        }
        file.goneSinceMs = null
        await drain(file)
        status = { kind: 'following' }
        return
      }
      // Renamed or deleted: finish the old file before taking the new one.
      const finished = await drain(file)
      if (!finished) return
      if (seen === null) {
        file.goneSinceMs ??= now()
        status = { kind: 'missing' }
        if (now() - file.goneSinceMs < RELEASE_GONE_AFTER_MS) return
      }
      splitter.flush()
      await file.handle.close()
      file = null
    }
    if (seen === null) {
      started = true
      status = { kind: 'missing' }
      return
    }
    if (!seen.isFile()) {
      started = true
      status = { kind: 'unreadable', reason: 'it is not a regular file' }
      return
    }
    const handle = await open(path, 'r')
    const opened = await handle.stat()
    file = { handle, dev: opened.dev, ino: opened.ino, offset: 0, tail: Buffer.alloc(0), goneSinceMs: null }
    if (!started && opened.size > backlogBytes) {
      // Start one byte early: if that byte ends a line, the first line read is whole.
      file.offset = opened.size - backlogBytes - 1
      splitter.skipToNextLine()
    }
    started = true
    await drain(file)
    status = { kind: 'following' }
  }

  /** Reads to the end of the file, or MAX_BYTES_PER_LOOK; true at the end. */
  async function drain(f: OpenFile): Promise<boolean> {
    let total = 0
    while (total < MAX_BYTES_PER_LOOK) {
      const { bytesRead } = await f.handle.read(buffer, 0, buffer.length, f.offset)
      if (bytesRead === 0) return true
      const chunk = buffer.subarray(0, bytesRead)
      f.offset += bytesRead
      f.tail = Buffer.concat([f.tail, chunk]).subarray(-FINGERPRINT_BYTES)
      total += bytesRead
      splitter.push(chunk)
    }
    return false
  }

  async function wasTruncated(f: OpenFile, size: number): Promise<boolean> {
    if (size < f.offset) return true
    if (f.tail.length === 0) return false
    const again = Buffer.alloc(f.tail.length)
    const { bytesRead } = await f.handle.read(again, 0, again.length, f.offset - f.tail.length)
    return bytesRead !== f.tail.length || !again.equals(f.tail)
  }

  const timer = options.pollMs > 0 ? setInterval(() => void catchUp(), options.pollMs) : null
  // Following a log must never keep the process alive on its own.
  timer?.unref()

  return {
    catchUp,
    status: () => status,
    async close() {
      if (timer !== null) clearInterval(timer)
      closed = true
      await chain
      if (file !== null) await file.handle.close()
      file = null
    },
  }
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path)
  } catch (error) {
    if (isErrno(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return null
    throw error
  }
}

function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error
}

function describe(error: unknown): string {
  if (isErrno(error)) {
    if (error.code === 'EACCES' || error.code === 'EPERM') return `permission denied (${error.code})`
    if (error.code === 'EISDIR') return 'it is a folder'
    if (error.code !== undefined) return `${error.code}: ${error.message}`
  }
  return error instanceof Error ? error.message : String(error)
}

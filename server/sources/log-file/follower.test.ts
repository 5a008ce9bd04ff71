import { appendFile, mkdir, mkdtemp, open, rename, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { followFile, type FileFollower, type FollowerOptions } from './follower'

let dir = ''
let path = ''
const followers: FileFollower[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-follow-'))
  path = join(dir, 'agent.log')
})

afterEach(async () => {
  await Promise.all(followers.splice(0).map((f) => f.close()))
  await rm(dir, { recursive: true, force: true })
})

function follow(options: Partial<FollowerOptions> = {}): { follower: FileFollower; lines: string[] } {
  const lines: string[] = []
  const follower = followFile({
    path,
    onLine: (l) => lines.push(l.cut ? `${l.text} (cut)` : l.text),
    maxLineBytes: 1024,
    backlogBytes: 1024,
    pollMs: 0,
    now: () => 0,
    ...options,
  })
  followers.push(follower)
  return { follower, lines }
}

test('reads what is there, then what is appended; a partial last line waits for its newline', async () => {
  await writeFile(path, 'INFO one\nINFO two\n')
  const { follower, lines } = follow()
  await follower.catchUp()
  expect(lines).toEqual(['INFO one', 'INFO two'])
  expect(follower.status()).toEqual({ kind: 'following' })

  await appendFile(path, 'WARN three\nERROR fo')
  await follower.catchUp()
  expect(lines).toEqual(['INFO one', 'INFO two', 'WARN three'])
  await appendFile(path, 'ur\n')
  await follower.catchUp()
  expect(lines).toEqual(['INFO one', 'INFO two', 'WARN three', 'ERROR four'])
})

test('an existing big file is read from its last backlogBytes, starting at a whole line', async () => {
  const old = Array.from({ length: 200 }, (_, i) => `INFO line ${String(i).padStart(3, '0')}`)
  await writeFile(path, `${old.join('\n')}\n`)
  const { follower, lines } = follow({ backlogBytes: 100 })
  await follower.catchUp()
  // 100 bytes hold 7 lines of 14 bytes (and two more bytes, whose line is dropped).
  expect(lines).toEqual(old.slice(-7))
})

test('the backlog boundary on a line start keeps that line', async () => {
  await writeFile(path, 'INFO aaaa\nINFO bbbb\n')
  const { follower, lines } = follow({ backlogBytes: 10 })
  await follower.catchUp()
  expect(lines).toEqual(['INFO bbbb'])
})

test('rotation by rename: the old file is read to its end (its held line too), then the new one from its start', async () => {
  await writeFile(path, 'INFO before\n')
  const { follower, lines } = follow()
  await follower.catchUp()
  // The writer finishes a line and starts another in the old file before it reopens the path.
  await appendFile(path, 'INFO last in old\nINFO unfinished')
  await rename(path, `${path}.1`)
  await writeFile(path, 'INFO first in new\n')
  await follower.catchUp()
  expect(lines).toEqual(['INFO before', 'INFO last in old', 'INFO unfinished', 'INFO first in new'])

  await appendFile(path, 'INFO second in new\n')
  await appendFile(`${path}.1`, 'INFO ignored: the old file was left\n')
  await follower.catchUp()
  expect(lines.at(-1)).toBe('INFO second in new')
  expect(lines).not.toContain('INFO ignored: the old file was left')
})

test('rotation with the new file not there yet: the old one is still followed, then the new one is', async () => {
  await writeFile(path, 'INFO a\n')
  const { follower, lines } = follow()
  await follower.catchUp()
  await rename(path, `${path}.1`)
  await appendFile(`${path}.1`, 'INFO written after the rename\n')
  await follower.catchUp()
  expect(follower.status()).toEqual({ kind: 'missing' })
  expect(lines).toEqual(['INFO a', 'INFO written after the rename'])

  await writeFile(path, 'INFO new file\n')
  await follower.catchUp()
  expect(follower.status()).toEqual({ kind: 'following' })
  expect(lines).toEqual(['INFO a', 'INFO written after the rename', 'INFO new file'])
})

test('a file deleted with nothing in its place is still read for a while, then let go', async () => {
  let now = 0
  await writeFile(path, 'INFO a\n')
  const writer = await open(path, 'a')
  try {
    const { follower, lines } = follow({ now: () => now })
    await follower.catchUp()
    await rm(path)
    await writer.write('INFO within the grace\n')
    await follower.catchUp()
    expect(follower.status()).toEqual({ kind: 'missing' })
    expect(lines).toEqual(['INFO a', 'INFO within the grace'])

    now = 60_000
    await follower.catchUp()
    await writer.write('INFO after it was let go\n')
    await writeFile(path, 'INFO b\n')
    await follower.catchUp()
    expect(lines).toEqual(['INFO a', 'INFO within the grace', 'INFO b'])
  } finally {
    await writer.close()
  }
})

test('truncation (copytruncate): the file is read again from its start', async () => {
  await writeFile(path, 'INFO one\nINFO two\nINFO three\n')
  const { follower, lines } = follow()
  await follower.catchUp()
  await truncate(path, 0)
  await appendFile(path, 'INFO after truncation\n')
  await follower.catchUp()
  expect(lines).toEqual(['INFO one', 'INFO two', 'INFO three', 'INFO after truncation'])
})

test('truncated and written past the old length between two looks: the changed bytes give it away', async () => {
  await writeFile(path, 'INFO short\n')
  const { follower, lines } = follow()
  await follower.catchUp()
  await writeFile(path, 'WARN a new file, longer than the old one\nERROR second\n')
  await follower.catchUp()
  expect(lines).toEqual(['INFO short', 'WARN a new file, longer than the old one', 'ERROR second'])
})

test('copytruncate with a writer that keeps its offset: the hole of NULs is skipped', async () => {
  await writeFile(path, 'INFO one\nINFO two\n')
  const { follower, lines } = follow()
  await follower.catchUp()
  await truncate(path, 0)
  const handle = await open(path, 'r+')
  await handle.write('ERROR after the hole\n', 18)
  await handle.close()
  await follower.catchUp()
  expect(lines).toEqual(['INFO one', 'INFO two', 'ERROR after the hole'])
})

test('a file that does not exist yet is waited for, then read from its start', async () => {
  const { follower, lines } = follow({ backlogBytes: 5 })
  await follower.catchUp()
  expect(follower.status()).toEqual({ kind: 'missing' })
  expect(lines).toEqual([])
  await writeFile(path, 'INFO born\nINFO growing\n')
  await follower.catchUp()
  expect(follower.status()).toEqual({ kind: 'following' })
  expect(lines).toEqual(['INFO born', 'INFO growing'])
})

test('a folder in its place is unreadable, and says why', async () => {
  await mkdir(path)
  const { follower } = follow()
  await follower.catchUp()
  expect(follower.status()).toEqual({ kind: 'unreadable', reason: 'it is not a regular file' })
})

test('a long line is cut and marked', async () => {
  await writeFile(path, `ERROR ${'x'.repeat(2000)}\nINFO next\n`)
  const { follower, lines } = follow({ maxLineBytes: 16, backlogBytes: 1_000_000 })
  await follower.catchUp()
  expect(lines).toEqual(['ERROR xxxxxxxxxx (cut)', 'INFO next'])
})

test('with a poll interval, appended lines arrive without being asked for', async () => {
  await writeFile(path, '')
  const { lines } = follow({ pollMs: 20 })
  await appendFile(path, 'INFO polled\n')
  await vi.waitFor(() => {
    expect(lines).toEqual(['INFO polled'])
  })
})

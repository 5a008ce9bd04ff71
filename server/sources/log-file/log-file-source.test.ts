import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseLogsQuery, type LogsQuery } from '@/backend/telemetry/params'
import { createLogFileSource, type LogFileSource, type LogFileSourceOptions } from './log-file-source'

const NOW = Date.parse('2026-05-01T12:00:00.000Z')
let dir = ''
let path = ''
const sources: LogFileSource[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-logsource-'))
  path = join(dir, 'agent.log')
})

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.close()))
  await rm(dir, { recursive: true, force: true })
})

function source(options: Partial<LogFileSourceOptions> = {}): LogFileSource {
  const s = createLogFileSource({ path, now: () => NOW, pollMs: 0, ...options })
  sources.push(s)
  return s
}

function query(params: Record<string, string> = {}): LogsQuery {
  const parsed = parseLogsQuery(new URLSearchParams(params))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value
}

const FILE = [
  '2026-05-01T11:00:00Z INFO Participant joined room room-001',
  JSON.stringify({ time: '2026-05-01T11:00:01Z', level: 'error', service: 'stt', msg: 'OpenAI API error 503', error_type: 'upstream_5xx' }),
  'WARN LLM response slow: 2400 ms',
  'ERROR STT request failed: timeout',
  JSON.stringify({ level: 'fatal', component: 'agent', msg: 'out of memory' }),
  'DEBUG tick',
].join('\n')

test('lines from JSON and plain text, newest (last written) first, each with an id of its own', async () => {
  await writeFile(path, `${FILE}\n`)
  const answer = await source().logs(query(), NOW)
  expect(answer.source).toEqual({ kind: 'file', detail: `Following ${path}` })
  expect(answer.lines.map((l) => [l.level, l.service, l.message])).toEqual([
    ['DEBUG', 'agent', 'tick'],
    ['ERROR', 'agent', '[FATAL] out of memory'],
    ['ERROR', 'stt', 'STT request failed: timeout'],
    ['WARN', 'llm', 'LLM response slow: 2400 ms'],
    ['ERROR', 'stt', 'OpenAI API error 503'],
    ['INFO', 'agent', 'Participant joined room room-001'],
  ])
  expect(answer.lines[0]?.at).toBe('2026-05-01T12:00:00.000Z')
  expect(answer.lines.at(-1)?.at).toBe('2026-05-01T11:00:00.000Z')
  expect(new Set(answer.lines.map((l) => l.id)).size).toBe(6)
})

test.each([
  [{ level: 'ERROR' }, ['out of memory', 'STT request failed', 'OpenAI API error 503']],
  [{ level: 'WARN,DEBUG' }, ['tick', 'LLM response slow']],
  [{ service: 'STT' }, ['STT request failed', 'OpenAI API error 503']],
  [{ q: 'upstream_5xx' }, ['OpenAI API error 503']],
  [{ q: 'fatal' }, ['out of memory']],
  [{ q: 'timeout', level: 'ERROR', service: 'stt' }, ['STT request failed']],
  [{ limit: '2' }, ['tick', 'out of memory']],
  [{ level: 'ERROR', limit: '1' }, ['out of memory']],
])('the panel\'s filters: %j', async (params, expected) => {
  await writeFile(path, `${FILE}\n`)
  const answer = await source().logs(query(params), NOW)
  expect(answer.lines).toHaveLength(expected.length)
  answer.lines.forEach((line, i) => {
    expect(line.message).toContain(expected[i])
  })
})

test('a request catches up first: lines appended since the last answer are in the next one', async () => {
  await writeFile(path, 'INFO first\n')
  const s = source()
  expect((await s.logs(query(), NOW)).lines.map((l) => l.message)).toEqual(['first'])
  await appendFile(path, 'INFO second\nINFO third, not finished')
  expect((await s.logs(query(), NOW)).lines.map((l) => l.message)).toEqual(['second', 'first'])
})

test('the buffer keeps the newest lines only', async () => {
  await writeFile(path, `${Array.from({ length: 25 }, (_, i) => `INFO line ${i}`).join('\n')}\n`)
  const answer = await source({ capacity: 10 }).logs(query({ limit: '1000' }), NOW)
  expect(answer.lines.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${24 - i}`))
})

test('a line over the size limit is cut and marked', async () => {
  await writeFile(path, `ERROR ${'y'.repeat(500)}\n`)
  const [line] = (await source({ maxLineBytes: 40 }).logs(query(), NOW)).lines
  expect(line?.message).toBe(`${'y'.repeat(34)} …[cut: the line is longer than 40 bytes]`)
})

test('a file not there yet: no lines, and the answer says it is waited for', async () => {
  const s = source()
  expect(await s.logs(query(), NOW)).toEqual({ lines: [], source: { kind: 'file', detail: `Waiting for ${path}: it does not exist (yet)` } })
  await writeFile(path, 'INFO here now\n')
  expect((await s.logs(query(), NOW)).lines.map((l) => l.message)).toEqual(['here now'])
})

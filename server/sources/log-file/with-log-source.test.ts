import type { LogLine } from '@/api/schemas'
import { parseLogsQuery } from '@/backend/telemetry/params'
import type { TelemetrySource } from '../source'
import type { LogFileSource } from './log-file-source'
import { withLogSource } from './with-log-source'

const NOW = Date.parse('2026-05-01T12:00:00.000Z')
const parsed = parseLogsQuery(new URLSearchParams())
if (!parsed.ok) throw new Error(parsed.message)
const QUERY = parsed.value

const line = (message: string): LogLine => ({ id: message, at: new Date(NOW).toISOString(), service: 'agent', level: 'INFO', message, errorType: null })

/** A source whose own logs are "its own line"; every other answer is never asked for here. */
function fakeSource(kind: TelemetrySource['kind'], closed: string[]): TelemetrySource {
  const unused = () => Promise.reject(new Error('not asked in these tests'))
  return {
    kind,
    simulator: null,
    metrics: unused,
    alerts: unused,
    alertHistory: unused,
    health: unused,
    errors: unused,
    logs: () => Promise.resolve({ lines: [line(`${kind}'s own line`)] }),
    invalidate() {},
    close: () => {
      closed.push(kind)
      return Promise.resolve()
    },
  }
}

function fakeFile(closed: string[]): LogFileSource {
  return {
    logs: () => Promise.resolve({ lines: [line('from the file')], source: { kind: 'file', detail: 'Following /var/log/agent.log' } }),
    describe: () => ({ kind: 'file', detail: 'Following /var/log/agent.log' }),
    close: () => {
      closed.push('file')
      return Promise.resolve()
    },
  }
}

test.each(['simulator', 'prometheus'] as const)('VIGIL_LOG_FILE set, %s metrics: the file\'s lines; closing closes both', async (kind) => {
  const closed: string[] = []
  const source = withLogSource(fakeSource(kind, closed), fakeFile(closed))
  expect(source.kind).toBe(kind)
  expect(await source.logs(QUERY, NOW)).toEqual({ lines: [line('from the file')], source: { kind: 'file', detail: 'Following /var/log/agent.log' } })
  await source.close()
  expect(closed.sort()).toEqual(['file', kind].sort())
})

test('no file, the simulator: its own lines, said to be simulated', async () => {
  const source = withLogSource(fakeSource('simulator', []), null)
  expect(await source.logs(QUERY, NOW)).toEqual({ lines: [line("simulator's own line")], source: { kind: 'simulator' } })
})

test('no file, Prometheus: no lines at all, and why', async () => {
  const source = withLogSource(fakeSource('prometheus', []), null)
  expect(await source.logs(QUERY, NOW)).toEqual({ lines: [], source: { kind: 'none', detail: 'No log source configured: set VIGIL_LOG_FILE' } })
})

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { helpText, readSettings } from '../../settings'

const dir = mkdtempSync(join(tmpdir(), 'vigil-queries-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const prometheus = { VIGIL_METRICS: 'prometheus', PROMETHEUS_URL: 'http://prometheus:9090' }

function problems(env: Record<string, string>): string {
  const read = readSettings(env)
  if (read.ok) throw new Error('expected the settings to be refused')
  return read.problems.join('\n')
}

test('VIGIL_METRICS=prometheus with a URL: the defaults for window, timeout and queries', () => {
  expect(readSettings(prometheus)).toMatchObject({
    ok: true,
    settings: { metrics: { kind: 'prometheus', url: 'http://prometheus:9090', queries: {}, rateWindow: '1m', timeoutMs: 10_000 } },
  })
})

test('the window, the timeout and a queries file are read', () => {
  const queries = file('ok.json', JSON.stringify({ 'stt.up': 'min(my_up)', 'host.cpu': ' avg(rate(cpu[$window])) ' }))
  const read = readSettings({ ...prometheus, VIGIL_PROMETHEUS_RATE_WINDOW: '2m30s', VIGIL_PROMETHEUS_TIMEOUT_MS: '2500', VIGIL_PROMETHEUS_QUERIES: queries })
  expect(read).toMatchObject({
    ok: true,
    settings: { metrics: { rateWindow: '2m30s', timeoutMs: 2500, queries: { 'stt.up': 'min(my_up)', 'host.cpu': 'avg(rate(cpu[$window]))' } } },
  })
})

test.each([
  [{ VIGIL_METRICS: 'prometheus' }, /^PROMETHEUS_URL: required with VIGIL_METRICS=prometheus/m],
  [{ ...prometheus, PROMETHEUS_URL: 'prometheus:9090' }, /^PROMETHEUS_URL: must be an http/m],
  [{ ...prometheus, VIGIL_PROMETHEUS_RATE_WINDOW: '1 minute' }, /^VIGIL_PROMETHEUS_RATE_WINDOW: must be a Prometheus duration/m],
  [{ ...prometheus, VIGIL_PROMETHEUS_RATE_WINDOW: '0s' }, /^VIGIL_PROMETHEUS_RATE_WINDOW: must be longer than zero/m],
  [{ ...prometheus, VIGIL_PROMETHEUS_TIMEOUT_MS: '5' }, /^VIGIL_PROMETHEUS_TIMEOUT_MS: .* from 100 to 600000/m],
  [{ ...prometheus, VIGIL_PROMETHEUS_TIMEOUT_MS: 'soon' }, /^VIGIL_PROMETHEUS_TIMEOUT_MS: .*whole number/m],
])('%o is refused, naming the setting', (env, expected) => {
  expect(problems(env)).toMatch(expected)
})

test('a queries file naming an unknown metric or holding a non-string is refused, naming each key', () => {
  const path = file('bad.json', JSON.stringify({ 'stt.latency.p99': 'x', 'db.up': 42, 'llm.up': '  ', 'tts.up': 'min(up)' }))
  const text = problems({ ...prometheus, VIGIL_PROMETHEUS_QUERIES: path })
  expect(text).toContain(`VIGIL_PROMETHEUS_QUERIES: ${path}: "stt.latency.p99" is not a metric id`)
  expect(text).toContain(`VIGIL_PROMETHEUS_QUERIES: ${path}: "db.up" must be a PromQL string.`)
  expect(text).toContain(`"llm.up" must be a PromQL string.`)
  expect(text).not.toContain('tts.up')
})

test('a queries file that is missing, not JSON or not an object is refused', () => {
  expect(problems({ ...prometheus, VIGIL_PROMETHEUS_QUERIES: join(dir, 'missing.json') })).toMatch(/^VIGIL_PROMETHEUS_QUERIES: .*missing\.json cannot be read as JSON \(ENOENT/m)
  expect(problems({ ...prometheus, VIGIL_PROMETHEUS_QUERIES: file('text.json', 'stt.up: up') })).toMatch(/cannot be read as JSON/)
  expect(problems({ ...prometheus, VIGIL_PROMETHEUS_QUERIES: file('list.json', '["up"]') })).toMatch(/must hold one object/)
})

test('the simulator ignores the Prometheus settings', () => {
  expect(readSettings({ VIGIL_PROMETHEUS_QUERIES: join(dir, 'missing.json') })).toMatchObject({ ok: true, settings: { metrics: { kind: 'simulator' } } })
})

test('--help lists the Prometheus settings with their defaults', () => {
  const help = helpText()
  for (const name of ['VIGIL_PROMETHEUS_QUERIES', 'VIGIL_PROMETHEUS_RATE_WINDOW', 'VIGIL_PROMETHEUS_TIMEOUT_MS']) expect(help).toContain(name)
  expect(help).toMatch(/VIGIL_PROMETHEUS_RATE_WINDOW[\s\S]*?default: 1m/)
  expect(help).toMatch(/VIGIL_PROMETHEUS_TIMEOUT_MS[\s\S]*?default: 10000/)
})

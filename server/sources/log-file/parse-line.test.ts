import { MAX_MESSAGE_CHARS, parseLine } from './parse-line'

const READ_AT = Date.parse('2026-05-01T12:00:00.000Z')

describe('plain lines', () => {
  test.each([
    ['ERROR STT request failed: timeout', { level: 'ERROR', service: 'stt', message: 'STT request failed: timeout', at: '2026-05-01T12:00:00.000Z' }],
    ['WARN Slow LLM response: 2400 ms', { level: 'WARN', service: 'agent', message: 'Slow LLM response: 2400 ms' }], // only a first word names the service
    ['INFO Participant joined room room-1a2', { level: 'INFO', service: 'agent', message: 'Participant joined room room-1a2' }],
    ['2026-05-01T10:00:00.250Z ERROR TTS synthesis failed', { at: '2026-05-01T10:00:00.250Z', level: 'ERROR', service: 'tts', message: 'TTS synthesis failed' }],
    ['2026-05-01T12:00:00+02:00 [warning] LiveKit: reconnecting', { at: '2026-05-01T10:00:00.000Z', level: 'WARN', service: 'livekit', message: 'LiveKit: reconnecting' }],
    ['[2026-05-01 10:00:00,5] error: database pool exhausted', { at: '2026-05-01T10:00:00.500Z', level: 'ERROR', service: 'database', message: 'database pool exhausted' }],
    ['2026-05-01 10:00:00 DEBUG tick', { at: '2026-05-01T10:00:00.000Z', level: 'DEBUG', message: 'tick' }],
    ['FATAL the agent fell over', { level: 'ERROR', service: 'agent', message: '[FATAL] the agent fell over' }],
    ['TRACE entering handler', { level: 'DEBUG', message: '[TRACE] entering handler' }],
    ['ERROR LLM request failed error_type=timeout service=llm', { level: 'ERROR', service: 'llm', errorType: 'timeout' }],
  ] as const)('%s', (text, expected) => {
    expect(parseLine(text, READ_AT)).toMatchObject({ errorType: null, ...expected })
  })

  test('a line with no level word is INFO, all of it the message (STT is a service, not a level)', () => {
    expect(parseLine('STT request failed', READ_AT)).toEqual({
      at: '2026-05-01T12:00:00.000Z',
      level: 'INFO',
      service: 'stt',
      message: 'STT request failed',
      errorType: null,
    })
    expect(parseLine('    at Object.<anonymous> (agent.js:3:9)', READ_AT)).toMatchObject({ level: 'INFO', service: 'agent', message: 'at Object.<anonymous> (agent.js:3:9)' })
  })

  test('a timestamp the calendar does not have is the read time, and the text stays', () => {
    expect(parseLine('2026-13-45T99:00:00Z ERROR boom', READ_AT)).toMatchObject({ at: '2026-05-01T12:00:00.000Z', level: 'ERROR', message: 'boom' })
  })
})

describe('JSON lines', () => {
  test('pino: time in ms, numeric level, msg, name, err.type', () => {
    const line = JSON.stringify({ level: 50, time: Date.parse('2026-05-01T09:30:00.000Z'), name: 'stt', msg: 'OpenAI API error 503', err: { type: 'upstream_5xx', message: 'x' } })
    expect(parseLine(line, READ_AT)).toEqual({
      at: '2026-05-01T09:30:00.000Z',
      level: 'ERROR',
      service: 'stt',
      message: 'OpenAI API error 503',
      errorType: 'upstream_5xx',
    })
  })

  test.each([
    [{ timestamp: '2026-05-01T09:30:00Z', severity: 'warning', message: 'retrying', component: 'tts' }, { at: '2026-05-01T09:30:00.000Z', level: 'WARN', service: 'tts', message: 'retrying' }],
    [{ ts: 1777627800.5, lvl: 'info', event: 'joined', logger: 'livekit' }, { at: '2026-05-01T09:30:00.500Z', level: 'INFO', service: 'livekit', message: 'joined' }],
    [{ '@timestamp': '2026-05-01T09:30:00.000+00:00', 'log.level': 'error', message: 'down', service: { name: 'database' }, 'error.type': 'connection_error' }, { level: 'ERROR', service: 'database', errorType: 'connection_error' }],
    [{ level: 'FATAL', msg: 'exiting' }, { level: 'ERROR', message: '[FATAL] exiting', service: 'agent' }],
    [{ level: 60, msg: 'exiting' }, { level: 'ERROR', message: '[FATAL] exiting' }],
    [{ level: 'audit', msg: 'user x logged in' }, { level: 'INFO', message: '[AUDIT] user x logged in' }],
    [{ level: 'error', msg: 'LLM timed out', error_type: 'timeout' }, { service: 'llm', errorType: 'timeout' }],
    [{ level: 'error', msg: 'failed', error: 'connection refused' }, { errorType: null }],
    [{ level: 'info', msg: { nested: true } }, { message: '{"nested":true}' }],
    [{ time: 'yesterday', msg: 'x' }, { at: '2026-05-01T12:00:00.000Z' }],
    [{ time: 1e30, msg: 'x' }, { at: '2026-05-01T12:00:00.000Z' }],
  ])('%j', (fields, expected) => {
    expect(parseLine(JSON.stringify(fields), READ_AT)).toMatchObject(expected)
  })

  test('an object without a message is shown whole; JSON that is not an object is a plain line', () => {
    expect(parseLine('{"level":"warn","queue":12}', READ_AT)).toMatchObject({ level: 'WARN', message: '{"level":"warn","queue":12}' })
    expect(parseLine('[1,2,3]', READ_AT)).toMatchObject({ level: 'INFO', message: '[1,2,3]' })
    expect(parseLine('{"level":"error", broken', READ_AT)).toMatchObject({ level: 'INFO', message: '{"level":"error", broken' })
  })
})

test('a long message is cut and says how much was left out; a cut line is marked', () => {
  const long = parseLine(`ERROR ${'x'.repeat(MAX_MESSAGE_CHARS + 10)}`, READ_AT)
  expect(long.message).toBe(`${'x'.repeat(MAX_MESSAGE_CHARS)} …[cut: 10 more characters]`)
  expect(parseLine('ERROR abc', READ_AT, 'the line is longer than 9 bytes').message).toBe('abc …[cut: the line is longer than 9 bytes]')
})

import { helpText, readSettings } from '../../settings'

test.each([
  [{ VIGIL_LOG_FILE: '/var/log/voice-agent/agent.log' }, '/var/log/voice-agent/agent.log'],
  [{ VIGIL_LOG_FILE: '  ' }, null],
  [{}, null],
])('VIGIL_LOG_FILE %j: the file followed is %s', (env, logFile) => {
  expect(readSettings(env)).toMatchObject({ ok: true, settings: { logFile } })
})

test('--help names VIGIL_LOG_FILE', () => {
  expect(helpText()).toContain('VIGIL_LOG_FILE')
})

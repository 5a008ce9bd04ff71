import { helpText, readSettings, SETTINGS_HELP } from './settings'

test('no settings: loopback on 8080, PGlite in ./.vigil-data, the simulator, no auth', () => {
  const read = readSettings({})
  expect(read).toMatchObject({
    ok: true,
    settings: {
      host: '127.0.0.1',
      port: 8080,
      database: { kind: 'pglite', dataDir: './.vigil-data' },
      metrics: { kind: 'simulator', scenario: null, seed: null },
      auth: { kind: 'none' },
      slackWebhookUrl: null,
    },
  })
})

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
  [{ VIGIL_METRICS: 'graphite' }, 'VIGIL_METRICS'],
  [{ VIGIL_METRICS: 'prometheus' }, 'PROMETHEUS_URL'],
  [{ VIGIL_SCENARIO: 'meteor' }, 'VIGIL_SCENARIO'],
  [{ VIGIL_SEED: '-1' }, 'VIGIL_SEED'],
  [{ VIGIL_AUTH: 'basic' }, 'VIGIL_AUTH'],
  [{ VIGIL_AUTH: 'proxy' }, 'VIGIL_TRUSTED_PROXIES'],
  [{ VIGIL_AUTH: 'proxy', VIGIL_TRUSTED_PROXIES: '10.0.0.0/33' }, 'VIGIL_TRUSTED_PROXIES'],
  [{ VIGIL_AUTH_HEADER: 'X Email' }, 'VIGIL_AUTH_HEADER'],
  [{ SLACK_WEBHOOK_URL: 'ftp://hooks' }, 'SLACK_WEBHOOK_URL'],
  [{ HOST: '0.0.0.0' }, 'HOST'],
  [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
] as const)('%o stops the server and names %s', (env, name) => {
  const read = readSettings(env)
  expect(read.ok).toBe(false)
  if (!read.ok) expect(read.problems.join('\n')).toMatch(new RegExp(`^${name}:`, 'm'))
})

test('listening beyond loopback is allowed behind the auth proxy', () => {
  const read = readSettings({ HOST: '0.0.0.0', VIGIL_AUTH: 'proxy', VIGIL_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16' })
  expect(read).toMatchObject({
    ok: true,
    settings: { auth: { kind: 'proxy', header: 'x-forwarded-email', trustedProxies: ['10.0.0.5', '10.1.0.0/16'] } },
  })
})

test('DATABASE_URL switches to a PostgreSQL server; VIGIL_PUBLIC_URL gives the origin writes must come from', () => {
  const read = readSettings({ DATABASE_URL: 'postgres://vigil@db:5432/vigil', VIGIL_PUBLIC_URL: 'https://vigil.example.com/app' })
  expect(read).toMatchObject({ ok: true, settings: { database: { kind: 'postgres' }, publicOrigin: 'https://vigil.example.com' } })
})

test('--help lists every setting with its default', () => {
  const text = helpText()
  for (const s of SETTINGS_HELP) expect(text).toContain(s.name)
  expect(SETTINGS_HELP.map((s) => s.name)).toEqual(
    expect.arrayContaining(['HOST', 'PORT', 'VIGIL_DATA_DIR', 'DATABASE_URL', 'VIGIL_METRICS', 'PROMETHEUS_URL', 'VIGIL_AUTH', 'SLACK_WEBHOOK_URL']),
  )
})

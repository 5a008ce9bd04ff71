/**
 * The server's settings, read from the environment and validated at start: a bad value
 * stops the server with the variable's name and what is wrong with it. The same table
 * prints `npm run serve -- --help`, so the help can never miss a setting.
 */
import { isIP } from 'node:net'
import * as z from 'zod'
import { SCENARIOS, type ScenarioName } from '@/domain/catalog'
import { readQueriesFile, type QueryOverrides } from './sources/prometheus/queries'

interface SettingDoc {
  name: string
  default: string
  help: string
}

/** Every setting, in the order --help lists them. */
export const SETTINGS_HELP: readonly SettingDoc[] = [
  { name: 'HOST', default: '127.0.0.1', help: 'Address to listen on. Anything but loopback needs VIGIL_AUTH=proxy.' },
  { name: 'PORT', default: '8080', help: 'Port to listen on.' },
  { name: 'VIGIL_DATA_DIR', default: './.vigil-data', help: 'Folder of the embedded PostgreSQL (PGlite), used when DATABASE_URL is not set. One process per folder.' },
  { name: 'DATABASE_URL', default: '(unset)', help: 'postgres://user:password@host:5432/db — a PostgreSQL server instead of the embedded one. Several Vigil processes may share it.' },
  { name: 'VIGIL_METRICS', default: 'simulator', help: 'Where metrics, alerts and logs come from: simulator (a simulated voice agent shared by every browser) or prometheus.' },
  { name: 'PROMETHEUS_URL', default: '(unset)', help: "The team's Prometheus HTTP API, e.g. http://prometheus:9090 (with VIGIL_METRICS=prometheus)." },
  { name: 'VIGIL_PROMETHEUS_QUERIES', default: '(the default queries)', help: 'JSON file {"<metric id>": "<PromQL>"} overriding the PromQL of some metrics; $window is the rate window.' },
  { name: 'VIGIL_PROMETHEUS_RATE_WINDOW', default: '1m', help: 'The rate() window of the default queries, a Prometheus duration of at least four scrape intervals.' },
  { name: 'VIGIL_PROMETHEUS_TIMEOUT_MS', default: '10000', help: 'How long one Prometheus query may take before its panel says Prometheus timed out.' },
  { name: 'VIGIL_LOG_FILE', default: '(unset)', help: "The agent's log file to follow for the log panel (JSON lines or plain `LEVEL message` lines; rotation and truncation are followed). Unset: the simulator's lines with VIGIL_METRICS=simulator, none with prometheus." },
  { name: 'VIGIL_SCENARIO', default: '(the stored world; healthy when new)', help: `Simulator scenario to switch to at start: ${SCENARIOS.join(', ')}.` },
  { name: 'VIGIL_SEED', default: '(the stored world; 1 when new)', help: 'Simulator seed to set at start (a whole number): fixes the simulated data.' },
  { name: 'VIGIL_AUTH', default: 'none', help: "none (loopback only) or proxy: identity comes from a header set by the team's auth proxy." },
  { name: 'VIGIL_AUTH_HEADER', default: 'X-Forwarded-Email', help: 'With VIGIL_AUTH=proxy: the header that carries who the responder is.' },
  { name: 'VIGIL_TRUSTED_PROXIES', default: '(unset)', help: 'With VIGIL_AUTH=proxy: comma-separated addresses or CIDR ranges of the auth proxy; the identity header is accepted only from them.' },
  { name: 'VIGIL_PUBLIC_URL', default: '(unset)', help: 'The URL browsers use, e.g. https://vigil.example.com. Writes must come from this origin; unset, the origin is the Host the request names.' },
  { name: 'VIGIL_ROSTER_FILE', default: '(built-in demo roster)', help: 'JSON file with the on-call roster ({ "levels": [...] }, as GET /api/roster answers).' },
  { name: 'VIGIL_RUNBOOKS_FILE', default: '(none: the runbook\'s four playbooks only)', help: 'JSON file with the team\'s extra playbooks ({ "playbooks": [...] }, as GET /api/runbooks answers), shown beside the runbook\'s four.' },
  { name: 'SLACK_WEBHOOK_URL', default: '(unset)', help: 'A Slack incoming webhook: "Post to Slack" sends a message\'s exact text there.' },
  { name: 'VIGIL_DIST_DIR', default: './dist', help: 'The built app to serve (npm run build).' },
  { name: 'VIGIL_BODY_LIMIT', default: '1048576', help: 'Largest request body in bytes; larger ones get 413.' },
  { name: 'LOG_LEVEL', default: 'info', help: 'fatal, error, warn, info, debug or trace. Logs are JSON lines on stdout, one per request.' },
]

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
/** Never echoed in an error: they may hold a password or a token. */
const SECRET = new Set(['DATABASE_URL', 'SLACK_WEBHOOK_URL'])

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be from ${min} to ${max}`)

const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'must be an http:// or https:// URL')

/** An address or CIDR range: "10.0.0.5", "10.0.0.0/8", "::1". */
const proxyAddress = z.string().refine((v) => {
  const [ip, bits, ...rest] = v.split('/')
  if (ip === undefined || rest.length > 0 || isIP(ip) === 0) return false
  if (bits === undefined) return true
  const n = Number(bits)
  return Number.isInteger(n) && n >= 0 && n <= (isIP(ip) === 4 ? 32 : 128)
}, 'must list IP addresses or CIDR ranges, e.g. 10.0.0.5,10.1.0.0/16')

/** Prometheus' duration syntax: units largest first, each at most once ("1h30m", "90s"). */
const PROMETHEUS_DURATION = /^(?=\d)(\d+y)?(\d+w)?(\d+d)?(\d+h)?(\d+m(?!s))?(\d+s)?(\d+ms)?$/

const environment = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: wholeNumber('PORT', 0, 65_535).default(8080),
  VIGIL_DATA_DIR: z.string().trim().min(1).default('./.vigil-data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  VIGIL_METRICS: z.enum(['simulator', 'prometheus']).default('simulator'),
  PROMETHEUS_URL: optionalText.pipe(httpUrl.optional()),
  VIGIL_PROMETHEUS_QUERIES: optionalText,
  VIGIL_PROMETHEUS_RATE_WINDOW: z
    .string()
    .trim()
    .regex(PROMETHEUS_DURATION, 'must be a Prometheus duration such as 1m, 90s or 2m30s')
    .refine((v) => /[1-9]/.test(v), 'must be longer than zero: rate() needs at least two scrapes in its window')
    .default('1m'),
  VIGIL_PROMETHEUS_TIMEOUT_MS: wholeNumber('VIGIL_PROMETHEUS_TIMEOUT_MS', 100, 600_000).default(10_000),
  VIGIL_LOG_FILE: optionalText,
  VIGIL_SCENARIO: z.enum(SCENARIOS).optional(),
  VIGIL_SEED: wholeNumber('VIGIL_SEED', 0, 2 ** 31 - 1).optional(),
  VIGIL_AUTH: z.enum(['none', 'proxy']).default('none'),
  VIGIL_AUTH_HEADER: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+$/, 'must be a header name such as X-Forwarded-Email')
    .default('X-Forwarded-Email'),
  VIGIL_TRUSTED_PROXIES: optionalText.pipe(
    z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
      .pipe(z.array(proxyAddress))
      .optional(),
  ),
  VIGIL_PUBLIC_URL: optionalText.pipe(httpUrl.optional()),
  VIGIL_ROSTER_FILE: optionalText,
  VIGIL_RUNBOOKS_FILE: optionalText,
  SLACK_WEBHOOK_URL: optionalText.pipe(httpUrl.optional()),
  VIGIL_DIST_DIR: z.string().trim().min(1).default('./dist'),
  VIGIL_BODY_LIMIT: wholeNumber('VIGIL_BODY_LIMIT', 1024, 64 * 1024 * 1024).default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Environment = z.infer<typeof environment>

export interface Settings {
  host: string
  port: number
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }
  /** The simulator's scenario and seed are applied at start when given; otherwise the stored world goes on. */
  metrics: { kind: 'simulator'; scenario: ScenarioName | null; seed: number | null } | PrometheusSettings
  auth: { kind: 'none' } | { kind: 'proxy'; header: string; trustedProxies: string[] }
  /** VIGIL_LOG_FILE: the agent's log file the log panel follows; null: no file (see server/sources/log-file/with-log-source.ts). */
  logFile: string | null
  /** The origin writes must come from; null: the origin the request's Host names. */
  publicOrigin: string | null
  rosterFile: string | null
  runbooksFile: string | null
  slackWebhookUrl: string | null
  distDir: string
  bodyLimit: number
  logLevel: Environment['LOG_LEVEL']
}

export interface PrometheusSettings {
  kind: 'prometheus'
  url: string
  /** From VIGIL_PROMETHEUS_QUERIES, checked at start; empty when unset. */
  queries: QueryOverrides
  rateWindow: string
  timeoutMs: number
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; problems: string[] }

/** Reads the settings from `env`; every problem is named by its variable. */
export function readSettings(env: Record<string, string | undefined>): SettingsResult {
  const known: Record<string, string> = {}
  for (const { name } of SETTINGS_HELP) {
    const value = env[name]
    if (value !== undefined) known[name] = value
  }
  const parsed = environment.safeParse(known)
  if (!parsed.success) {
    const problem = (i: z.core.$ZodIssue) => {
      const name = typeof i.path[0] === 'string' ? i.path[0] : 'environment'
      return `${name}: ${i.message}${name in known && !SECRET.has(name) ? ` (it is "${known[name] ?? ''}")` : ''}`
    }
    return { ok: false, problems: parsed.error.issues.map(problem) }
  }
  const e = parsed.data
  const problems: string[] = []
  if (e.VIGIL_AUTH === 'none' && !LOOPBACK.has(e.HOST)) {
    problems.push(
      `HOST: ${e.HOST} is not a loopback address, and VIGIL_AUTH is not set. Anyone who can reach it could change incidents: put Vigil behind your auth proxy and set VIGIL_AUTH=proxy with VIGIL_TRUSTED_PROXIES, or listen on 127.0.0.1.`,
    )
  }
  if (e.VIGIL_AUTH === 'proxy' && (e.VIGIL_TRUSTED_PROXIES === undefined || e.VIGIL_TRUSTED_PROXIES.length === 0)) {
    problems.push('VIGIL_TRUSTED_PROXIES: required with VIGIL_AUTH=proxy — the addresses of the auth proxy, whose identity header is trusted.')
  }
  if (e.VIGIL_METRICS === 'prometheus' && e.PROMETHEUS_URL === undefined) {
    problems.push('PROMETHEUS_URL: required with VIGIL_METRICS=prometheus, e.g. http://127.0.0.1:9090.')
  }
  // Read at start, so a wrong metric id stops the server instead of being ignored.
  let queries: QueryOverrides = {}
  if (e.VIGIL_METRICS === 'prometheus' && e.VIGIL_PROMETHEUS_QUERIES !== undefined) {
    const file = readQueriesFile(e.VIGIL_PROMETHEUS_QUERIES)
    if (file.ok) queries = file.queries
    else problems.push(...file.problems)
  }
  if (problems.length > 0) return { ok: false, problems }

  return {
    ok: true,
    settings: {
      host: e.HOST,
      port: e.PORT,
      database: e.DATABASE_URL === undefined ? { kind: 'pglite', dataDir: e.VIGIL_DATA_DIR } : { kind: 'postgres', url: e.DATABASE_URL },
      metrics:
        e.VIGIL_METRICS === 'prometheus' && e.PROMETHEUS_URL !== undefined
          ? { kind: 'prometheus', url: e.PROMETHEUS_URL, queries, rateWindow: e.VIGIL_PROMETHEUS_RATE_WINDOW, timeoutMs: e.VIGIL_PROMETHEUS_TIMEOUT_MS }
          : { kind: 'simulator', scenario: e.VIGIL_SCENARIO ?? null, seed: e.VIGIL_SEED ?? null },
      auth:
        e.VIGIL_AUTH === 'proxy'
          ? { kind: 'proxy', header: e.VIGIL_AUTH_HEADER.toLowerCase(), trustedProxies: e.VIGIL_TRUSTED_PROXIES ?? [] }
          : { kind: 'none' },
      logFile: e.VIGIL_LOG_FILE ?? null,
      publicOrigin: e.VIGIL_PUBLIC_URL === undefined ? null : new URL(e.VIGIL_PUBLIC_URL).origin,
      rosterFile: e.VIGIL_ROSTER_FILE ?? null,
      runbooksFile: e.VIGIL_RUNBOOKS_FILE ?? null,
      slackWebhookUrl: e.SLACK_WEBHOOK_URL ?? null,
      distDir: e.VIGIL_DIST_DIR,
      bodyLimit: e.VIGIL_BODY_LIMIT,
      logLevel: e.LOG_LEVEL,
    },
  }
}

/** `npm run serve -- --help`. */
export function helpText(): string {
  const width = Math.max(...SETTINGS_HELP.map((s) => s.name.length))
  const rows = SETTINGS_HELP.map((s) => `  ${s.name.padEnd(width)}  ${s.help}\n  ${' '.repeat(width)}  default: ${s.default}`)
  return [
    'Vigil server: serves the built app (dist/) and its API, with incidents in PostgreSQL.',
    '',
    'Usage: npm run serve            (after npm run build)',
    '       npm run serve -- --help',
    '',
    'Settings (environment variables):',
    ...rows,
    '',
    'GET /healthz answers while the process is up; GET /readyz when the database answers.',
    '',
  ].join('\n')
}

/**
 * The server: one Fastify instance with its headers, identity, write guard and limits,
 * and every endpoint of the contract (src/api/schemas.ts) registered. What it stores and
 * where telemetry comes from are handed in, so tests build it on PGlite in memory.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import type { Roster } from '@/api/schemas'
import type { Database } from './db/database'
import { incidentRepository } from './db/incident-repository'
import { createChangeFeed } from './events'
import { installIdentity } from './http/identity'
import { installProblemHandlers } from './http/problems'
import { installSecurityHeaders } from './http/security-headers'
import { installWriteGuard } from './http/write-guard'
import { appFileRoutes } from './routes/app-files'
import { eventRoutes } from './routes/events'
import { incidentRoutes } from './routes/incidents'
import { probeRoutes } from './routes/probes'
import { rosterRoutes } from './routes/roster'
import { sessionRoutes } from './routes/session'
import { simulatorRoutes } from './routes/simulator'
import { slackRoutes } from './routes/slack'
import { telemetryRoutes } from './routes/telemetry'
import { createIncidentService } from './services/incidents'
import type { Settings } from './settings'
import { createLogFileSource } from './sources/log-file/log-file-source'
import { withLogSource } from './sources/log-file/with-log-source'
import { createPrometheusSource } from './sources/prometheus/source'
import { createSimulatorSource } from './sources/simulator'
import type { TelemetrySource } from './sources/source'
import type { RunbooksResponse } from '@/api/runbooks'

export interface AppOptions {
  settings: Settings
  db: Database
  roster: Roster
  /** The team's extra playbooks (VIGIL_RUNBOOKS_FILE); none by default. */
  runbooks?: RunbooksResponse
  now?: () => number
  /** Pino's options, or false for none (tests). */
  logger?: boolean | Record<string, unknown>
  /** A source to use instead of the one the settings name (tests). */
  source?: TelemetrySource
}

/** Idempotency keys are kept this long: far longer than any client retries a change. */
const ANSWER_TTL_MS = 7 * 24 * 3_600_000

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { settings, db, roster } = options
  const now = options.now ?? Date.now
  const app = Fastify({
    logger: options.logger ?? { level: settings.logLevel },
    bodyLimit: settings.bodyLimit,
    // X-Forwarded-* count only from the auth proxy; with no auth nothing sits in front.
    trustProxy: settings.auth.kind === 'proxy' ? settings.auth.trustedProxies : false,
    // Long-lived event streams must not hold up a graceful close (see routes/events.ts).
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // One JSON line per request (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  })
  app.addHook('onResponse', (request, reply, done) => {
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, who: request.identity ?? undefined }
    // Load balancers probe every few seconds: their lines would drown the rest.
    if (request.url === '/healthz' || request.url === '/readyz') request.log.debug(line, 'request')
    else request.log.info(line, 'request')
    done()
  })

  const repository = incidentRepository(db)
  // The log panel's lines: the agent's log file when VIGIL_LOG_FILE is set (server/sources/log-file/).
  const source =
    options.source ??
    withLogSource(await createSource(settings, repository, now), settings.logFile === null ? null : createLogFileSource({ path: settings.logFile, now }))
  const feed = await createChangeFeed(db, (message) => {
    if (message.type === 'alerts' || message.type === 'resync') source.invalidate()
  })
  const incidents = createIncidentService({ repository, roster, now })

  installProblemHandlers(app, settings.bodyLimit)
  await installSecurityHeaders(app)
  installIdentity(app, settings.auth)
  installWriteGuard(app, settings.publicOrigin)

  probeRoutes(app, db)
  sessionRoutes(app, { auth: settings.auth.kind, slack: settings.slackWebhookUrl !== null, simulator: source.simulator !== null })
  simulatorRoutes(app, source.simulator, now)
  telemetryRoutes(app, source, now)
  rosterRoutes(app, roster, options.runbooks ?? { playbooks: [] })
  incidentRoutes(app, incidents)
  slackRoutes(app, incidents, settings.slackWebhookUrl === null ? null : { url: settings.slackWebhookUrl })
  eventRoutes(app, feed, source, now)
  await appFileRoutes(app, settings.distDir)

  const pruner = setInterval(() => {
    repository.pruneAnswers(ANSWER_TTL_MS, now()).catch((error: unknown) => {
      app.log.warn({ err: error }, 'pruning idempotency keys failed')
    })
  }, 3_600_000)
  pruner.unref()

  app.addHook('onClose', async () => {
    clearInterval(pruner)
    await feed.close()
    await source.close()
  })
  return app
}

async function createSource(settings: Settings, repository: ReturnType<typeof incidentRepository>, now: () => number): Promise<TelemetrySource> {
  if (settings.metrics.kind === 'prometheus') return createPrometheusSource({ settings: settings.metrics })
  return createSimulatorSource({ repository, now, scenario: settings.metrics.scenario, seed: settings.metrics.seed })
}

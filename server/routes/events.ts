/**
 * GET /api/events: the change feed as Server-Sent Events. Each message is
 * `event: change` with JSON data ({type:'incident',id,version} | {type:'alerts'} |
 * {type:'resync'}); a ping comment every 15 s keeps proxies from closing an idle stream.
 * While anyone listens, alert states are re-evaluated every few seconds and a change in
 * them is announced, so the wall hears "alerts changed" without waiting for its poll.
 */
import type { FastifyInstance } from 'fastify'
import type { ChangeFeed, FeedMessage } from '../events'
import type { TelemetrySource } from '../sources/source'

const PING_MS = 15_000
const ALERT_WATCH_MS = 5_000

export function eventRoutes(app: FastifyInstance, feed: ChangeFeed, source: TelemetrySource, now: () => number): void {
  let watcher: NodeJS.Timeout | null = null
  let lastAlerts: string | null = null

  const watchAlerts = () => {
    if (watcher !== null) return
    watcher = setInterval(() => {
      if (feed.listeners === 0) {
        if (watcher !== null) clearInterval(watcher)
        watcher = null
        lastAlerts = null
        return
      }
      source
        .alerts(now())
        .then(({ alerts }) => {
          const states = alerts.map((a) => `${a.id}=${a.state}`).join(',')
          if (lastAlerts !== null && states !== lastAlerts) feed.publishLocal({ type: 'alerts' })
          lastAlerts = states
        })
        .catch((error: unknown) => {
          app.log.warn({ err: error }, 'alert watch failed')
        })
    }, ALERT_WATCH_MS)
    watcher.unref()
  }

  const streams = new Set<import('node:http').ServerResponse>()
  // Open streams never end by themselves: end them so a graceful close does not wait forever.
  app.addHook('preClose', (done) => {
    if (watcher !== null) clearInterval(watcher)
    for (const stream of streams) stream.end()
    done()
  })

  app.get('/api/events', (request, reply) => {
    const headers: Record<string, string> = {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Nginx and friends buffer responses unless told not to.
      'X-Accel-Buffering': 'no',
    }
    // Hijacked responses skip the onSend hooks: carry the security headers over by hand.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (typeof value === 'string') headers[name] = value
    reply.hijack()
    const raw = reply.raw
    raw.writeHead(200, headers)
    raw.write(': connected\nretry: 2000\n\nevent: hello\ndata: {"type":"hello"}\n\n')

    const send = (message: FeedMessage) => {
      raw.write(`event: change\ndata: ${JSON.stringify(message)}\n\n`)
    }
    const unsubscribe = feed.subscribe(send)
    streams.add(raw)
    const ping = setInterval(() => raw.write(': ping\n\n'), PING_MS)
    watchAlerts()

    const stop = () => {
      clearInterval(ping)
      unsubscribe()
      streams.delete(raw)
    }
    request.raw.socket.once('close', stop)
    raw.once('close', stop)
  })
}

/**
 * Who is asking. With no auth the server listens on loopback only and takes the actor
 * the app sends. Behind the team's auth proxy (VIGIL_AUTH=proxy) identity comes from the
 * proxy's header, accepted only from the proxy's own addresses: "who acknowledged" is a
 * fact the proxy vouched for, not a choice in a menu. Probes stay open for load balancers.
 */
import { BlockList, isIP } from 'node:net'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Settings } from '../settings'
import { sendProblem } from './problems'

declare module 'fastify' {
  interface FastifyRequest {
    /** The proxy-given identity (VIGIL_AUTH=proxy), or null with no auth. */
    identity: string | null
  }
}

const OPEN_PATHS = new Set(['/healthz', '/readyz'])
const MAX_IDENTITY = 200

export function installIdentity(app: FastifyInstance, auth: Settings['auth']): void {
  app.decorateRequest('identity', null)
  if (auth.kind === 'none') return
  const trusted = trustedList(auth.trustedProxies)
  app.addHook('onRequest', async (request, reply) => {
    if (OPEN_PATHS.has(request.url.split('?')[0] ?? '')) return
    const peer = request.socket.remoteAddress ?? ''
    if (!isTrusted(trusted, peer)) {
      return sendProblem(reply, 401, 'Sign in through the team’s auth proxy: this address is not one of VIGIL_TRUSTED_PROXIES.')
    }
    const raw = request.headers[auth.header]
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? ''
    if (value === '' || value.length > MAX_IDENTITY) {
      return sendProblem(reply, 401, `Sign in through the team’s auth proxy: the request carries no ${auth.header} header.`)
    }
    request.identity = value
  })
}

/** Who did it, as the timeline records it: the proxy's identity wins over what the body says. */
export function actorOf(request: FastifyRequest, bodyActor: string | undefined): string {
  return request.identity ?? bodyActor ?? 'anonymous'
}

function trustedList(entries: readonly string[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) {
    const [ip = '', bits] = entry.split('/')
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4'
    if (bits === undefined) list.addAddress(ip, type)
    else list.addSubnet(ip, Number(bits), type)
  }
  return list
}

function isTrusted(list: BlockList, address: string): boolean {
  // An IPv4 peer on a dual-stack socket reads "::ffff:10.0.0.5".
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  const type = isIP(plain)
  if (type === 0) return false
  return list.check(plain, type === 6 ? 'ipv6' : 'ipv4')
}

/** Security headers on everything the server sends, the app and the API alike (see content-security-policy.ts). */
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])) },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // Served over plain http on loopback too: HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
}

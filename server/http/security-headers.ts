/**
 * Security headers on everything the server sends, the app and the API alike. The CSP
 * allows only the app's own scripts, no plugins, no <base>, no framing, and connections
 * only back to this server: text from the API or a responder can never become code.
 */
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/** The policy, also sent by `vite preview` so the default build is tested under it. */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React and the charts set element styles from script (CSSOM), which CSP does not block;
  // 'unsafe-inline' covers the few style attributes in server-rendered markup (none today).
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
}

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // Served over plain http on loopback too: HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })
}

/**
 * The Content-Security-Policy every Vigil page is served with: by the server, and by
 * `vite preview` (vite.config.ts), so the default build is tested under the same policy.
 * Only the app's own scripts run; no plugins, no <base>, no framing; connections only back
 * to the origin: text from the API or a responder can never become code.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React and the charts set element styles from script (CSSOM), which CSP does not block;
  // 'unsafe-inline' covers style attributes in markup (none of ours) and costs no script.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // The mock backend's service worker (default build) is served from the origin too.
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
}

/** The policy as one header value. */
export function contentSecurityPolicy(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** The other headers both servers send with it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

/**
 * What every request meets before its route: security headers, the write guard, body
 * limits and framework errors in the contract's shape, proxy identity, and the probes.
 */
import { startTestServer, type TestServer } from '../testing'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ database: { kind: 'pglite-memory' }, env: { VIGIL_BODY_LIMIT: '4096' } })
})
afterAll(async () => {
  await server.close()
})

const write = (path: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, 'Idempotency-Key': crypto.randomUUID(), ...init.headers },
    body: init.body ?? JSON.stringify({ title: 'Callers hear silence', severity: 'P2', impact: 'Some callers', services: ['tts'] }),
  })

test('every answer carries a strict CSP, nosniff, no-referrer and no framing', async () => {
  for (const path of ['/api/health', '/api/incidents', '/config.json', '/healthz', '/api/nowhere']) {
    const response = await fetch(`${server.baseUrl}${path}`)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("connect-src 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  }
})

test('config.json points the app at this server', async () => {
  expect(await (await fetch(`${server.baseUrl}/config.json`)).json()).toEqual({ backend: 'http', apiBaseUrl: '' })
})

test('a write from another origin, or without one, is refused and stores nothing', async () => {
  const before = (await (await fetch(`${server.baseUrl}/api/incidents`)).json()) as { incidents: unknown[] }
  const foreign = await write('/api/incidents', { headers: { Origin: 'https://evil.example' } })
  expect(foreign.status).toBe(403)
  expect(((await foreign.json()) as { message: string }).message).toMatch(/evil\.example/)
  const after = (await (await fetch(`${server.baseUrl}/api/incidents`)).json()) as { incidents: unknown[] }
  expect(after.incidents).toHaveLength(before.incidents.length)
})

test('a write that is not JSON is 415; JSON that does not parse is 400; too large is 413', async () => {
  expect((await write('/api/incidents', { headers: { 'Content-Type': 'text/plain' } })).status).toBe(415)
  const broken = await write('/api/incidents', { body: '{"title": ' })
  expect(broken.status).toBe(400)
  expect(await broken.json()).toEqual({ message: 'The request body is not valid JSON.' })
  const huge = await write('/api/incidents', { body: JSON.stringify({ title: 'x'.repeat(10_000), severity: 'P1', impact: '', services: [] }) })
  expect(huge.status).toBe(413)
})

test('a schema violation is 422 and names the field; a NUL character too', async () => {
  const response = await write('/api/incidents', { body: JSON.stringify({ title: 'ok', severity: 'P9', impact: '', services: [] }) })
  expect(response.status).toBe(422)
  expect(await response.json()).toMatchObject({ field: 'severity' })
  const nul = await write('/api/incidents', { body: JSON.stringify({ title: 'a\u0000b', severity: 'P1', impact: '', services: [] }) })
  expect(nul.status).toBe(422)
  expect(await nul.json()).toMatchObject({ field: 'title' })
})

test('an unknown API path is a JSON 404; the probes answer', async () => {
  const missing = await fetch(`${server.baseUrl}/api/nowhere`)
  expect(missing.status).toBe(404)
  expect(await missing.json()).toEqual({ message: 'No endpoint GET /api/nowhere.' })
  expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' })
  expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: 'ready', database: 'pglite' })
})

describe('behind the auth proxy', () => {
  let proxied: TestServer
  let untrusted: TestServer
  beforeAll(async () => {
    const env = { VIGIL_AUTH: 'proxy', VIGIL_AUTH_HEADER: 'X-Forwarded-Email' }
    proxied = await startTestServer({ database: { kind: 'pglite-memory' }, env: { ...env, VIGIL_TRUSTED_PROXIES: '127.0.0.1' } })
    untrusted = await startTestServer({ database: { kind: 'pglite-memory' }, env: { ...env, VIGIL_TRUSTED_PROXIES: '10.9.8.7' } })
  })
  afterAll(async () => {
    await proxied.close()
    await untrusted.close()
  })

  test('a request without the identity header gets 401; the probes stay open', async () => {
    expect((await fetch(`${proxied.baseUrl}/api/incidents`)).status).toBe(401)
    expect((await fetch(`${proxied.baseUrl}/`)).status).toBe(401)
    expect((await fetch(`${proxied.baseUrl}/healthz`)).status).toBe(200)
  })

  test('the header is believed only from a trusted proxy', async () => {
    const response = await fetch(`${untrusted.baseUrl}/api/incidents`, { headers: { 'X-Forwarded-Email': 'mallory@example.com' } })
    expect(response.status).toBe(401)
  })

  test('the timeline records who the proxy said, whatever the body claims', async () => {
    const headers = { 'Content-Type': 'application/json', Origin: proxied.baseUrl, 'X-Forwarded-Email': 'ana@example.com' }
    const declared = await fetch(`${proxied.baseUrl}/api/incidents`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': 'proxy-declare' },
      body: JSON.stringify({ title: 'LLM timeouts', severity: 'P2', impact: 'Slow answers', services: ['llm'], actor: 'priya' }),
    })
    expect(declared.status).toBe(201)
    const { id } = (await declared.json()) as { id: string }
    const session: unknown = await (await fetch(`${proxied.baseUrl}/api/session`, { headers })).json()
    expect(session).toEqual({ identity: 'ana@example.com', auth: 'proxy', slack: false, simulator: true })
    const timeline = (await (await fetch(`${proxied.baseUrl}/api/incidents/${id}/timeline`, { headers })).json()) as { events: { actor: string }[] }
    expect(timeline.events.map((e) => e.actor)).toEqual(['ana@example.com'])
  })
})

describe('serving the built app', () => {
  let served: TestServer
  beforeAll(async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const dist = await mkdtemp(`${tmpdir()}/vigil-dist-`)
    await mkdir(`${dist}/assets`)
    await writeFile(`${dist}/index.html`, '<!doctype html><title>Vigil</title><div id="root"></div>')
    await writeFile(`${dist}/assets/app-1234.js`, 'console.log(1)')
    await writeFile(`${dist}/config.json`, '{ "backend": "mock" }')
    served = await startTestServer({ database: { kind: 'pglite-memory' }, env: { VIGIL_DIST_DIR: dist } })
  })
  afterAll(async () => {
    await served.close()
  })

  test('every client-side route gets index.html, never cached; hashed assets are cached for good', async () => {
    for (const path of ['/', '/incidents/INC-10001', '/wall?rotate=1']) {
      const page = await fetch(`${served.baseUrl}${path}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/text\/html/)
      expect(await page.text()).toContain('<div id="root">')
    }
    const asset = await fetch(`${served.baseUrl}/assets/app-1234.js`)
    expect(asset.headers.get('cache-control')).toContain('immutable')
  })

  test("the built config.json (mock) is replaced by one that points at this server", async () => {
    expect(await (await fetch(`${served.baseUrl}/config.json`)).json()).toEqual({ backend: 'http', apiBaseUrl: '' })
  })
})

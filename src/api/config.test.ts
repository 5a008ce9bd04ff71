import { loadRuntimeConfig, type ConfigLoad } from './config'

const URL = '/config.json'

/** A stand-in for the network: answers every request with this body, status and type. */
function serving(body: string, status = 200, contentType = 'application/json'): typeof fetch {
  return () => Promise.resolve(new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': contentType } }))
}

function unreachable(message: string): typeof fetch {
  return () => Promise.reject(new TypeError(message))
}

const INDEX_HTML = '<!doctype html><html><body><div id="root"></div></body></html>'

test.each<[string, typeof fetch, ConfigLoad]>([
  ['the simulator', serving('{ "backend": "mock" }'), { ok: true, config: { backend: 'mock', apiBaseUrl: '' }, notice: null }],
  [
    'a Vigil server elsewhere',
    serving('{ "backend": "http", "apiBaseUrl": "https://vigil.example" }'),
    { ok: true, config: { backend: 'http', apiBaseUrl: 'https://vigil.example' }, notice: null },
  ],
  ['a Vigil server, apiBaseUrl left out', serving('{ "backend": "http" }'), { ok: true, config: { backend: 'http', apiBaseUrl: '' }, notice: null }],
])('a production build reads a config.json for %s', async (_, fetch, expected) => {
  expect(await loadRuntimeConfig({ fetch, url: URL, dev: false })).toEqual(expected)
})

test.each<[string, typeof fetch, ConfigLoad]>([
  ['missing (404)', serving('Not found', 404, 'text/plain'), { ok: false, problem: { kind: 'status', url: URL, status: 404 } }],
  ['a server error (503)', serving('Unavailable', 503, 'text/plain'), { ok: false, problem: { kind: 'status', url: URL, status: 503 } }],
  ['unreachable', unreachable('Failed to fetch'), { ok: false, problem: { kind: 'unreachable', url: URL, error: 'Failed to fetch' } }],
  [
    'answered by the SPA fallback (index.html)',
    serving(INDEX_HTML, 200, 'text/html; charset=utf-8'),
    { ok: false, problem: { kind: 'not-json', url: URL, contentType: 'text/html; charset=utf-8' } },
  ],
  ['broken JSON', serving('{ backend: mock'), { ok: false, problem: { kind: 'not-json', url: URL, contentType: 'application/json' } }],
  [
    'without a backend',
    serving('{}'),
    { ok: false, problem: { kind: 'invalid', url: URL, field: 'backend', expected: 'one of "mock", "http"' } },
  ],
  [
    'with an unknown backend',
    serving('{ "backend": "Mock" }'),
    { ok: false, problem: { kind: 'invalid', url: URL, field: 'backend', expected: 'one of "mock", "http"' } },
  ],
  [
    'with a number for apiBaseUrl',
    serving('{ "backend": "http", "apiBaseUrl": 8080 }'),
    { ok: false, problem: { kind: 'invalid', url: URL, field: 'apiBaseUrl', expected: 'a string' } },
  ],
  ['a list, not an object', serving('[]'), { ok: false, problem: { kind: 'invalid', url: URL, field: '', expected: 'an object' } }],
])('a production build never falls back to the simulator when config.json is %s', async (_, fetch, expected) => {
  expect(await loadRuntimeConfig({ fetch, url: URL, dev: false })).toEqual(expected)
})

test.each<[string, typeof fetch]>([
  ['missing (404)', serving('Not found', 404, 'text/plain')],
  ['answered by the SPA fallback (index.html)', serving(INDEX_HTML, 200, 'text/html')],
])('a development build with config.json %s runs the simulator and says why', async (_, fetch) => {
  const loaded = await loadRuntimeConfig({ fetch, url: URL, dev: true })
  expect(loaded).toEqual({ ok: true, config: { backend: 'mock', apiBaseUrl: '' }, notice: expect.stringContaining(URL) as unknown })
  if (!loaded.ok) throw new Error('expected the simulator')
  expect(loaded.notice).toMatch(/development build.*built-in simulator/)
})

test.each<[string, typeof fetch]>([
  ['a server error (500)', serving('Boom', 500, 'text/plain')],
  ['unreachable', unreachable('Failed to fetch')],
  ['broken JSON', serving('{ backend')],
  ['invalid', serving('{ "backend": "mock!" }')],
])('a development build still stops when config.json is %s: only a missing file means "use the simulator"', async (_, fetch) => {
  expect(await loadRuntimeConfig({ fetch, url: URL, dev: true })).toMatchObject({ ok: false, problem: { url: URL } })
})

test('by default config.json is read beside index.html, never from a cache', async () => {
  const requests: { url: string; cache: RequestCache | undefined }[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    requests.push({ url: input instanceof Request ? input.url : String(input), cache: init?.cache })
    return Promise.resolve(new Response('{ "backend": "mock" }', { headers: { 'Content-Type': 'application/json' } }))
  }
  await loadRuntimeConfig({ fetch, dev: false })
  expect(requests).toEqual([{ url: `${import.meta.env.BASE_URL}config.json`, cache: 'no-store' }])
})

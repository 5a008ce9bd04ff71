import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ENDPOINTS } from '@/api/endpoints'
import { openApiDocument, renderOpenApi } from '@/api/openapi'

const COMMITTED = fileURLToPath(new URL('../../openapi.json', import.meta.url))

test('openapi.json is what the endpoint table renders now (run `npm run openapi` after changing the contract)', () => {
  // Compared as text: the committed file is canonical, so any difference is a stale document.
  expect(readFileSync(COMMITTED, 'utf8')).toBe(renderOpenApi())
})

test('every endpoint of the table is in the document, under its method and path, once', () => {
  const document = JSON.parse(readFileSync(COMMITTED, 'utf8')) as { paths: Record<string, Record<string, { operationId: string }>> }
  const listed = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))

  expect(listed.sort()).toEqual(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort())
  for (const e of ENDPOINTS) expect(document.paths[e.path]?.[e.method.toLowerCase()]?.operationId).toBe(e.operationId)
  expect(new Set(ENDPOINTS.map((e) => e.operationId)).size).toBe(ENDPOINTS.length)
})

test('the table covers the contract the brief names', () => {
  const expected = [
    'GET /api/metrics', 'GET /api/health', 'GET /api/alerts', 'GET /api/alerts/history', 'GET /api/logs', 'GET /api/errors',
    'GET /api/roster', 'GET /api/runbooks', 'GET /api/session', 'GET /api/incidents', 'POST /api/incidents',
    'GET /api/incidents/{id}', 'PATCH /api/incidents/{id}', 'POST /api/incidents/{id}/acknowledge',
    'POST /api/incidents/{id}/escalate', 'POST /api/incidents/{id}/checklist', 'POST /api/incidents/{id}/notes',
    'POST /api/incidents/{id}/messages', 'POST /api/incidents/{id}/messages/slack', 'GET /api/incidents/{id}/timeline',
    'GET /api/simulator', 'POST /api/simulator', 'GET /api/events', 'GET /healthz', 'GET /readyz',
  ]
  expect(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort()).toEqual(expected.sort())
})

test('every reference in the document points at a component it defines', () => {
  const document = openApiDocument()
  const refs = new Set<string>()
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k === '$ref' && typeof v === 'string') refs.add(v)
        else walk(v)
      }
    }
  }
  walk(document)
  const missing = [...refs].filter((ref) => {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), document)
    return target === undefined
  })
  expect(refs.size).toBeGreaterThan(20)
  expect(missing).toEqual([])
})

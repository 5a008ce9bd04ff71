/**
 * What only a server process answers: the liveness and readiness probes. The mock backend
 * lives inside the page (or vitest) and answers /api alone.
 */
import { probeResponse } from '@/api/endpoints'
import { call, expectBody, type ContractTarget } from './target'

export function probeCases(target: () => ContractTarget): void {
  describe('probes', () => {
    test('GET /healthz answers 200', async () => {
      expectBody(await call(target(), 'GET', '/healthz'), 200, probeResponse)
    })

    test('GET /readyz answers 200 once the server takes traffic', async () => {
      expectBody(await call(target(), 'GET', '/readyz'), 200, probeResponse)
    })
  })
}

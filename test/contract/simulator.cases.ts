import { alertsResponse, healthResponse, simulatorState } from '@/api/schemas'
import { sessionResponse } from '@/api/session'
import { call, expectBody, type ContractTarget } from './target'

export function simulatorCases(target: () => ContractTarget): void {
  describe('steering the simulator over HTTP', () => {
    test('db-connection-lost fires the database-connection rule and takes the database down', async ({ skip }) => {
      skip(!expectBody(await call(target(), 'GET', '/api/session'), 200, sessionResponse).simulator, 'this backend reads real metrics')
      try {
        const state = expectBody(await call(target(), 'POST', '/api/simulator', { body: { scenario: 'db-connection-lost' } }), 200, simulatorState)
        expect(state.scenario).toBe('db-connection-lost')
        expect(expectBody(await call(target(), 'GET', '/api/simulator'), 200, simulatorState).scenario).toBe('db-connection-lost')

        const { alerts } = expectBody(await call(target(), 'GET', '/api/alerts'), 200, alertsResponse)
        expect(alerts.find((a) => a.id === 'database-connection-lost:database')).toMatchObject({
          ruleId: 'database-connection-lost',
          state: 'firing',
          severity: 'critical',
          playbook: 'database-connection-lost',
        })
        const { components } = expectBody(await call(target(), 'GET', '/api/health'), 200, healthResponse)
        expect(components.find((c) => c.id === 'database')).toMatchObject({ state: 'down', ruleId: 'database-connection-lost' })
      } finally {
        // Other tests of this target read alerts too; their assertions do not depend on the scenario, but leave it as found.
        const back = await call(target(), 'POST', '/api/simulator', { body: { scenario: 'healthy' } })
        expect(expectBody(back, 200, simulatorState).scenario).toBe('healthy')
      }
    })
  })
}

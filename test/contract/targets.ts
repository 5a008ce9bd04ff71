/**
 * The backends the contract suite runs against: the MSW mock, the server on PGlite in
 * memory, and the server on a real PostgreSQL when the vitest globalSetup provides one
 * (`inject('postgresUrl')`; '' or absent means none).
 */
import { inject } from 'vitest'
import { startTestServer } from '../../server/testing'
import { createTestDatabase } from '../support/postgres-cluster'
import { startMswTarget } from './msw-target'
import type { ContractTarget } from './target'

export interface TargetFactory {
  name: string
  kind: ContractTarget['kind']
  start(): Promise<ContractTarget>
}

function serverTarget(name: string, start: () => Promise<{ baseUrl: string; close(): Promise<void> }>): TargetFactory {
  return {
    name,
    kind: 'server',
    async start() {
      const server = await start()
      const baseUrl = server.baseUrl.replace(/\/$/, '')
      return { name, kind: 'server', baseUrl, origin: new URL(baseUrl).origin, close: () => server.close() }
    },
  }
}

function contractTargets(): TargetFactory[] {
  const list: TargetFactory[] = [
    { name: 'msw', kind: 'mock', start: startMswTarget },
    serverTarget('server-pglite', () => startTestServer({ database: { kind: 'pglite-memory' } })),
  ]
  const postgresUrl = inject('postgresUrl')
  if (postgresUrl !== '') {
    list.push(
      serverTarget('server-postgres', async () => {
        // A database of its own, so no other test file's rows are in its lists.
        const database = await createTestDatabase(postgresUrl)
        const server = await startTestServer({ database: { kind: 'postgres', url: database.url } })
        return {
          baseUrl: server.baseUrl,
          async close() {
            await server.close()
            await database.drop()
          },
        }
      }),
    )
  }
  return list
}

export const targets: readonly TargetFactory[] = contractTargets()

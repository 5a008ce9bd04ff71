import type { TestProject } from 'vitest/node'
import { POSTGRES_MISSING, requirePostgres, startPostgresCluster } from './postgres-cluster'

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A throwaway PostgreSQL cluster for the `server` project's run (postgres://…/postgres), or ''
     * when PostgreSQL is not installed outside CI (tests then skip, naming POSTGRES_MISSING).
     * Take a database of your own from it with createTestDatabase().
     */
    postgresUrl: string
  }
}

/** Starts one PostgreSQL cluster for the whole `server` project; stops it when the run ends. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Throws in CI when PostgreSQL is missing: the database suites must run there.
  if (!requirePostgres()) {
    console.warn(`[server tests] ${POSTGRES_MISSING}; the PostgreSQL suites are skipped`)
    project.provide('postgresUrl', '')
    return undefined
  }
  const cluster = await startPostgresCluster()
  project.provide('postgresUrl', cluster.url)
  return () => cluster.stop()
}

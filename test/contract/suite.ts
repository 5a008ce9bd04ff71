/**
 * The contract suite, written once and run against each target. Every target has its
 * own test file (msw.test.ts, server-pglite.test.ts, server-postgres.test.ts) that starts
 * the target once and runs every case against it: a server on PGlite takes seconds to
 * start, so one start per target (rather than per topic file) keeps each target's run
 * short, and the three files run side by side.
 *
 * The cases share their target (and the server-postgres target shares its database with
 * other files), so each test creates the incidents it looks at, never counts the list,
 * and leaves the simulator's scenario as it found it.
 */
import { afterAll, beforeAll, describe, test } from 'vitest'
import { eventCases } from './events.cases'
import { hostileCases } from './hostile.cases'
import { idempotencyCases } from './idempotency.cases'
import { incidentCases } from './incidents.cases'
import { probeCases } from './probes.cases'
import { readCases } from './reads.cases'
import { simulatorCases } from './simulator.cases'
import { tableCases } from './table.cases'
import type { ContractTarget } from './target'
import { targets } from './targets'
import { validationCases } from './validation.cases'

type Cases = (target: () => ContractTarget) => void

const CASES: readonly { cases: Cases; only?: ContractTarget['kind'] }[] = [
  { cases: readCases },
  { cases: tableCases },
  { cases: incidentCases },
  { cases: idempotencyCases },
  { cases: validationCases },
  { cases: hostileCases },
  { cases: simulatorCases },
  { cases: eventCases },
  // The mock backend answers /api only: the probes are a server process's.
  { cases: probeCases, only: 'server' },
]

/** Every case against the target called `name`, started once before them and closed after. */
export function describeContract(name: string): void {
  const factory = targets.find((t) => t.name === name)
  if (factory === undefined) {
    test.skip(`${name}: not available here (no server/testing.ts, or no PostgreSQL URL)`, () => undefined)
    return
  }
  describe(`the contract on ${name}`, () => {
    let current: ContractTarget | null = null
    beforeAll(async () => {
      current = await factory.start()
    }, 60_000)
    afterAll(async () => {
      await current?.close()
    }, 60_000)
    const target = () => {
      if (current === null) throw new Error(`The ${name} target did not start.`)
      return current
    }
    for (const { cases, only } of CASES) if (only === undefined || only === factory.kind) cases(target)
  })
}

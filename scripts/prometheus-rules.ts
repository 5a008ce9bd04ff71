/**
 * Writes prometheus/vigil-rules.yml from the typed alert rules and the default PromQL:
 * `npm run prometheus-rules`. Commit the result; test/contract/prometheus-rules.test.ts
 * fails while it is stale.
 *
 * A team whose Prometheus scrapes more slowly, or which overrides queries, writes its
 * own copy elsewhere:
 *   npm run prometheus-rules -- --window 2m --queries queries.json --out /etc/prometheus/vigil-rules.yml
 * (the same values as the server's VIGIL_PROMETHEUS_RATE_WINDOW and VIGIL_PROMETHEUS_QUERIES,
 * so the alerts read the numbers the charts show).
 *
 * The rules are built by src/backend/prometheus/rules-file.ts, which imports through the
 * `@/` alias; the jiti that runs this script does not know that alias, so the modules are
 * loaded through a second jiti that does (as scripts/openapi.ts does).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createJiti } from 'jiti'

const root = fileURLToPath(new URL('..', import.meta.url))
const jiti = createJiti(import.meta.url, { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } })
const { vigilRulesYaml, RULES_FILE, DEFAULT_RULES_WINDOW } = await jiti.import<typeof import('../src/backend/prometheus/rules-file')>(
  '../src/backend/prometheus/rules-file.ts',
)
const { readQueriesFile } = await jiti.import<typeof import('../server/sources/prometheus/queries')>('../server/sources/prometheus/queries.ts')

const { values } = parseArgs({
  options: {
    window: { type: 'string', default: DEFAULT_RULES_WINDOW },
    queries: { type: 'string' },
    out: { type: 'string', default: path.join(root, RULES_FILE) },
  },
})

let queries = {}
if (values.queries !== undefined) {
  const read = readQueriesFile(values.queries)
  if (!read.ok) {
    for (const problem of read.problems) console.error(problem)
    process.exit(1)
  }
  queries = read.queries
}

const text = vigilRulesYaml({ window: values.window, queries })
mkdirSync(path.dirname(values.out), { recursive: true })
writeFileSync(values.out, text)
console.log(`Wrote ${values.out} (${(text.match(/^ {6}- alert: /gm) ?? []).length} rules, rate window ${values.window}).`)

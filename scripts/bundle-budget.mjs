#!/usr/bin/env node
// The first visit's JavaScript budget, checked after every `vite build`.
//
// What a first visit of `/` downloads, read from dist/.vite/manifest.json:
// - the entry chunk and everything it imports statically;
// - the `/` route's lazy chunk, its static imports and its own dynamic imports (what the
//   Overview code-splits, its charts and alert panel, still renders on that first screen);
// - in mock mode, the mock backend: src/mocks/browser.ts, which src/main.tsx import()s,
//   and whatever only it imports.
// Budgets, gzip at zlib level 9 (the highest; servers often compress at a lower level,
// so real transfers can be slightly larger), 1 kB = 1000 bytes as Vite prints them:
//   without the mock backend ≤ 250 kB, with it ≤ 300 kB.
// It also proves the mock backend is outside the entry's static import graph, so a build
// pointed at a real backend never downloads it: the mock module must have a chunk of its
// own, reached only through the entry's dynamic imports, and MSW's runtime must appear in
// no chunk of the first visit and in some chunk of the mock backend.
//
// Usage: node scripts/bundle-budget.mjs [--json]
//   --json prints the analysis as JSON instead of the table (the e2e tests compare it
//   with what the browser really downloads).
// Exit code 1 when a budget is exceeded or the mock backend is not isolated.
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const DIST = 'dist'
const MANIFEST = `${DIST}/.vite/manifest.json`
const BUDGET_WITHOUT_MOCKS = 250_000
const BUDGET_WITH_MOCKS = 300_000
/** The module(s) src/app/router.tsx loads lazily for `/`. */
const FIRST_ROUTE_SOURCES = ['src/app/routes/overview.tsx']
const MOCK_SOURCE = 'src/mocks/browser.ts'
/** A string only MSW's runtime contains: the prefix of its console messages. */
const MSW_SIGNATURE = '[MSW]'
const ROLES = ['entry (static)', 'route /', 'mock backend', 'lazy (other)']

/**
 * @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *   imports?: string[], dynamicImports?: string[], css?: string[] }} Chunk
 */

if (!existsSync(MANIFEST)) {
  console.error(`bundle budget: ${MANIFEST} is missing; vite.config.ts needs \`build.manifest: true\``)
  process.exit(1)
}
/** @type {Record<string, Chunk>} */
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'))
/** @type {string[]} */
const budgetProblems = []
/** @type {string[]} */
const isolationProblems = []

const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry === true)
if (entries.length !== 1) throw new Error(`expected one entry chunk in ${MANIFEST}, found: ${entries.join(', ')}`)
const entry = /** @type {string} */ (entries[0])
const entryGraph = reachable([entry], { dynamic: false })

if (manifest[MOCK_SOURCE] === undefined) {
  isolationProblems.push(`${MOCK_SOURCE} has no chunk of its own: src/main.tsx must load it with import()`)
} else if (!(manifest[entry]?.dynamicImports ?? []).includes(MOCK_SOURCE)) {
  isolationProblems.push(`the entry does not import() ${MOCK_SOURCE}: cannot tell how mock mode loads it`)
}
if (entryGraph.has(MOCK_SOURCE)) isolationProblems.push(`the entry imports ${MOCK_SOURCE} statically`)

for (const source of FIRST_ROUTE_SOURCES) {
  if (!existsSync(source)) throw new Error(`${source} does not exist: update FIRST_ROUTE_SOURCES to the \`/\` route's module`)
}
// A route module bundled into its importer has no chunk of its own and is counted with it.
const routeKeys = FIRST_ROUTE_SOURCES.filter((source) => manifest[source] !== undefined)
const firstVisit = new Set([...entryGraph, ...reachable(routeKeys, { dynamic: true, counted: entryGraph })])
if (firstVisit.has(MOCK_SOURCE) && !entryGraph.has(MOCK_SOURCE)) isolationProblems.push(`the \`/\` route imports ${MOCK_SOURCE}`)
const mockOnly = reachable([MOCK_SOURCE], { dynamic: true, counted: firstVisit })

const chunks = Object.entries(manifest)
  .filter(([, chunk]) => chunk.file.endsWith('.js'))
  .map(([key, chunk]) => {
    const code = readFileSync(`${DIST}/${chunk.file}`)
    return {
      file: chunk.file,
      // Shared chunks (keys starting with "_") hold modules of several importers.
      source: chunk.src ?? '(shared)',
      role: roleOf(key),
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      msw: code.includes(MSW_SIGNATURE),
    }
  })
  .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || b.gzip - a.gzip)

for (const chunk of chunks.filter((c) => c.msw && (c.role === 'entry (static)' || c.role === 'route /'))) {
  isolationProblems.push(`${chunk.file} (${chunk.role}) contains MSW's runtime: the mock backend leaked into the first visit`)
}
if (!chunks.some((chunk) => chunk.msw && chunk.role === 'mock backend')) {
  isolationProblems.push(`no mock-backend chunk contains MSW's runtime ("${MSW_SIGNATURE}"): cannot tell where it went`)
}

const gzipOf = (/** @type {string[]} */ roles) =>
  chunks.filter((chunk) => roles.includes(chunk.role)).reduce((total, chunk) => total + chunk.gzip, 0)
const withoutMocks = gzipOf(['entry (static)', 'route /'])
const withMocks = withoutMocks + gzipOf(['mock backend'])
if (withoutMocks > BUDGET_WITHOUT_MOCKS) {
  budgetProblems.push(`first visit without the mock backend is ${kb(withoutMocks)} gzip, over ${kb(BUDGET_WITHOUT_MOCKS)}`)
}
if (withMocks > BUDGET_WITH_MOCKS) {
  budgetProblems.push(`first visit with the mock backend is ${kb(withMocks)} gzip, over ${kb(BUDGET_WITH_MOCKS)}`)
}
const problems = [...isolationProblems, ...budgetProblems]

if (process.argv.includes('--json')) {
  const filesOf = (/** @type {string[]} */ roles) => chunks.filter((c) => roles.includes(c.role)).map((c) => c.file)
  const report = {
    gzipLevel: 9,
    budgets: { withoutMocks: BUDGET_WITHOUT_MOCKS, withMocks: BUDGET_WITH_MOCKS },
    totals: { withoutMocks, withMocks },
    firstVisitFiles: filesOf(['entry (static)', 'route /']),
    mockFiles: filesOf(['mock backend']),
    chunks,
    problems,
  }
  console.log(JSON.stringify(report, null, 2))
} else {
  printTable()
}
process.exit(problems.length > 0 ? 1 : 0)

/**
 * Every chunk reachable from `keys` (included) through static imports, and through dynamic
 * ones too when `dynamic` is set, leaving out, and not walking through, chunks already
 * `counted`: every chunk imports the entry, whose dynamic imports are all the other routes.
 * @param {string[]} keys
 * @param {{ dynamic: boolean, counted?: Set<string> }} options
 */
function reachable(keys, { dynamic, counted = new Set() }) {
  const seen = new Set()
  const stack = [...keys]
  while (stack.length > 0) {
    const key = /** @type {string} */ (stack.pop())
    if (seen.has(key) || counted.has(key)) continue
    seen.add(key)
    const chunk = manifest[key]
    stack.push(...(chunk?.imports ?? []), ...(dynamic ? (chunk?.dynamicImports ?? []) : []))
  }
  return seen
}

/** @param {string} key */
function roleOf(key) {
  if (entryGraph.has(key)) return 'entry (static)'
  if (firstVisit.has(key)) return 'route /'
  if (mockOnly.has(key)) return 'mock backend'
  return 'lazy (other)'
}

/** @param {number} bytes */
function kb(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`
}

function printTable() {
  const header = ['chunk', 'source', 'loaded by', 'raw', 'gzip -9']
  const rows = chunks.map((chunk) => [chunk.file, chunk.source, chunk.role, kb(chunk.raw), kb(chunk.gzip)])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)))
  const line = (/** @type {string[]} */ cells) =>
    cells.map((cell, column) => (column >= 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ')
  const verdict = (/** @type {number} */ total, /** @type {number} */ budget) =>
    `${kb(total)} of ${kb(budget)}: ${total <= budget ? 'ok' : 'OVER BUDGET'}`

  console.log('\nBundle budget: JavaScript only, gzip level 9, 1 kB = 1000 bytes')
  console.log(line(header))
  for (const row of rows) console.log(line(row))
  console.log(`first visit of /, without the mock backend: ${verdict(withoutMocks, BUDGET_WITHOUT_MOCKS)}`)
  console.log(`first visit of /, with the mock backend:    ${verdict(withMocks, BUDGET_WITH_MOCKS)}`)
  console.log(`mock backend only loaded by import() in mock mode: ${isolationProblems.length === 0 ? 'yes' : 'NO'}`)
  for (const problem of problems) console.log(`bundle budget FAILED: ${problem}`)
}

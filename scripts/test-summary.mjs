#!/usr/bin/env node
// Sums the JSON results of the vitest runs (unit/component and e2e) into one line,
// `N passed, N failed`, printed last so CI logs end with the verdict.
//
// Usage: node scripts/test-summary.mjs [results.json ...]
//   default: test-results/unit.json test-results/e2e.json
// Exit code 1 when anything failed or a results file is missing (that run never finished).
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'

const files = process.argv.length > 2 ? process.argv.slice(2) : ['test-results/unit.json', 'test-results/e2e.json']

let passed = 0
let failed = 0
let incomplete = false

for (const file of files) {
  const name = basename(file, '.json')
  if (!existsSync(file)) {
    console.log(`${name}: no results at ${file} (the run did not happen or did not finish)`)
    incomplete = true
    continue
  }
  let report
  try {
    report = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    console.log(`${name}: unreadable results at ${file}: ${String(error)}`)
    incomplete = true
    continue
  }
  const counts = countReport(report)
  passed += counts.passed
  failed += counts.failed
  const extra = counts.fileErrors > 0 ? ` (${counts.fileErrors} counted for files or hooks that failed outside a test)` : ''
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${extra}`)
}

if (incomplete) console.log('some test runs are missing: see above; the total covers only the runs that reported')
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || incomplete ? 1 : 0)

/**
 * Vitest's JSON reporter (Jest-compatible shape). A file that fails to load, or a hook
 * that throws, fails without a failed test in it: each such file counts as one failure
 * so a broken file can never hide behind "0 failed".
 * @param {{ numPassedTests?: number, numFailedTests?: number, numPendingTests?: number,
 *   numTodoTests?: number, success?: boolean,
 *   testResults?: { status: string, assertionResults?: { status: string }[] }[] }} report
 */
function countReport(report) {
  const tests = report.numPassedTests ?? 0
  let failedTests = report.numFailedTests ?? 0
  let fileErrors = 0
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((test) => test.status === 'failed')
    if (file.status === 'failed' && !anyTestFailed) fileErrors += 1
  }
  // An unhandled error outside any file still makes the run unsuccessful.
  if (report.success === false && failedTests + fileErrors === 0) fileErrors = 1
  failedTests += fileErrors
  return {
    passed: tests,
    failed: failedTests,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    fileErrors,
  }
}

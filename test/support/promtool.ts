/**
 * Debian's promtool (package `prometheus`), which checks and unit-tests the generated
 * rules file. Like PostgreSQL (postgres-cluster.ts): a machine without it skips those
 * tests, saying why, except in CI (CI=true), where a skipped rules check must not pass
 * a build.
 */
import { existsSync } from 'node:fs'

export const PROMTOOL = '/usr/bin/promtool'

export const PROMTOOL_MISSING = `promtool not found at ${PROMTOOL}: install it with \`apt-get install prometheus\``

/** True when promtool can be run; throws in CI when it cannot; false elsewhere. */
export function requirePromtool(env: NodeJS.ProcessEnv = process.env, path = PROMTOOL): boolean {
  if (existsSync(path)) return true
  if (env.CI === 'true') throw new Error(PROMTOOL_MISSING)
  return false
}

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { vigilRulesYaml } from '@/backend/prometheus/rules-file'

const COMMITTED = fileURLToPath(new URL('../../prometheus/vigil-rules.yml', import.meta.url))

test('prometheus/vigil-rules.yml is what the alert rules render now (run `npm run prometheus-rules` after changing them)', () => {
  // Compared as text: the committed file is canonical, so any difference is a stale file.
  expect(readFileSync(COMMITTED, 'utf8')).toBe(vigilRulesYaml())
})

/**
 * The generated rules as Prometheus itself reads them: `promtool check rules` on the
 * committed file (and on the 10 s-window variant the real-Prometheus tests load), and
 * `promtool test rules` with one generated case per rule instance
 * (test/support/promtool-rule-cases.ts). promtool is Debian's (`prometheus` package);
 * without it these tests skip, except in CI, where they fail.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { DEFAULT_RULES_WINDOW, vigilRulesYaml, yamlScalar } from '@/backend/prometheus/rules-file'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { METRIC_IDS } from '@/domain/catalog'
import { PROMTOOL, PROMTOOL_MISSING, requirePromtool } from '../support/promtool'
import { familyOf, promtoolTestFile, promtoolYaml } from '../support/promtool-rule-cases'

const run = promisify(execFile)
const COMMITTED = fileURLToPath(new URL('../../prometheus/vigil-rules.yml', import.meta.url))
const available = requirePromtool()
const withPromtool = available ? test : test.skip
if (!available) console.warn(`[promtool tests] ${PROMTOOL_MISSING}; skipped`)

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-promtool-'))
})
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

/** promtool's exit status and everything it printed; a failed run is an answer here, not a throw. */
async function promtool(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(PROMTOOL, args, { maxBuffer: 16 * 1024 * 1024 })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

withPromtool('promtool check rules accepts the committed file, one rule per alert instance', async () => {
  const result = await promtool('check', 'rules', COMMITTED)
  expect(result.output).toContain(`SUCCESS: ${ALERT_INSTANCES.length} rules found`)
  expect(result.code).toBe(0)
})

withPromtool('promtool check rules accepts the 10 s-window rules a fast test Prometheus loads', async () => {
  const file = path.join(dir, 'vigil-rules-10s.yml')
  await writeFile(file, vigilRulesYaml({ window: '10s' }))
  const result = await promtool('check', 'rules', file)
  expect(result.output).toContain(`SUCCESS: ${ALERT_INSTANCES.length} rules found`)
  expect(result.code).toBe(0)
})

test('every alert instance gets a promtool case, named by its id', () => {
  const cases = promtoolTestFile(COMMITTED, DEFAULT_RULES_WINDOW)
  expect(cases.tests).toHaveLength(ALERT_INSTANCES.length)
  expect(cases.tests.map((group) => group.name.split(':').slice(0, 2).join(':'))).toEqual(ALERT_INSTANCES.map((i) => i.id))
  for (const group of cases.tests) {
    // Inactive before the breach and firing after for:; pending in between when for: > 0.
    expect(group.alert_rule_test.at(0)?.exp_alerts).toEqual([])
    expect(group.alert_rule_test.at(-1)?.exp_alerts).toHaveLength(1)
  }
})

test('every catalog metric can be fed to promtool, so a rule on any of them gets a case', () => {
  for (const metric of METRIC_IDS) expect(() => familyOf(metric), metric).not.toThrow()
})

withPromtool(
  'promtool test rules: each rule is inactive while healthy, pending before its for: has passed and firing after it',
  async () => {
    const file = path.join(dir, 'vigil-rules.test.yml')
    await writeFile(file, promtoolYaml(promtoolTestFile(COMMITTED, DEFAULT_RULES_WINDOW)))
    const result = await promtool('test', 'rules', file)
    expect(result.output).not.toContain('FAILED')
    expect(result.output).toContain('SUCCESS')
    expect(result.code).toBe(0)
  },
  120_000,
)

withPromtool('promtool test rules: a case fails when the rule it tests is wrong', async () => {
  // The generated cases must be able to fail: against rules whose thresholds sit far
  // above any breach value (× 100) every firing check must fail.
  const rules = path.join(dir, 'wrong-rules.yml')
  await writeFile(rules, vigilRulesYaml().replace(/ (>|>=) ([\d.]+)'$/gm, (_, op: string, t: string) => ` ${op} ${Number(t) * 100 + 1}'`))
  const file = path.join(dir, 'wrong-rules.test.yml')
  const cases = promtoolTestFile(rules, DEFAULT_RULES_WINDOW, ALERT_INSTANCES.filter((i) => i.comparator !== '=='))
  await writeFile(file, promtoolYaml(cases))
  const result = await promtool('test', 'rules', file)
  expect(result.code).not.toBe(0)
  for (const group of cases.tests) expect(result.output).toContain(`name: ${group.name}`)
}, 120_000)

withPromtool('annotations survive YAML quoting byte for byte, whatever characters they hold', async () => {
  const tricky = ` lead: it's "quoted" \\ back: # not a comment\n\ttab ≥ 10 % — ✓ 🚨 \u2028 line sep \u0085 next line `
  const rules = path.join(dir, 'quoting.yml')
  await writeFile(
    rules,
    [
      'groups:',
      '  - name: quoting',
      '    rules:',
      `      - alert: ${yamlScalar('Quoting')}`,
      `        expr: ${yamlScalar('vector(1)')}`,
      '        annotations:',
      `          summary: ${yamlScalar(tricky)}`,
      `          plain: ${yamlScalar("it's")}`,
      '',
    ].join('\n'),
  )
  const file = path.join(dir, 'quoting.test.yml')
  const cases = {
    rule_files: [rules],
    evaluation_interval: '15s',
    tests: [{ interval: '15s', input_series: [], alert_rule_test: [{ eval_time: '0s', alertname: 'Quoting', exp_alerts: [{ exp_labels: {}, exp_annotations: { summary: tricky, plain: "it's" } }] }] }],
  }
  await writeFile(file, promtoolYaml(cases))
  const result = await promtool('test', 'rules', file)
  expect(result.output).not.toContain('FAILED')
  expect(result.code).toBe(0)
})

test('without promtool the tests skip, except in CI, where they fail', () => {
  expect(requirePromtool({}, '/nonexistent/promtool')).toBe(false)
  expect(() => requirePromtool({ CI: 'true' }, '/nonexistent/promtool')).toThrow(PROMTOOL_MISSING)
})

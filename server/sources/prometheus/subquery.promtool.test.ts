/**
 * The step wrapper (queries.ts rangeExpr) evaluated by Prometheus' own engine, through
 * `promtool test rules`: a 20-second spike inside a 10-minute step — the step a 7-day
 * chart is fitted to — is what that step shows, a spike on a step's end belongs to that
 * step only, as the simulator's (t − step, t] buckets, and the mean takes each step's
 * samples exactly once. Skipped outside CI when promtool is not installed; in CI it must run.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { rangeExpr } from './queries'

const PROMTOOL = '/usr/bin/promtool'
const available = existsSync(PROMTOOL)
if (!available && process.env['CI'] === 'true') throw new Error(`${PROMTOOL} is missing: install Debian's prometheus package (apt-get install -y prometheus).`)

const STEP_S = 600

interface Case {
  expr: string
  series: string
  /** promtool's expanding notation, one sample every 10 s from t = 0. */
  values: string
  at: string
  expect: number
}

/** Runs the cases in one promtool call; its output names each failing expression. */
async function promtool(cases: Case[]): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-promtool-'))
  writeFileSync(join(dir, 'rules.yml'), 'groups: []\n')
  const tests = cases.map((c) => ({
    interval: '10s',
    input_series: [{ series: c.series, values: c.values }],
    promql_expr_test: [{ expr: c.expr, eval_time: c.at, exp_samples: [{ labels: '{}', value: c.expect }] }],
  }))
  // JSON is YAML: no YAML writer needed.
  writeFileSync(join(dir, 'test.yml'), JSON.stringify({ rule_files: ['rules.yml'], evaluation_interval: '10s', tests }))
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL, ['test', 'rules', 'test.yml'], { cwd: dir })
    return { ok: true, output: stdout + stderr }
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string }
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

test.skipIf(!available)('Prometheus evaluates the step wrapper as the simulator aggregates', async () => {
  const p95 = rangeExpr('stt.latency.p95', 'latency_ms', STEP_S)
  const up = rangeExpr('stt.up', 'stage_up', STEP_S)
  const requests = rangeExpr('stt.requests', 'requests', STEP_S)
  const result = await promtool([
    // 100 ms, then 5 s at t = 1010 s and 1020 s (20 s), then 100 ms again.
    { expr: p95, series: 'latency_ms', values: '100x100 5000 5000 100x100', at: '20m', expect: 5000 },
    { expr: p95, series: 'latency_ms', values: '100x100 5000 5000 100x100', at: '10m', expect: 100 },
    { expr: p95, series: 'latency_ms', values: '100x100 5000 5000 100x100', at: '30m', expect: 100 },
    // A spike exactly on a step's end (t = 1200 s) is that step's, not the next one's too.
    { expr: p95, series: 'latency_ms', values: '100x119 5000 100x100', at: '20m', expect: 5000 },
    { expr: p95, series: 'latency_ms', values: '100x119 5000 100x100', at: '30m', expect: 100 },
    // Down for 20 s inside the step: min keeps it.
    { expr: up, series: 'stage_up', values: '1x100 0 0 1x100', at: '20m', expect: 0 },
    // The mean of (0, 600 s]: samples 1 … 60, each once.
    { expr: requests, series: 'requests', values: '0+1x200', at: '10m', expect: 30.5 },
  ])
  expect(result.output).not.toMatch(/FAILED/)
  expect(result.ok).toBe(true)
})

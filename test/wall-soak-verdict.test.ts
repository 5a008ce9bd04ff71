// The wall soak's verdict (test/e2e/wall-soak-verdict.ts) and its heap-snapshot reading
// (test/e2e/heap-snapshot.ts): each limit fails on its own figure, and only then.
import { grownMost, retained, type HeapSnapshotJson } from './e2e/heap-snapshot'
import { crashCheck, SOAK_LIMITS, soakChecks, vitestReport, type Sample, type SoakFigures } from './e2e/wall-soak-verdict'

const sample = (over: Partial<Sample> = {}): Sample => ({
  cycle: 0,
  elapsedS: 0,
  heapUsedMB: 7.5,
  domElements: 530,
  liveNodes: 850,
  jsEventListeners: 179,
  queryCacheSize: 6,
  ...over,
})

const flat = (over: Partial<SoakFigures> = {}): SoakFigures => ({
  cycles: 300,
  healthAnswers: 271,
  start: sample(),
  end: sample({ cycle: 300 }),
  retained: { startMB: 6.9, endMB: 7, grownMost: [] },
  recovery: { stalePanelsInOutage: 4, seconds: 9.6 },
  idleCpuPercent: 2.5,
  pageErrors: [],
  consoleErrors: [],
  faultsSeen: { 500: 32, 503: 32, 429: 32, malformed: 32, timeout: 25 },
  ...over,
})

const failed = (f: SoakFigures) =>
  soakChecks(f)
    .filter((c) => !c.passed)
    .map((c) => c.name)

test('a flat run passes every check', () => {
  const checks = soakChecks(flat())
  expect(checks).toHaveLength(11)
  expect(failed(flat())).toEqual([])
})

test.each([
  ['the wall kept polling', { healthAnswers: 200 }],
  ['every injected fault kind reached the wall', { faultsSeen: { 500: 3, timeout: 0 } }],
  ['JS heap after GC does not grow', { end: sample({ heapUsedMB: 7.5 + SOAK_LIMITS.heapGrowthMB + 0.01 }) }],
  ['retained JS and Blink objects do not grow', { retained: { startMB: 7.1, endMB: 7.93, grownMost: [{ name: 'MessagePort', growth: 926 }] } }],
  ['DOM elements do not grow', { end: sample({ domElements: 530 + SOAK_LIMITS.domElementsGrowth + 1 }) }],
  ['live DOM nodes do not grow', { end: sample({ liveNodes: 850 + SOAK_LIMITS.liveNodesGrowth + 1 }) }],
  ['event listeners do not grow', { end: sample({ jsEventListeners: 179 + SOAK_LIMITS.listenersGrowth + 1 }) }],
  ['the query cache does not grow', { end: sample({ queryCacheSize: 7 }) }],
  ['the query cache does not grow', { start: sample({ queryCacheSize: -1 }), end: sample({ queryCacheSize: -1 }) }],
  ['no page error and no console error', { pageErrors: ['TypeError: x is undefined'] }],
  ['no page error and no console error', { consoleErrors: ['Warning: each child needs a key'] }],
  ['the wall recovers after an outage', { recovery: { stalePanelsInOutage: 4, seconds: null } }],
  ['the wall recovers after an outage', { recovery: { stalePanelsInOutage: 4, seconds: SOAK_LIMITS.recoverySeconds + 0.1 } }],
  ['the wall recovers after an outage', { recovery: { stalePanelsInOutage: 0, seconds: 0 } }],
  ['the idle wall stays idle', { idleCpuPercent: 40 }],
] as const)('"%s" alone fails when its figure is off', (name, over) => {
  expect(failed(flat(over))).toEqual([name])
})

test('a broken bound names its figure, the limit and what grew', () => {
  const check = soakChecks(flat({ retained: { startMB: 7.1, endMB: 7.93, grownMost: [{ name: 'MessagePort', growth: 926 }] } })).find((c) => !c.passed)
  expect(check?.detail).toBe('7.1 → 7.93 MB (+0.83; limit +0.5); grew most: MessagePort +926')
})

test('a run without faults has no fault kind to see', () => {
  expect(failed(flat({ faultsSeen: {} }))).toEqual([])
})

test('the report counts one test per check, as Vitest JSON, and a crash as a failure', () => {
  const report = vitestReport(soakChecks(flat({ idleCpuPercent: 40 })), 'test/e2e/wall-soak.ts')
  expect(report).toMatchObject({ numPassedTests: 10, numFailedTests: 1, success: false })
  expect(report.testResults[0]?.assertionResults.filter((a) => a.status === 'failed').map((a) => a.title)).toEqual(['the idle wall stays idle'])
  expect(vitestReport([crashCheck(new Error('Chromium did not start'))], 'x')).toMatchObject({ numPassedTests: 0, numFailedTests: 1, success: false })
  expect(vitestReport([], 'x').success).toBe(false)
})

/** A snapshot in V8's format: [type, name, self_size] per node. */
function snapshotOf(nodes: [string, string, number][]): HeapSnapshotJson {
  const types = ['object', 'native', 'code', 'string']
  const strings: string[] = []
  const at = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1)
  return {
    snapshot: { meta: { node_fields: ['type', 'name', 'self_size'], node_types: [types] } },
    nodes: nodes.flatMap(([type, name, size]) => [types.indexOf(type), at(name), size]),
    strings,
  }
}

test('retained() sums JS and Blink objects, leaving out compiled code and DevTools records', () => {
  const r = retained(
    snapshotOf([
      ['object', 'Object', 100],
      ['native', 'MessagePort', 150],
      ['native', 'MessagePort', 150],
      ['string', 'hello', 40],
      ['code', 'system / InstructionStream', 5000],
      ['native', 'blink::NetworkResourcesData::ResourceData', 288],
    ]),
  )
  expect(r).toEqual({ bytes: 440, counts: { Object: 1, MessagePort: 2 } })
})

test('retained() refuses what is not a heap snapshot', () => {
  expect(() => retained({ snapshot: { meta: { node_fields: [], node_types: [] } }, nodes: [], strings: [] })).toThrow('not a V8 heap snapshot')
})

test('grownMost() lists the kinds that grew, most first', () => {
  expect(grownMost({ Object: 10, MessagePort: 1, Map: 5 }, { Object: 12, MessagePort: 900, Map: 4, Array: 3 }, 2)).toEqual([
    { name: 'MessagePort', growth: 899 },
    { name: 'Array', growth: 3 },
  ])
})

/**
 * What a page retains, read from a V8 heap snapshot (HeapProfiler.takeHeapSnapshot):
 * JS objects and Blink's own (MessagePorts, streams, DOM wrappers…), which
 * Runtime.getHeapUsage does not count. Pure, so it is tested on a tiny snapshot.
 */

/** The parts of the .heapsnapshot format read here. */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } }
  nodes: number[]
  strings: string[]
}

export interface Retained {
  /** Self sizes summed, in bytes, without what `leaveOut` names. */
  bytes: number
  /** Objects per name ("MessagePort", "Object", "system / Map"…), without compiled code and strings. */
  counts: Record<string, number>
}

/**
 * Compiled code grows as the JIT warms up for minutes, and the rest are the recording
 * browser's own: DevTools keeps the bodies of network answers and console messages
 * while Playwright watches. None of them is the page's.
 */
const LEFT_OUT_NAMES = /NetworkResourcesData|ConsoleMessage|SourceLocation/
const LEFT_OUT_TYPES = new Set(['code'])
const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string'])

export function retained(snapshot: HeapSnapshotJson): Retained {
  const fields = snapshot.snapshot.meta.node_fields
  const stride = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const typeNames = snapshot.snapshot.meta.node_types[0]
  if (stride === 0 || typeAt < 0 || nameAt < 0 || sizeAt < 0 || !Array.isArray(typeNames)) throw new Error('not a V8 heap snapshot')
  let bytes = 0
  const counts: Record<string, number> = {}
  for (let i = 0; i + stride <= snapshot.nodes.length; i += stride) {
    const type = String(typeNames[snapshot.nodes[i + typeAt] ?? -1])
    const name = snapshot.strings[snapshot.nodes[i + nameAt] ?? -1] ?? ''
    if (LEFT_OUT_TYPES.has(type) || LEFT_OUT_NAMES.test(name)) continue
    bytes += snapshot.nodes[i + sizeAt] ?? 0
    if (STRING_TYPES.has(type)) continue
    const key = type === 'native' || type === 'object' ? name : `(${type}) ${name}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return { bytes, counts }
}

/** The `top` object kinds whose count grew most from `from` to `to`, largest first. */
export function grownMost(from: Record<string, number>, to: Record<string, number>, top = 5): { name: string; growth: number }[] {
  return Object.entries(to)
    .map(([name, n]) => ({ name, growth: n - (from[name] ?? 0) }))
    .filter((g) => g.growth > 0)
    .sort((a, b) => b.growth - a.growth)
    .slice(0, top)
}

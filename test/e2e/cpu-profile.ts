/**
 * Reading a Chromium CPU profile (CDP Profiler) for the browser benchmarks: the busy time
 * split between the in-page mock backend and the app, the busy stretches (tasks, to the
 * sampling interval), and the functions with the most self time.
 */

export interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}

export interface CpuProfile {
  nodes: ProfileNode[]
  samples?: number[]
  timeDeltas?: number[]
}

export interface ProfileSummary {
  /** Samples with a frame of the mock backend's chunk (`browser-*.js`: MSW, the simulator, the handlers) on their stack. */
  mockMs: number
  appMs: number
  /** Runs of busy samples without an idle one between them, of 5 ms or more. */
  busyRuns: number[]
  /** The functions with the most self time, as "name chunk:line:col". */
  top: { frame: string; ms: number }[]
}

const chunkOf = (url: string) => url.split('/').pop() ?? url

/**
 * Splits a CPU profile's busy time between the mock backend's chunk (work a real
 * backend does elsewhere) and the rest, finds the busy stretches, and lists the
 * functions with the most self time (names are minified in dist/).
 */
export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const underMock = new Map<number, boolean>()
  const isUnderMock = (id: number): boolean => {
    const known = underMock.get(id)
    if (known !== undefined) return known
    const node = byId.get(id)
    const up = parent.get(id)
    const result = node !== undefined && (/\/assets\/browser-[^/]+\.js$/.test(node.callFrame.url) || (up !== undefined && isUnderMock(up)))
    underMock.set(id, result)
    return result
  }
  const timeDeltas = profile.timeDeltas ?? []
  const self = new Map<string, number>()
  const runs: number[] = []
  let run = 0
  let mockMs = 0
  let appMs = 0
  ;(profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id)
    if (node === undefined) return
    const name = node.callFrame.functionName
    const durationMs = (timeDeltas[i + 1] ?? 0) / 1000
    if (name === '(idle)' || name === '(program)') {
      if (run > 0) runs.push(run)
      run = 0
      return
    }
    run += durationMs
    if (isUnderMock(id)) mockMs += durationMs
    else appMs += durationMs
    const { url, lineNumber, columnNumber } = node.callFrame
    const label = name === '' ? '(anonymous)' : name
    const frame = url === '' ? label : `${label} ${chunkOf(url)}:${String(lineNumber + 1)}:${String(columnNumber + 1)}`
    self.set(frame, (self.get(frame) ?? 0) + durationMs)
  })
  if (run > 0) runs.push(run)
  const top = [...self].map(([frame, t]) => ({ frame, ms: t })).toSorted((x, y) => y.ms - x.ms).slice(0, 8)
  return { mockMs, appMs, busyRuns: runs.filter((r) => r >= 5), top }
}

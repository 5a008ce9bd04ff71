/**
 * The top frames of a V8 CPU profile (`node --cpu-prof`, as `run.ts --cpu-prof` writes for
 * the server): self time per function and per package, so a missed target can say where
 * the server's time went.
 *
 *   npx jiti scripts/bench-server/profile-top.ts test-results/bench-server/CPU.….cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

function main(argv: readonly string[]): void {
  const file = argv[0]
  if (file === undefined) throw new Error('usage: profile-top.ts <file.cpuprofile> [--top N]')
  const at = argv.indexOf('--top')
  const top = at === -1 ? 25 : Number(argv[at + 1])
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))

  // Self time: each sample's delta belongs to the node it landed in.
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const totalUs = profile.endTime - profile.startTime
  const byFunction = new Map<string, number>()
  const byPlace = new Map<string, number>()
  for (const [id, us] of self) {
    const node = byId.get(id)
    if (node === undefined) continue
    const { functionName, url, lineNumber } = node.callFrame
    const name = `${functionName === '' ? '(anonymous)' : functionName}  ${shortUrl(url)}${url === '' ? '' : `:${lineNumber + 1}`}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + us)
    const place = placeOf(url, functionName)
    byPlace.set(place, (byPlace.get(place) ?? 0) + us)
  }
  const show = (title: string, entries: Map<string, number>, n: number) => {
    process.stdout.write(`\n${title}\n`)
    for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      process.stdout.write(`${(us / 1_000).toFixed(0).padStart(8)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${name}\n`)
    }
  }
  process.stdout.write(`${file}: ${(totalUs / 1e6).toFixed(1)} s profiled, ${profile.samples.length} samples\n`)
  show('Self time by place', byPlace, 15)
  show(`Self time, top ${top} functions`, byFunction, top)
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/')
  if (nm !== -1) return url.slice(nm + 'node_modules/'.length)
  return url.replace(/^file:\/\/.*?\/(dist-server|src|server)\//, '$1/')
}

/** A package name, the server's own bundle, node internals, or V8's own (GC, idle, program). */
function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  const nm = url.lastIndexOf('node_modules/')
  if (nm !== -1) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0]?.startsWith('@') === true ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url)
  }
  if (url.startsWith('node:')) return 'node internals'
  if (url.includes('/dist-server/')) return 'dist-server (Vigil server bundle)'
  return url
}

main(process.argv.slice(2))

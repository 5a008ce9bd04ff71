/**
 * Cheap guards for prefers-reduced-motion, reading the source: every Tailwind class
 * that moves things (animate-*, transition*, duration-*, delay-*, ease-*) in src sits
 * under `motion-safe:`, and no Recharts element animates. A new offender fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const MOTION_UTILITY = /^(animate-(?!none$)\S+|transition(-(?!none$)\S+)?|duration-\S+|delay-\S+|ease-\S+)$/

/** Comments go first: prose such as "a status transition needs…" is not a class. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1')
}

/** The motion classes in `source` not under `motion-safe:` (variants such as hover: may come either side). */
function motionOffenders(source: string): string[] {
  return withoutComments(source)
    .split(/[\s'"`{}(),;]+/)
    .filter((token) => {
      const parts = token.split(':')
      const utility = parts.at(-1) ?? ''
      return MOTION_UTILITY.test(utility.replace(/^!/, '')) && !parts.slice(0, -1).includes('motion-safe')
    })
}

test.each([
  ['transition-colors', ['transition-colors']],
  ['motion-safe:transition-colors', []],
  ['hover:motion-safe:transition-colors', []],
  ['motion-safe:hover:transition-colors', []],
  ['animate-pulse', ['animate-pulse']],
  ['motion-safe:animate-[vigil-progress_1s_ease-in-out_infinite]', []],
  ['animate-[vigil-progress_1s_ease-in-out_infinite]', ['animate-[vigil-progress_1s_ease-in-out_infinite]']],
  ['dark:transition', ['dark:transition']],
  ['duration-300 ease-in-out', ['duration-300', 'ease-in-out']],
  ['motion-reduce:transition-none animate-none', []],
  ['`rounded ${x} transition-opacity`', ['transition-opacity']],
  ['// a status transition needs a reason', []],
  ['/* transitions, filters and clocks */', []],
  ['validateTransition(incident, to)', []],
  ["className='flex gap-2'", []],
] as const)('%s → %j', (source, expected) => {
  expect(motionOffenders(source)).toEqual(expected)
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(tsx?|css)$/.test(entry.name) && !/\.(test|bench)\.tsx?$/.test(entry.name) ? [path] : []
  })
}

test('no animation or transition class in src runs for a responder who prefers reduced motion', () => {
  const root = join(import.meta.dirname, '..')
  const files = sourceFiles(root)
  expect(files.length).toBeGreaterThan(50)
  const offenders = files.flatMap((file) => motionOffenders(readFileSync(file, 'utf8')).map((cls) => `${relative(root, file)}: ${cls}`))
  expect(offenders).toEqual([])
})

/** Recharts elements that animate unless told not to (recharts 3: every type with `isAnimationActive`). */
const ANIMATED = ['Line', 'Area', 'Bar', 'Scatter', 'Funnel', 'ErrorBar', 'Pie', 'RadialBar', 'Radar', 'Treemap', 'Tooltip', 'Rectangle']

/** Each opening tag of an animating Recharts element, whole (its props may hold arrows and braces). */
function animatedTags(source: string): string[] {
  const tags: string[] = []
  for (const match of source.matchAll(new RegExp(`<(${ANIMATED.join('|')})\\b`, 'g'))) {
    let depth = 0
    let end = match.index + match[0].length
    for (; end < source.length; end++) {
      const c = source[end]
      if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth === 0) break
    }
    tags.push(source.slice(match.index, end + 1))
  }
  return tags
}

test.each([
  ['<Line dataKey="s0" isAnimationActive={false} />', []],
  ['<Line dataKey="s0" />', ['<Line dataKey="s0" />']],
  ['<Tooltip formatter={(v) => `${v}`} isAnimationActive={false} />', []],
  ['<Bar dataKey="count" fill="#c2410c">', ['<Bar dataKey="count" fill="#c2410c">']],
  ['<LineChart width={1}>', []],
] as const)('the Recharts guard reads %s', (source, expected) => {
  expect(animatedTags(source).filter((tag) => !tag.includes('isAnimationActive={false}'))).toEqual(expected)
})

test('no Recharts chart animates: data changes every few seconds, and reduced motion asks for none', () => {
  const root = join(import.meta.dirname, '..')
  const charts = sourceFiles(root).filter((file) => /from 'recharts'/.test(readFileSync(file, 'utf8')))
  expect(charts.length).toBeGreaterThan(0)
  const animating = charts.flatMap((file) =>
    animatedTags(readFileSync(file, 'utf8'))
      .filter((tag) => !tag.includes('isAnimationActive={false}'))
      .map((tag) => `${relative(root, file)}: ${tag.split('\n')[0] ?? tag}`),
  )
  expect(animating).toEqual([])
})

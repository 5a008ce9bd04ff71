/**
 * Hostile strings as titles and notes: each is either stored and answered back exactly
 * (for titles: exactly as the contract's schema leaves it, which trims them) or refused
 * with a 4xx. Never a 5xx, never altered, never half stored. A short list of our own
 * always runs, and there every string the contract accepts must be stored; the Big List
 * of Naughty Strings runs too where ../shared/corpus exists.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { safeParse } from 'zod/mini'
import { incident, patchIncidentRequest, noteRequest, timelineEvent } from '@/api/schemas'
import { declare, getIncident, patch, timeline } from './incident-steps'
import { call, type Answer, type ContractTarget } from './target'

export const OWN: readonly string[] = [
  '<script>window.__hostile = 1</script>',
  '<img src=x onerror="window.__hostile = 1">',
  "Robert'); DROP TABLE incidents;--",
  '%s%s%s%n {{7*7}} ${7*7} `id`',
  '\u202Eesrever — right-to-left override',
  'Zalgo: Z̴̡̛̛͚͎̪a̸̛͉l̵g̷o̸',
  '𝕍𝕚𝕘𝕚𝕝 🚨🔥👩🏽‍💻 🇫🇷',
  'Control \u0001\u0007\u001b[31m characters',
  '  padded with spaces  ',
  '\uFEFFbyte order mark',
  '',
  ' ',
  'null',
  '../../../../etc/passwd',
  'x'.repeat(201),
]

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/blns.json', import.meta.url))
const BLNS: readonly string[] = existsSync(CORPUS) ? (JSON.parse(readFileSync(CORPUS, 'utf8')) as string[]) : []

/** What the contract makes of `value` in `schema`'s `field`: the stored string, or null when it refuses it. */
function contractValue(schema: typeof patchIncidentRequest | typeof noteRequest, field: 'title' | 'text', value: string): string | null {
  const parsed = safeParse(schema, { [field]: value })
  if (!parsed.success) return null
  const stored = (parsed.data as Record<string, unknown>)[field]
  return typeof stored === 'string' ? stored : null
}

/**
 * What is wrong with the answer to storing `value` (null: nothing). A success must hold
 * exactly what the contract makes of it; a refusal must be a 4xx, and the contract's own
 * refusals its 422. With `mustStore`, what the contract accepts may not be refused at all.
 */
function judge(value: string, expected: string | null, answer: Answer, stored: string | undefined, mustStore: boolean): string | null {
  const shown = JSON.stringify(value)
  if (answer.status >= 200 && answer.status < 300) {
    if (stored === undefined) return `${shown}: the answer breaks the contract`
    if (expected === null) return `${shown}: stored, but the contract refuses it`
    return stored === expected ? null : `${shown}: stored as ${JSON.stringify(stored)}`
  }
  const refusal = `${shown} → HTTP ${answer.status}: ${answer.text.slice(0, 200)}`
  if (answer.status < 400 || answer.status >= 500) return refusal
  if (expected === null) return answer.status === 422 ? null : `${refusal} (the contract refuses it: expected 422)`
  return mustStore ? `${refusal} (the contract accepts it)` : null
}

/** The strings dealt round-robin into `n` lanes; lanes run side by side, each in order on its own incident. */
function lanes(strings: readonly string[], n: number): string[][] {
  const out: string[][] = Array.from({ length: Math.min(n, Math.max(1, strings.length)) }, () => [])
  strings.forEach((s, i) => out[i % out.length]?.push(s))
  return out
}

const LANES = 6

/** Every string as a title, PATCHed one after another onto an incident per lane. */
async function titles(target: ContractTarget, strings: readonly string[], mustStore: boolean): Promise<void> {
  const problems = await Promise.all(
    lanes(strings, LANES).map(async (lane) => {
      let current = await declare(target)
      const found: string[] = []
      let changes = 0
      for (const value of lane) {
        const answer = await patch(target, current.id, current.version, { title: value })
        const parsed = safeParse(incident, answer.json)
        const problem = judge(value, contractValue(patchIncidentRequest, 'title', value), answer, parsed.success ? parsed.data.title : undefined, mustStore)
        if (problem !== null) found.push(problem)
        else if (parsed.success && answer.status < 300) {
          if (parsed.data.version !== current.version) changes += 1
          current = parsed.data
        }
      }
      if (found.length > 0) return found
      // What was stored last is what is there; every accepted change, and nothing else, is on the timeline.
      expect(await getIncident(target, current.id)).toEqual(current)
      expect((await timeline(target, current.id)).filter((e) => e.kind === 'title')).toHaveLength(changes)
      return found
    }),
  )
  expect(problems.flat()).toEqual([])
}

/** Every string as a note, in order on an incident per lane; each timeline then holds exactly its accepted notes, in order. */
async function notes(target: ContractTarget, strings: readonly string[], mustStore: boolean): Promise<void> {
  const problems = await Promise.all(
    lanes(strings, LANES).map(async (lane) => {
      const declared = await declare(target)
      const found: string[] = []
      const stored: string[] = []
      for (const value of lane) {
        const answer = await call(target, 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: value } })
        const parsed = safeParse(timelineEvent, answer.json)
        const problem = judge(value, contractValue(noteRequest, 'text', value), answer, parsed.success ? parsed.data.text : undefined, mustStore)
        if (problem !== null) found.push(problem)
        else if (answer.status < 300) stored.push(value)
      }
      if (found.length > 0) return found
      expect((await timeline(target, declared.id)).filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(stored)
      return found
    }),
  )
  expect(problems.flat()).toEqual([])
}

export function hostileCases(target: () => ContractTarget): void {
  describe('hostile strings', () => {
    test('our own list as titles: what the contract accepts is stored exactly', () => titles(target(), OWN, true))
    test('our own list as notes: what the contract accepts is stored exactly', () => notes(target(), OWN, true))
    test.skipIf(BLNS.length === 0)(`the Big List of Naughty Strings (${BLNS.length}) as titles`, () => titles(target(), BLNS, false), 60_000)
    test.skipIf(BLNS.length === 0)(`the Big List of Naughty Strings (${BLNS.length}) as notes`, () => notes(target(), BLNS, false), 60_000)
  })
}

/**
 * Lists from the API are parsed item by item, so one bad item never blanks a panel:
 * an item that breaks its schema is set aside and counted with the reason, the rest
 * are shown, and a repeated id is shown once. The contract in schemas.ts stays strict
 * for the backends; this leniency is the client's, at the boundary.
 */
import { replaceEqualDeep } from '@tanstack/react-query'
import { safeParse } from 'zod/mini'
import type { $ZodIssue, $ZodType, output } from 'zod/v4/core'

/** What a list left out, for the panel to say: how many items, and why (a few distinct reasons). */
export interface SetAside {
  readonly count: number
  readonly reasons: readonly string[]
}

export const NOTHING_SET_ASIDE: SetAside = { count: 0, reasons: [] }

/** Distinct reasons kept per answer: enough to act on, not a wall of text. */
export const MAX_REASONS = 3
/** A value quoted in a reason is cut to this many characters. */
const MAX_QUOTED = 40

export interface LenientList<T> {
  items: T[]
  setAside: SetAside
}

/**
 * Parses each of `raw` with `schema`, keeping the ones that pass in order. An item that
 * fails, and any later item with an id already kept, is set aside with a reason. Never
 * throws for data that came out of JSON.parse.
 */
export function parseItems<S extends $ZodType>(
  raw: readonly unknown[],
  schema: S,
  idOf: (item: output<S>) => string,
): LenientList<output<S>> {
  const items: output<S>[] = []
  const seen = new Set<string>()
  const reasons = new Reasons()
  for (const candidate of raw) {
    const parsed = safeParse(schema, candidate)
    if (!parsed.success) {
      reasons.add(describeIssue(parsed.error.issues[0], candidate))
      continue
    }
    const key = idOf(parsed.data)
    if (seen.has(key)) {
      reasons.add(`duplicate id ${quote(key)}`)
      continue
    }
    seen.add(key)
    items.push(parsed.data)
  }
  return { items, setAside: reasons.result() }
}

/**
 * What an answer set aside, kept beside the very array a query caches, for answers that
 * must stay plain arrays (callers and tests read them as such). Keyed by the object, so a
 * list built elsewhere (an optimistic update, a test) simply has nothing set aside.
 */
const setAsideByList = new WeakMap<object, SetAside>()

/** Notes what was set aside from `list`'s answer; returns `list`. */
export function noteSetAside<T extends object>(list: T, setAside: SetAside): T {
  setAsideByList.set(list, setAside)
  return list
}

/** What was set aside from the answer `list` came from; nothing for a list it did not come from. */
export function setAsideOfList(list: object): SetAside {
  return setAsideByList.get(list) ?? NOTHING_SET_ASIDE
}

/**
 * TanStack's structural sharing for a noted list: the note moves to the array the cache
 * keeps. After an answer equal to the one held, that is the held array, and the note is
 * the new answer's (the same items, but perhaps other ones set aside).
 */
export function shareNotedList(held: unknown, answer: unknown): unknown {
  const kept = replaceEqualDeep(held, answer)
  if (typeof answer === 'object' && answer !== null && typeof kept === 'object' && kept !== null) {
    setAsideByList.set(kept, setAsideOfList(answer))
  }
  return kept
}

/** Counts what was set aside and keeps its first few distinct reasons. */
export class Reasons {
  private count = 0
  private readonly distinct: string[] = []

  add(reason: string): void {
    this.count += 1
    if (this.distinct.length < MAX_REASONS && !this.distinct.includes(reason)) this.distinct.push(reason)
  }

  result(): SetAside {
    return this.count === 0 ? NOTHING_SET_ASIDE : { count: this.count, reasons: [...this.distinct] }
  }
}

/**
 * One issue in words a responder can read: `unknown status "paused"`,
 * `escalationLevel 0 is out of range`, `title is missing`, `title: Invalid input: expected string, received number`.
 */
export function describeIssue(issue: $ZodIssue | undefined, item: unknown): string {
  if (issue === undefined) return 'invalid item'
  const path = issue.path.map(String).join('.')
  if (path === '') return typeof item === 'object' && item !== null ? issue.message : `not an object (${quote(item)})`
  const value = valueAt(item, issue.path)
  if (value === undefined) return `${path} is missing`
  switch (issue.code) {
    case 'invalid_value':
      return `unknown ${path} ${quote(value)}`
    case 'too_big':
    case 'too_small':
      return typeof value === 'number' ? `${path} ${quote(value)} is out of range` : `${path}: ${issue.message}`
    default:
      return `${path}: ${issue.message}`
  }
}

function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = item
  for (const key of path) {
    if (typeof at !== 'object' || at === null || typeof key === 'symbol') return undefined
    at = (at as Record<string | number, unknown>)[key]
  }
  return at
}

function quote(value: unknown): string {
  let text: string
  try {
    // JSON-parsed data has no functions or symbols, the values JSON.stringify leaves undefined.
    text = value === undefined ? 'nothing' : JSON.stringify(value)
  } catch {
    text = String(value)
  }
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text
}

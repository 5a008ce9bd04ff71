/**
 * Refusing a request body in words both backends share: a 422 whose `field` is the dotted
 * path of the first problem and whose message names it, and text that PostgreSQL cannot
 * store (NUL, half a surrogate pair) refused before it reaches a database.
 */
import type { $ZodIssue } from 'zod/v4/core'
import type { ValidationProblem } from './endpoints'

// ---------------------------------------------------------------- 422 in words

/**
 * The 422 body for a schema violation: the first issue's dotted path and a sentence that
 * names it. Both backends use it, so a client sees the same words from either.
 */
export function validationProblemOf(issues: readonly $ZodIssue[]): ValidationProblem {
  const issue = issues[0]
  if (issue === undefined) return { message: 'The request body is invalid.', field: '' }
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path
  const field = path.map(String).join('.')
  const what = field === '' ? 'The request body' : `\`${field}\``
  return { message: `${what} ${issueWords(issue)}.`, field }
}

function issueWords(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected === 'undefined' ? 'absent' : article(issue.expected)}`
    case 'too_small':
      return bound('at least', issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.exact === true)
    case 'too_big':
      return bound('at most', issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.exact === true)
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_format':
      return issue.format === 'datetime' ? 'must be an ISO 8601 date-time with an offset' : `must be a valid ${issue.format}`
    case 'unrecognized_keys':
      return 'is not a field this request takes'
    case 'invalid_union':
      return 'is none of the accepted forms'
    default:
      return issue.message === '' || issue.message === 'Invalid input' ? 'is invalid' : `is invalid: ${issue.message}`
  }
}

function bound(words: 'at least' | 'at most', origin: string, n: number, inclusive: boolean, exact: boolean): string {
  const count = (unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  const limit = exact ? 'exactly' : words
  if (origin === 'string') return `must be ${limit} ${count('character')} long`
  if (origin === 'array' || origin === 'set') return `must have ${limit} ${count('item')}`
  const sign = words === 'at least' ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<'
  return `must be ${sign} ${n}`
}

function article(expected: string): string {
  return /^[aeio]/.test(expected) ? `an ${expected}` : `a ${expected}`
}

/** Half of a UTF-16 pair: not text; PostgreSQL cannot store it (jsonb refuses it, text would alter it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function unstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text)
}

/**
 * Where the first string (a value or a key) that PostgreSQL cannot store sits in a parsed
 * JSON body — one holding U+0000 or an unpaired UTF-16 surrogate — or null. Both backends
 * refuse such a body with a 422, rather than one storing it and the other failing or
 * quietly altering it.
 */
export function unstorableTextPath(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return unstorable(value) ? [...path] : null
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, i])
      if (found) return found
    }
    return null
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key)) return [...path, key]
      const found = unstorableTextPath(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

/** The 422 body for unstorable text found at `path` (see unstorableTextPath). */
export function unstorableTextProblem(path: readonly (string | number)[]): ValidationProblem {
  const field = path.map(String).join('.')
  const what = field === '' ? 'The request body' : `\`${field}\``
  return { message: `${what} contains a NUL character (U+0000) or half a surrogate pair, which cannot be stored.`, field }
}

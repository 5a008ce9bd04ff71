/**
 * A log level as an agent writes it, read onto the contract's four. The contract stays
 * strict for backends (the app's leniency is its own), so a word it does not list is
 * not sent as the level: it is mapped to the nearest level, so the panel's level filter
 * still finds it (ERROR finds FATAL), and kept in front of the message, so the line still
 * says FATAL the way the agent wrote it.
 */
import type { LogLine } from '@/api/schemas'

type Level = LogLine['level']

export interface ReadLevel {
  level: Level
  /** The word as written, when the level alone would lose something (FATAL, TRACE, AUDIT); else null. */
  kept: string | null
}

/** Spellings that mean exactly a contract level: nothing to keep. */
const SAME: Readonly<Record<string, Level>> = {
  DEBUG: 'DEBUG',
  INFO: 'INFO',
  INFORMATION: 'INFO',
  WARN: 'WARN',
  WARNING: 'WARN',
  ERROR: 'ERROR',
  ERR: 'ERROR',
}

/** Known words that say more than their nearest level: the word is kept. */
const NEAREST: Readonly<Record<string, Level>> = {
  TRACE: 'DEBUG',
  FINE: 'DEBUG',
  FINER: 'DEBUG',
  FINEST: 'DEBUG',
  VERBOSE: 'DEBUG',
  NOTICE: 'INFO',
  SEVERE: 'ERROR',
  CRIT: 'ERROR',
  CRITICAL: 'ERROR',
  FATAL: 'ERROR',
  PANIC: 'ERROR',
  DPANIC: 'ERROR',
  ALERT: 'ERROR',
  EMERG: 'ERROR',
  EMERGENCY: 'ERROR',
}

/** A level word as it may open a plain line; unknown words are not levels there. */
export function knownLevel(word: string): ReadLevel | null {
  const upper = word.toUpperCase()
  const same = SAME[upper]
  if (same !== undefined) return { level: same, kept: null }
  const nearest = NEAREST[upper]
  return nearest === undefined ? null : { level: nearest, kept: upper }
}

/**
 * The value of a JSON line's level field: a word (any case), or pino's numbers
 * (10 trace … 60 fatal). A word nobody knows is INFO with the word kept; an unusable
 * value (empty, an object) is INFO.
 */
export function readLevel(value: unknown): ReadLevel {
  if (typeof value === 'number' && Number.isFinite(value)) return pinoLevel(value)
  if (typeof value !== 'string') return { level: 'INFO', kept: null }
  const word = value.trim()
  if (word === '') return { level: 'INFO', kept: null }
  if (/^\d+$/.test(word)) return pinoLevel(Number(word))
  return knownLevel(word) ?? { level: 'INFO', kept: word.slice(0, 20).toUpperCase() }
}

function pinoLevel(n: number): ReadLevel {
  if (n <= 10) return { level: 'DEBUG', kept: 'TRACE' }
  if (n <= 20) return { level: 'DEBUG', kept: null }
  if (n <= 30) return { level: 'INFO', kept: null }
  if (n <= 40) return { level: 'WARN', kept: null }
  if (n <= 50) return { level: 'ERROR', kept: null }
  return { level: 'ERROR', kept: 'FATAL' }
}

/**
 * One line of the agent's log file read into the contract's log line. Two shapes are
 * read, liberally, because agents log either way:
 * - a JSON object (pino, structlog, zap, ECS…): time/timestamp/ts, level/severity,
 *   message/msg, service/logger/component, error_type;
 * - the agent's plain `LEVEL message`, e.g. `ERROR STT request failed: timeout`, maybe
 *   after an ISO timestamp and with the level in brackets.
 * Nothing is thrown away: a line that fits neither shape is an INFO line of its own text.
 * Pure: the time the line was read stands in for a time the line does not carry.
 */
import type { LogLine } from '@/api/schemas'
import { knownLevel, readLevel, type ReadLevel } from './levels'

export type ParsedLine = Omit<LogLine, 'id'>

/** A longer message is cut: it keeps the answer and the ring buffer small (a stack trace stays readable). */
export const MAX_MESSAGE_CHARS = 4_000
/** A service name or error type longer than this is cut; the panel's service filter takes 50. */
const MAX_SERVICE_CHARS = 100
/** Lines that name no service are the agent's own. */
export const DEFAULT_SERVICE = 'agent'
/** A plain message opening with one of these names its service: `ERROR STT request failed` is stt's. */
const SERVICES_NAMED_FIRST = new Set(['agent', 'stt', 'llm', 'tts', 'livekit', 'database'])
/** Date.prototype.toISOString throws outside years 0…9999. */
const LAST_ISO_MS = 253_402_300_799_999

/**
 * @param text the line without its newline
 * @param readAtMs when it was read: the line's time when it gives none
 * @param cutNote set when the raw line was cut before it ended (it is marked so)
 */
export function parseLine(text: string, readAtMs: number, cutNote: string | null = null): ParsedLine {
  const parsed = parseJsonLine(text, readAtMs) ?? parsePlainLine(text, readAtMs)
  let message = parsed.message
  if (message.length > MAX_MESSAGE_CHARS) message = `${message.slice(0, MAX_MESSAGE_CHARS)} …[cut: ${message.length - MAX_MESSAGE_CHARS} more characters]`
  if (cutNote !== null) message = `${message} …[cut: ${cutNote}]`
  return { ...parsed, message }
}

// ---------------------------------------------------------------- JSON lines

const TIME_KEYS = ['time', 'timestamp', 'ts', '@timestamp', 'datetime']
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'levelname', 'log.level', 'loglevel']
const MESSAGE_KEYS = ['message', 'msg', 'event', 'text']
const SERVICE_KEYS = ['service', 'service.name', 'component', 'logger', 'logger_name', 'name']
const ERROR_TYPE_KEYS = ['error_type', 'errorType', 'error.type']
/** Objects with a `type` (pino's `err`); their text is a message, not a type. */
const ERROR_OBJECT_KEYS = ['err', 'error']

function parseJsonLine(text: string, readAtMs: number): ParsedLine | null {
  if (!text.trimStart().startsWith('{')) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const fields = value as Record<string, unknown>
  const pick = (keys: readonly string[]) => keys.map((k) => fields[k]).find((v) => v !== undefined && v !== null && v !== '')

  const rawMessage = pick(MESSAGE_KEYS)
  // Without a message the whole object is the message: the panel still shows what was logged.
  const message = rawMessage === undefined ? text.trim() : typeof rawMessage === 'string' ? rawMessage : JSON.stringify(rawMessage)
  const level = readLevel(pick(LEVEL_KEYS))
  const service = textOf(pick(SERVICE_KEYS), 'name')
  return {
    at: isoOf(readTime(pick(TIME_KEYS)) ?? readAtMs),
    level: level.level,
    service: service === null ? serviceNamedFirst(message) : service.slice(0, MAX_SERVICE_CHARS),
    message: withKept(level, message),
    errorType: (textOf(pick(ERROR_TYPE_KEYS), null) ?? errorObjectType(pick(ERROR_OBJECT_KEYS)))?.slice(0, MAX_SERVICE_CHARS) ?? null,
  }
}

/** A string, or an object's string field `inner` (ECS `service: {name}`, pino `err: {type}`); else null. */
function textOf(value: unknown, inner: string | null): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (inner !== null && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const nested = (value as Record<string, unknown>)[inner]
    if (typeof nested === 'string' && nested.trim() !== '') return nested.trim()
  }
  return null
}

function errorObjectType(value: unknown): string | null {
  return typeof value === 'object' ? textOf(value, 'type') : null
}

/** Epoch milliseconds (pino), epoch seconds (zap, Python's time.time()), or an ISO-like text. */
function readTime(value: unknown): number | null {
  if (typeof value === 'number') return epoch(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return epoch(Number(text))
  return readIsoTime(text)
}

function epoch(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null
  // Seconds until the year 5138; milliseconds from 1973 on. No agent logs from between.
  const ms = n < 1e11 ? n * 1000 : n
  return ms <= LAST_ISO_MS ? Math.round(ms) : null
}

// ---------------------------------------------------------------- plain lines

/** `2026-05-01T10:00:00.123Z`, `2026-05-01 10:00:00,123`, `+02:00` or `+0200`, in brackets or not. */
const LEADING_TIME = /^\[?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)\]?(?:\s+|$)/
/** `ERROR`, `[error]`, `WARN:`, `<FATAL>` followed by a space or the end of the line. */
const LEADING_LEVEL = /^[[<]?([A-Za-z]{3,11})[\]>]?:?(?:\s+|$)/

function parsePlainLine(text: string, readAtMs: number): ParsedLine {
  let rest = text.trim()
  let atMs: number | null = null
  const time = LEADING_TIME.exec(rest)
  if (time?.[1] !== undefined) {
    atMs = readIsoTime(time[1])
    rest = rest.slice(time[0].length)
  }
  let level: ReadLevel = { level: 'INFO', kept: null }
  const word = LEADING_LEVEL.exec(rest)
  const known = word?.[1] === undefined ? null : knownLevel(word[1])
  if (word !== null && known !== null) {
    level = known
    rest = rest.slice(word[0].length)
  }
  const message = rest
  return {
    at: isoOf(atMs ?? readAtMs),
    level: level.level,
    service: /\bservice=(\S+)/.exec(message)?.[1]?.slice(0, MAX_SERVICE_CHARS) ?? serviceNamedFirst(message),
    message: withKept(level, message),
    errorType: /\berror_type=(\S+)/.exec(message)?.[1]?.slice(0, MAX_SERVICE_CHARS) ?? null,
  }
}

// ---------------------------------------------------------------- shared

/** ISO-like text to epoch ms; a time without an offset is read as UTC, as servers log. */
function readIsoTime(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim())
  if (m === null) return null
  const [, date, clock, fraction, zone] = m
  const ms = fraction === undefined ? '' : `.${fraction.slice(0, 3).padEnd(3, '0')}`
  const offset = zone === undefined ? 'Z' : zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  const at = Date.parse(`${date ?? ''}T${clock ?? ''}${ms}${offset}`)
  return Number.isNaN(at) || at < 0 || at > LAST_ISO_MS ? null : at
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString()
}

function serviceNamedFirst(message: string): string {
  const first = /^[[(]?([A-Za-z]+)[\]):]?(?:\s|$)/.exec(message)?.[1]?.toLowerCase()
  return first !== undefined && SERVICES_NAMED_FIRST.has(first) ? first : DEFAULT_SERVICE
}

function withKept(level: ReadLevel, message: string): string {
  return level.kept === null ? message : `[${level.kept}] ${message}`
}

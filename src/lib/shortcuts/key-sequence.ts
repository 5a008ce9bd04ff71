/**
 * Vigil's keyboard shortcuts as data, and the rule that turns a stream of keys into
 * commands. Pure: the clock is an argument, so the `g` prefix timeout is table-tested.
 */

export const DESTINATIONS = {
  o: { to: '/', label: 'Overview' },
  m: { to: '/metrics', label: 'Metrics' },
  a: { to: '/alerts', label: 'Alerts' },
  i: { to: '/incidents', label: 'Incidents' },
  r: { to: '/runbooks', label: 'Runbooks' },
  w: { to: '/wall', label: 'Wall' },
} as const

export type DestinationKey = keyof typeof DESTINATIONS

/** Commands any page of the desk layout answers. */
export type GlobalCommand = 'help' | 'search' | 'declare' | { go: DestinationKey }
/** Commands a page answers only while it has registered for them (a list, an incident). */
export type PageCommand = 'next' | 'previous' | 'open' | 'acknowledge' | 'escalate' | 'note'
export type Command = GlobalCommand | PageCommand

/** How long after `g` the second key still counts as part of the sequence. */
export const PREFIX_TIMEOUT_MS = 1500

/** A pending `g` and when it was pressed; null when no sequence is under way. */
export type SequenceState = { prefix: 'g'; at: number } | null

export interface Interpretation {
  state: SequenceState
  command: Command | null
}

const SINGLE_KEYS: Readonly<Record<string, Command>> = {
  '?': 'help',
  '/': 'search',
  d: 'declare',
  j: 'next',
  k: 'previous',
  Enter: 'open',
  a: 'acknowledge',
  e: 'escalate',
  n: 'note',
}

const isDestination = (key: string): key is DestinationKey => Object.hasOwn(DESTINATIONS, key)

/**
 * One key (KeyboardEvent.key) at time `now` (ms, any monotonic origin). After `g`, a
 * destination letter within PREFIX_TIMEOUT_MS navigates and any other key cancels the
 * sequence; once the prefix has lapsed the key is read on its own.
 */
export function interpretKey(state: SequenceState, key: string, now: number): Interpretation {
  const pending = state !== null && now - state.at <= PREFIX_TIMEOUT_MS
  if (pending) {
    if (isDestination(key)) return { state: null, command: { go: key } }
    // `g g` starts the sequence again rather than leaving the responder stuck.
    if (key === 'g') return { state: { prefix: 'g', at: now }, command: null }
    return { state: null, command: null }
  }
  if (key === 'g') return { state: { prefix: 'g', at: now }, command: null }
  return { state: null, command: SINGLE_KEYS[key] ?? null }
}

export interface ShortcutHelp {
  keys: readonly string[]
  /** Said between keys: "then" for a sequence. */
  sequence: boolean
  does: string
}

/** What the "Keyboard shortcuts" dialog lists, grouped as a responder uses them. */
export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly ShortcutHelp[] }[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['?'], sequence: false, does: 'Show this list of shortcuts' },
      ...Object.entries(DESTINATIONS).map(([key, d]) => ({ keys: ['g', key], sequence: true, does: `Go to ${d.label}` })),
      // The Overview has no search or filter: there `/` is left to the browser.
      { keys: ['/'], sequence: false, does: 'Focus the page’s search or filter: Metrics range, Alerts state, Incidents search, Runbooks search' },
      { keys: ['d'], sequence: false, does: 'Declare incident' },
    ],
  },
  {
    title: 'Incident and alert lists',
    shortcuts: [
      { keys: ['j'], sequence: false, does: 'Select the next incident or alert' },
      { keys: ['k'], sequence: false, does: 'Select the previous incident or alert' },
      { keys: ['Enter'], sequence: false, does: 'Open the selected incident, or the selected alert’s incident, playbook or chart' },
    ],
  },
  {
    title: 'Incident',
    shortcuts: [
      { keys: ['a'], sequence: false, does: 'Acknowledge' },
      { keys: ['e'], sequence: false, does: 'Escalate' },
      { keys: ['n'], sequence: false, does: 'Write a note' },
    ],
  },
]

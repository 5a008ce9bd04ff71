/**
 * Where the live-update stream stands. Polling goes on in every state; only `live` means
 * changes also arrive as they happen.
 */
export type LiveConnection =
  /** This browser (or jsdom) has no EventSource: polling only, and nothing to show for it. */
  | { kind: 'unsupported' }
  /** The first attempt, not answered yet. */
  | { kind: 'connecting' }
  | { kind: 'live'; sinceMs: number }
  /** Dropped (or never opened) at `sinceMs`; reconnecting with backoff. */
  | { kind: 'down'; sinceMs: number }

export function isLive(connection: LiveConnection): boolean {
  return connection.kind === 'live'
}

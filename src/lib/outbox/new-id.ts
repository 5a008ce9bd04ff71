/**
 * A unique id for a change: its outbox entry id and the Idempotency-Key it is sent with.
 * crypto.randomUUID exists only in secure contexts; a wall display opened over plain
 * http on the LAN is not one, so there is a fallback that is unique enough per browser.
 */
export function newChangeId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

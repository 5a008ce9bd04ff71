/**
 * The part of EventSource the live updates use, so tests can hand in a double (jsdom has
 * none) and the platform's constructor fits as it is.
 */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: Event) => void): void
  close(): void
}

export type EventSourceConstructor = new (url: string) => EventSourceLike

/** The platform's EventSource, or null where there is none (jsdom, old runtimes). */
export function platformEventSource(): EventSourceConstructor | null {
  return typeof globalThis.EventSource === 'function' ? globalThis.EventSource : null
}

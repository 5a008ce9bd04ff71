/**
 * A stand-in EventSource for tests (jsdom has none). Nothing the app ships imports this
 * file. Each call makes a fresh family, so no state outlives a test: the test drives
 * every source by hand (`open`, `send`, `fail`) and sees which were opened and closed.
 */
import type { EventSourceLike } from './event-source-like'

export interface FakeEventSource extends EventSourceLike {
  readonly url: string
  readonly closed: boolean
  /** The response arrived: the browser fires `open`. */
  open(): void
  /** One message named `event` with this `data` line. */
  send(event: string, data: string): void
  /** The connection failed or dropped: the browser fires `error`. */
  fail(): void
  /** Any event, bypassing the closed check, to play a misbehaving source. */
  dispatchEvent(event: Event): boolean
}

export function createFakeEventSources() {
  const opened: FakeEventSource[] = []

  class Fake extends EventTarget implements FakeEventSource {
    closed = false
    constructor(readonly url: string) {
      super()
      opened.push(this)
    }
    close(): void {
      this.closed = true
    }
    // A closed EventSource fires nothing more; neither does this one.
    open(): void {
      if (!this.closed) this.dispatchEvent(new Event('open'))
    }
    send(event: string, data: string): void {
      if (!this.closed) this.dispatchEvent(new MessageEvent(event, { data }))
    }
    fail(): void {
      if (!this.closed) this.dispatchEvent(new Event('error'))
    }
  }

  return {
    EventSource: Fake,
    opened,
    /** The newest source; throws when none was opened, so a test cannot pass without one. */
    latest(): FakeEventSource {
      const source = opened.at(-1)
      if (source === undefined) throw new Error('no EventSource was opened')
      return source
    },
  }
}

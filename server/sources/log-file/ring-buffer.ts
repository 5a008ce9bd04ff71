/** The newest `capacity` items: pushing one more drops the oldest. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[]
  /** Where the next item goes. */
  private next = 0
  private count = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`A ring buffer holds at least one item (asked for ${capacity}).`)
    this.items = new Array<T | undefined>(capacity)
  }

  get size(): number {
    return this.count
  }

  push(item: T): void {
    this.items[this.next] = item
    this.next = (this.next + 1) % this.capacity
    this.count = Math.min(this.count + 1, this.capacity)
  }

  /** Newest first. */
  *newestFirst(): Generator<T> {
    for (let i = 1; i <= this.count; i++) {
      const item = this.items[(this.next - i + this.capacity) % this.capacity]
      if (item !== undefined) yield item
    }
  }
}

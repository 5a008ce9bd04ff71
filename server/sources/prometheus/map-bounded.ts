/** Runs `work` over `items` with at most `limit` at once, answers in the items' order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  // Each runner takes the next item when its last one is done, so a slow query holds
  // one slot, not the whole batch, and Prometheus never sees more than `limit` queries.
  const runner = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner))
  return results
}

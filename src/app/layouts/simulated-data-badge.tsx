/**
 * Says, on every page, that the numbers are the built-in simulator's, so nobody takes
 * them for their services'. Plain text, no role: pages keep their only `status` region.
 */
export function SimulatedDataBadge({ size }: { size: 'header' | 'wall' }) {
  const look =
    size === 'wall'
      ? // The wall is read from across a room and is always dark: solid amber, large.
        'bg-amber-400 px-4 py-1 text-lg font-bold text-black'
      : 'border border-amber-300 bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-950 dark:border-amber-400/50 dark:bg-amber-400/15 dark:text-amber-200'
  return (
    <span title="Numbers come from Vigil's built-in simulator, not your services" className={`shrink-0 rounded-full whitespace-nowrap ${look}`}>
      Simulated data
    </span>
  )
}

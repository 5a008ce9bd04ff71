import { useLiveConnection } from './live-updates'

/**
 * A small header note: whether changes arrive as they happen or only with each poll.
 * Nothing where the browser cannot stream at all: there is no "off" to switch back on.
 */
export function LiveUpdatesStatus() {
  const connection = useLiveConnection()
  if (connection.kind === 'unsupported') return null
  const live = connection.kind === 'live'
  const said = live ? 'Live updates' : 'Live updates off — polling'
  // Short on screen below 2xl, where a full header (mock scenario control included) must fit 1280 px; whole for screen readers and on hover.
  return (
    <p title={said} className="flex items-center gap-1.5 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
      <span
        aria-hidden="true"
        className={`inline-block size-1.5 rounded-full ${live ? 'bg-emerald-600 dark:bg-emerald-400' : 'bg-zinc-400 dark:bg-zinc-500'}`}
      />
      <span role="status" className="sr-only 2xl:not-sr-only">
        {said}
      </span>
      <span aria-hidden="true" className="2xl:hidden">
        {live ? 'Live' : 'Polling'}
      </span>
    </p>
  )
}

/**
 * The wall's request timeout. Its refresh-and-retry schedule is every polled panel's
 * (src/api/refresh-schedule.ts), run in a background tab too.
 */

/** A wall request that has not answered by now has failed; the next refresh is due soon. */
export const WALL_TIMEOUT_MS = 4_000

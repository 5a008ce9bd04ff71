/** How often the alert states are read; live updates ask sooner when they change. */
export const ALERTS_REFRESH_MS = 10_000

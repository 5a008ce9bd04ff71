import type { ChangeNotice } from '@/api/events'

/** Notices arriving within this long of the first are applied together. */
export const BATCH_MS = 100

export interface NoticeBatch {
  add(notice: ChangeNotice): void
  /** Drops what is pending and its timer (on unmount). */
  cancel(): void
}

/**
 * Gathers notices briefly before applying them: a burst (an outbox flushing ten notes, a
 * bulk change) becomes one refetch per query, where applying each at once would cancel
 * and restart the same fetch ten times.
 */
export function createNoticeBatch(apply: (notices: ChangeNotice[]) => void, delayMs = BATCH_MS): NoticeBatch {
  let pending: ChangeNotice[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  return {
    add(notice) {
      pending.push(notice)
      timer ??= setTimeout(() => {
        timer = null
        const notices = pending
        pending = []
        apply(notices)
      }, delayMs)
    },
    cancel() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      pending = []
    },
  }
}

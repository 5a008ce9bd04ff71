/**
 * MSW (msw/browser, getWorkerInstance) calls `registration.update()` on an existing mock
 * worker without handling its promise. When that registration is going away — the
 * worker unregisters itself once its last page closes, so a reload or a second tab can
 * land in between — or its script cannot be fetched, the promise rejects and the page
 * gets an uncaught "Failed to update a ServiceWorker for scope (…) with script
 * (…mockServiceWorker.js): Not found". Nothing is lost: MSW goes on to register a fresh
 * worker (and src/mocks/browser.ts waits until that one controls the page). So this one
 * rejection, and only this one, is handled here instead of reaching the console.
 */
export function isMockWorkerUpdateFailure(reason: unknown, workerUrl: string): boolean {
  if (typeof reason !== 'object' || reason === null || !('message' in reason)) return false
  const message = String(reason.message)
  return message.startsWith('Failed to update a ServiceWorker') && message.includes(workerUrl)
}

/** Handles that rejection for the life of the page; returns the way to stop. */
export function absorbMockWorkerUpdateFailures(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, workerUrl: string): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    if (isMockWorkerUpdateFailure(event.reason, workerUrl)) event.preventDefault()
  }
  target.addEventListener('unhandledrejection', onRejection)
  return () => {
    target.removeEventListener('unhandledrejection', onRejection)
  }
}

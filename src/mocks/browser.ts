/**
 * The mock backend in the browser (`npm run dev`, the default build). The world is
 * kept in localStorage, so every tab of this browser shares one scenario and one
 * incident store, and a reload keeps both.
 */
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers/all'
import { createWorld } from './world'

export async function startMockWorker(): Promise<void> {
  const world = createWorld({ storage: browserStorage() })
  const worker = setupWorker(...createHandlers(world))
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  await pageControlled(3000)
}

/**
 * MSW's worker unregisters itself when its last page closes; a full navigation can land
 * while that happens and leave the new page uncontrolled for a moment, so its first API
 * calls would go to the network. Wait until a worker controls the page (bounded).
 */
async function pageControlled(timeoutMs: number): Promise<void> {
  if (navigator.serviceWorker.controller !== null) return
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true })
  })
}

/** localStorage, or nothing (memory) where it is blocked, as in some private windows. */
function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/**
 * The mock backend in the browser (`npm run dev`, the default build). The world is
 * kept in localStorage, so every tab of this browser shares one scenario and one
 * incident store, and a reload keeps both.
 */
import { setupWorker } from 'msw/browser'
import { createHandlers } from './handlers/all'
import { createWorld } from './world'
import { absorbMockWorkerUpdateFailures } from './worker-update-failure'

export async function startMockWorker(): Promise<void> {
  const world = createWorld({ storage: browserStorage() })
  const worker = setupWorker(...createHandlers(world))
  // MSW's worker sends every answer a second time, as a transferred stream, for these life-cycle
  // events; unread, each keeps a MessagePort and its listeners alive (the wall soak measured
  // +0.84 MB retained per 300 refresh cycles, about 45 MB a day on a wall).
  worker.events.on('response:mocked', ({ response }) => {
    void response.body?.cancel()
  })
  worker.events.on('response:bypass', ({ response }) => {
    void response.body?.cancel()
  })
  performance.mark('vigil:mock-world')
  const url = `${import.meta.env.BASE_URL}mockServiceWorker.js`
  // For the life of the page: MSW's unhandled update() can reject after start resolves.
  absorbMockWorkerUpdateFailures(window, 'mockServiceWorker.js')
  const registration = await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url },
  })
  performance.mark('vigil:worker-started')
  // Bounded so a broken worker cannot hold the app forever; generous, as a loaded machine can take seconds to activate it.
  await controlledBy(registration, 10_000)
  performance.mark('vigil:worker-controlling')
}

/**
 * MSW's worker unregisters itself when its last page closes. A reload can land while that
 * happens: the new page is then controlled by the old, uninstalling worker, which does not
 * know it and sends its API calls to the network (a 404 in the console), while MSW starts a
 * new registration beside it. Wait until the page is controlled by the worker MSW started
 * (it claims its pages when it activates), bounded.
 */
async function controlledBy(registration: ServiceWorkerRegistration | undefined, timeoutMs: number): Promise<void> {
  const container = navigator.serviceWorker
  const ready = () => container.controller !== null && (registration === undefined || container.controller === registration.active)
  if (ready()) return
  await new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer)
      container.removeEventListener('controllerchange', onChange)
      resolve()
    }
    const onChange = () => {
      if (ready()) finish()
    }
    const timer = setTimeout(finish, timeoutMs)
    container.addEventListener('controllerchange', onChange)
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

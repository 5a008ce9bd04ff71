import { absorbMockWorkerUpdateFailures, isMockWorkerUpdateFailure } from './worker-update-failure'

const URL = 'mockServiceWorker.js'
const chromiumMessage = (tail: string) =>
  `Failed to update a ServiceWorker for scope ('http://127.0.0.1:4173/') with script ('http://127.0.0.1:4173/mockServiceWorker.js'): ${tail}`

test.each([
  ['the mock worker gone while MSW updates it', new DOMException(chromiumMessage('Not found'), 'InvalidStateError'), true],
  ['the mock worker script missing', new TypeError(chromiumMessage('A bad HTTP response code (404) was received when fetching the script.')), true],
  ['another service worker', new TypeError("Failed to update a ServiceWorker for scope ('/') with script ('/sw.js'): Not found"), false],
  ['any other rejection', new Error('Something else'), false],
  ['a rejection with no error', undefined, false],
  ['a string', chromiumMessage('Not found'), false],
] as const)('%s: handled %s', (_, reason, expected) => {
  expect(isMockWorkerUpdateFailure(reason, URL)).toBe(expected)
})

function rejection(reason: unknown): PromiseRejectionEvent {
  const event = new Event('unhandledrejection', { cancelable: true }) as PromiseRejectionEvent
  Object.defineProperty(event, 'reason', { value: reason })
  return event
}

test('only that rejection is kept from the console, until stopped', () => {
  const target = new EventTarget()
  const stop = absorbMockWorkerUpdateFailures(target, URL)
  const ours = rejection(new DOMException(chromiumMessage('Not found')))
  const other = rejection(new Error('a real bug'))
  target.dispatchEvent(ours)
  target.dispatchEvent(other)
  expect(ours.defaultPrevented).toBe(true)
  expect(other.defaultPrevented).toBe(false)
  stop()
  const later = rejection(new DOMException(chromiumMessage('Not found')))
  target.dispatchEvent(later)
  expect(later.defaultPrevented).toBe(false)
})

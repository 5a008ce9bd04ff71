import '@testing-library/jest-dom/vitest'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { cleanup, configure } from '@testing-library/react'
import { resetServerSkew } from '@/api/server-time'
import { resetWorld, server } from '@/mocks/node'

// Lazy routes and the mock backend answer in tens of ms on a quiet machine, but CI shares
// two cores with the build: give findBy*/waitFor room so a slow machine is not a failure.
configure({ asyncUtilTimeout: 5000 })

// A console.error during a test is a bug the test did not assert on: fail it.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during test: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  cleanup()
  // A pinned mock clock moves the client's skew estimate; the next test starts from none.
  // After cleanup: a component still on screen would re-render outside act().
  resetServerSkew()
})

// The mock backend (src/mocks): every test talks to it over fetch; an unknown request fails.
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})

afterEach(() => {
  server.resetHandlers()
  resetWorld()
})

afterAll(() => {
  server.close()
})

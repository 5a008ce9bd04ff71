import '@testing-library/jest-dom/vitest'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { cleanup } from '@testing-library/react'
import { resetServerSkew } from '@/api/server-time'
import { resetWorld, server } from '@/mocks/node'

// A console.error during a test is a bug the test did not assert on: fail it.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during test: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  cleanup()
})

// The mock backend (src/mocks): every test talks to it over fetch; an unknown request fails.
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})

afterEach(() => {
  server.resetHandlers()
  resetWorld()
  // A pinned mock clock moves the client's skew estimate; the next test starts from none.
  resetServerSkew()
})

afterAll(() => {
  server.close()
})

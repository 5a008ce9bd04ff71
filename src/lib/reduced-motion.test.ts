import { prefersReducedMotion, scrollBehavior } from './reduced-motion'

/** A matchMedia that answers `reduce` for the reduced-motion query, as a browser set to it would. */
function givenMotionPreference(reduce: boolean) {
  const matchMedia = vi.fn((query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    media: query,
    onchange: null,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    addListener: vi.fn(),
    removeListener: vi.fn(),
    dispatchEvent: vi.fn(() => false),
  }))
  vi.stubGlobal('matchMedia', matchMedia)
  return matchMedia
}

afterEach(() => {
  vi.unstubAllGlobals()
})

test('a responder who asks for reduced motion gets no smooth scrolling', () => {
  const matchMedia = givenMotionPreference(true)
  expect(prefersReducedMotion()).toBe(true)
  expect(scrollBehavior()).toBe('auto')
  expect(matchMedia).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)')
})

test('with no such preference scrolling is smooth', () => {
  givenMotionPreference(false)
  expect(prefersReducedMotion()).toBe(false)
  expect(scrollBehavior()).toBe('smooth')
})

test('the preference is read at each call, so a change in the OS applies to the next scroll', () => {
  givenMotionPreference(false)
  expect(scrollBehavior()).toBe('smooth')
  givenMotionPreference(true)
  expect(scrollBehavior()).toBe('auto')
})

test('without matchMedia (jsdom) there is no preference: motion allowed', () => {
  expect(typeof window.matchMedia).toBe('undefined')
  expect(prefersReducedMotion()).toBe(false)
})

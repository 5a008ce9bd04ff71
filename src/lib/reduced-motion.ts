/**
 * The responder's `prefers-reduced-motion`, read when it is needed: smooth scrolling
 * (the only motion Vigil starts from script) is used only when motion is allowed.
 * Charts never animate and CSS motion sits under Tailwind's `motion-safe:`, so nothing
 * renders differently by it and no hook subscribes to its changes.
 */
const QUERY = '(prefers-reduced-motion: reduce)'

export function prefersReducedMotion(): boolean {
  // Without matchMedia (jsdom, very old browsers) there is no preference to honour.
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches
}

/** `behavior` for scrollIntoView / scrollTo: smooth, unless the responder asked for less motion. */
export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? 'auto' : 'smooth'
}

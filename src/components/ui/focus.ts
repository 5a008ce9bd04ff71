/** One visible focus ring for every control, in both themes (WCAG 2.4.7). */
export const focusRing =
  'outline-hidden focus-visible:outline-solid focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:focus-visible:outline-sky-400'

/**
 * Zod compiles object parsers with `new Function` unless told not to. The app runs under
 * a CSP without 'unsafe-eval', so the compiled path could never run in a browser, and
 * zod's probe for it (a caught `new Function("")`) is itself reported as a CSP violation.
 * Jitless parsing runs no generated code. The setting is read when a schema is built, so
 * this module is imported before anything that builds one (first in main.tsx, and by
 * schemas.ts).
 */
import { config } from 'zod/mini'

config({ jitless: true })

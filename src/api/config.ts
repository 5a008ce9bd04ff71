import { runtimeConfig, type RuntimeConfig } from './schemas'

/** Why config.json could not be used; each names the URL it was read from. */
export type ConfigProblem =
  | { kind: 'unreachable'; url: string; error: string }
  | { kind: 'status'; url: string; status: number }
  | { kind: 'not-json'; url: string; contentType: string }
  /** `field` is the zod issue path joined with dots; '' means the file as a whole. */
  | { kind: 'invalid'; url: string; field: string; expected: string }

export type ConfigLoad = { ok: true; config: RuntimeConfig; notice: string | null } | { ok: false; problem: ConfigProblem }

export interface LoadConfigOptions {
  fetch?: typeof fetch
  url?: string
  /** A development build may run the simulator when config.json is missing; a production build never does. */
  dev?: boolean
}

const SIMULATOR: RuntimeConfig = { backend: 'mock', apiBaseUrl: '' }

/**
 * One build serves every environment: `config.json` beside index.html says which
 * backend to use. A file that cannot be read or parsed is a failure, never a silent
 * switch to simulated data — which an operator would take for their real services.
 */
export async function loadRuntimeConfig({
  fetch = globalThis.fetch,
  url = `${import.meta.env.BASE_URL}config.json`,
  dev = import.meta.env.DEV,
}: LoadConfigOptions = {}): Promise<ConfigLoad> {
  let response: Response
  try {
    response = await fetch(url, { cache: 'no-store' })
  } catch (e) {
    return { ok: false, problem: { kind: 'unreachable', url, error: e instanceof Error ? e.message : String(e) } }
  }
  const contentType = response.headers.get('Content-Type') ?? ''
  // A static host's SPA fallback answers a missing file with index.html and 200.
  const missing = response.status === 404 || (response.ok && contentType.startsWith('text/html'))
  if (missing && dev) {
    return {
      ok: true,
      config: SIMULATOR,
      notice: `No config.json at ${url}, so this development build runs on the built-in simulator. A production build would stop here instead.`,
    }
  }
  if (!response.ok) return { ok: false, problem: { kind: 'status', url, status: response.status } }

  let body: unknown
  try {
    body = await response.json()
  } catch {
    return { ok: false, problem: { kind: 'not-json', url, contentType } }
  }
  const parsed = runtimeConfig.safeParse(body)
  if (parsed.success) return { ok: true, config: parsed.data, notice: null }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    problem: { kind: 'invalid', url, field: issue?.path.map(String).join('.') ?? '', expected: describeExpected(issue) },
  }
}

type Issue = NonNullable<ReturnType<typeof runtimeConfig.safeParse>['error']>['issues'][number]

/** zod/mini carries no English messages ("Invalid input"), so say what the field must hold. */
function describeExpected(issue: Issue | undefined): string {
  if (issue?.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
  if (issue?.code === 'invalid_type') return /^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`
  return issue?.message ?? 'a valid value'
}

import { runtimeConfig, type RuntimeConfig } from './schemas'

/**
 * One build serves every environment: `config.json` beside index.html says which
 * backend to use. A missing or unreadable file means the built-in mock backend.
 */
export async function loadRuntimeConfig(): Promise<{ config: RuntimeConfig; problem: string | null }> {
  const fallback: RuntimeConfig = { backend: 'mock', apiBaseUrl: '' }
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' })
    if (!response.ok) return { config: fallback, problem: null }
    const parsed = runtimeConfig.safeParse(await response.json())
    return parsed.success
      ? { config: parsed.data, problem: null }
      : { config: fallback, problem: 'config.json is invalid; using the built-in mock backend.' }
  } catch {
    return { config: fallback, problem: null }
  }
}

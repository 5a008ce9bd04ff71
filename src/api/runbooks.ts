/**
 * Playbooks served by the backend, beyond the runbook's four built into the app
 * (src/domain/runbook.ts). A team adds a playbook without a release by serving it
 * from GET /api/runbooks; the same schema checks it as every other payload.
 *
 * Merge rule: the built-in playbook wins a slug clash unless the served one says
 * `overrides: true`. The built-ins are the reviewed runbook (a test keeps them equal
 * to runbook.md) and incidents store ticks by their step ids, so a backend that merely
 * reuses a slug must not silently replace them; replacing one is a deliberate act.
 */
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import type { Playbook } from '@/domain/runbook'
import { apiFetch, isApiError } from './client'

/** Kebab-case: "agent-not-responding". Slugs and step ids go into URLs and checklist ids. */
const kebab = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single dashes)')
const text = z.string().trim().min(1).max(2000)

export const investigationItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('command'), comment: z.string().max(2000), command: text }),
  z.object({ kind: z.literal('check'), comment: z.string().max(2000), text }),
])

export const commonCause = z.object({ id: kebab, cause: text, check: z.string().max(2000) })
export const playbookStep = z.object({ id: kebab, label: text })

function unique(ids: readonly string[]): boolean {
  return new Set(ids).size === ids.length
}

export const playbook = z
  .object({
    slug: kebab,
    title: text,
    symptoms: z.array(text).max(50),
    investigation: z.array(investigationItem).max(50),
    causes: z.array(commonCause).max(50),
    // A playbook with nothing to do is not a playbook.
    resolution: z.array(playbookStep).min(1).max(50),
    /** Replace the built-in playbook with the same slug (see the merge rule above). */
    overrides: z.boolean().optional(),
  })
  .refine((p) => unique(p.resolution.map((s) => s.id)), { error: 'resolution step ids repeat', path: ['resolution'] })
  .refine((p) => unique(p.causes.map((c) => c.id)), { error: 'cause ids repeat', path: ['causes'] })
export type ServedPlaybook = z.infer<typeof playbook>

export const runbooksResponse = z.object({ playbooks: z.array(playbook) })
export type RunbooksResponse = z.infer<typeof runbooksResponse>

/**
 * The served playbooks. A backend without the endpoint (404) has no extras: that is
 * an ordinary answer, not an error to show on the runbooks page.
 */
export async function fetchExtraPlaybooks(options: { signal?: AbortSignal } = {}): Promise<RunbooksResponse> {
  try {
    return await apiFetch('/api/runbooks', runbooksResponse, options)
  } catch (e) {
    if (isApiError(e) && e.kind === 'http' && e.status === 404) return { playbooks: [] }
    throw e
  }
}

export const runbookQueries = {
  all: () => ['runbooks'] as const,
  extra: () =>
    queryOptions({
      queryKey: runbookQueries.all(),
      queryFn: ({ signal }) => fetchExtraPlaybooks({ signal }),
      // Playbooks change when someone edits them, not by the minute.
      staleTime: 5 * 60_000,
    }),
}

/**
 * Built-in and served playbooks as one list: the built-ins in runbook order (one
 * replaced in place when a served playbook with its slug has `overrides: true`), then
 * the served playbooks with new slugs in the order served. A slug served twice counts
 * once, first wins. The `overrides` flag is dropped: the result is plain Playbooks.
 */
export function mergePlaybooks(builtIn: readonly Playbook[], extra: readonly ServedPlaybook[]): Playbook[] {
  const served = new Map<string, ServedPlaybook>()
  for (const p of extra) if (!served.has(p.slug)) served.set(p.slug, p)
  const strip = ({ overrides: _overrides, ...rest }: ServedPlaybook): Playbook => rest
  const builtInSlugs = new Set(builtIn.map((p) => p.slug))
  const merged = builtIn.map((p) => {
    const replacement = served.get(p.slug)
    return replacement?.overrides === true ? strip(replacement) : p
  })
  for (const p of served.values()) if (!builtInSlugs.has(p.slug)) merged.push(strip(p))
  return merged
}

import type { Playbook } from '@/domain/runbook'

/** Everything a responder may search a playbook by: what it is called, what they see, what they would run, what it may be. */
function searchableText(p: Playbook): string {
  return [
    p.title,
    ...p.symptoms,
    ...p.investigation.flatMap((item) => [item.comment, item.kind === 'command' ? item.command : item.text]),
    ...p.causes.flatMap((c) => [c.cause, c.check]),
  ]
    .join('\n')
    .toLowerCase()
}

/** The query's words, lower-cased; an empty or blank query has none. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w !== '')
}

/**
 * The playbooks matching `query`, in their order. Every word must appear somewhere in
 * the playbook (not necessarily in one field), so "429 logs" finds rate limiting by a
 * symptom and a command at once. A blank query matches everything.
 */
export function searchPlaybooks(playbooks: readonly Playbook[], query: string): readonly Playbook[] {
  const terms = searchTerms(query)
  if (terms.length === 0) return playbooks
  return playbooks.filter((p) => {
    const text = searchableText(p)
    return terms.every((t) => text.includes(t))
  })
}

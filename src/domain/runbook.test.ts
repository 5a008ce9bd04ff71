/**
 * runbook.md is the product's source of truth; runbook.ts is its copy as data. These
 * tests parse the document and compare both ways, so an edit to either that is not
 * made to the other fails here instead of drifting silently.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fillTemplate } from './messages'
import {
  BUILT_IN_PLAYBOOK_SLUGS,
  ESCALATION_PATH,
  MESSAGE_TEMPLATES,
  MONITORING_ALERTS,
  PLACEHOLDER_KEYS,
  PLAYBOOKS,
  POST_INCIDENT_CHECKLIST,
  PROCESS_PHASES,
  RUNBOOK,
  RUNBOOK_SEVERITIES,
  builtInPlaybook,
  messageTemplate,
  type InvestigationItem,
  type PlaceholderKey,
} from './runbook'

// CI checks the repository out with ../shared beside it; a bare checkout has no runbook.
const RUNBOOK_PATH = resolve(process.cwd(), '../shared/runbook.md')
const HAVE_RUNBOOK = existsSync(RUNBOOK_PATH)
const SKIP = HAVE_RUNBOOK ? '' : ` (skipped: ${RUNBOOK_PATH} not found — run from a checkout with ../shared beside it)`

// Skipping is for a bare checkout on a laptop; in CI a missing runbook means the drift tests checked nothing.
test('the runbook is there to check against in CI', () => {
  if (process.env.CI === 'true') expect(HAVE_RUNBOOK, `${RUNBOOK_PATH} is missing: the drift tests would check nothing`).toBe(true)
})

// ---------------------------------------------------------------- a small parser for runbook.md

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim()

interface Group {
  bullets: string[]
  numbered: string[]
  code: string[]
}

interface Section {
  h2: string
  h3: string | null
  /** Content by its bold label line ("**Symptoms**:"); '' for content before any label. */
  groups: Map<string, Group>
}

function parseRunbook(markdown: string): Section[] {
  const sections: Section[] = []
  let h2 = ''
  let current: Section | null = null
  let label = ''
  let inCode = false
  const group = (): Group => {
    if (!current) {
      current = { h2, h3: null, groups: new Map() }
      sections.push(current)
    }
    let g = current.groups.get(label)
    if (!g) {
      g = { bullets: [], numbered: [], code: [] }
      current.groups.set(label, g)
    }
    return g
  }
  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('```')) {
      inCode = !inCode
      if (inCode) group()
      continue
    }
    if (inCode) {
      group().code.push(line)
      continue
    }
    const heading = /^(#{2,3}) (.+)$/.exec(line)
    if (heading?.[1] === '##') {
      h2 = norm(heading[2] ?? '')
      current = null
      label = ''
      continue
    }
    if (heading?.[1] === '###') {
      current = { h2, h3: norm(heading[2] ?? ''), groups: new Map() }
      sections.push(current)
      label = ''
      continue
    }
    const labelLine = /^\*\*(.+?)\*\*:\s*$/.exec(line)
    if (labelLine) {
      label = norm(labelLine[1] ?? '')
      continue
    }
    const bullet = /^[-*] (.+)$/.exec(line)
    if (bullet) {
      group().bullets.push(norm(bullet[1] ?? ''))
      continue
    }
    const numbered = /^\d+\. (.+)$/.exec(line)
    if (numbered) group().numbered.push(norm(numbered[1] ?? ''))
  }
  return sections
}

const sections = HAVE_RUNBOOK ? parseRunbook(readFileSync(RUNBOOK_PATH, 'utf8')) : []
const under = (h2: string): Section[] => sections.filter((s) => s.h2 === h2)
const groupOf = (s: Section | undefined, label = ''): Group => s?.groups.get(label) ?? { bullets: [], numbered: [], code: [] }

/** "**Impact**: Service completely down" → ['Impact', 'Service completely down']. */
function termBullets(bullets: readonly string[]): [string, string][] {
  return bullets.map((b) => {
    const m = /^\*\*(.+?)\*\*: (.+)$/.exec(b)
    if (!m) throw new Error(`Not a "**Term**: text" bullet: ${b}`)
    return [norm(m[1] ?? ''), norm(m[2] ?? '')]
  })
}

/** The runbook's investigation block: paragraphs of "# comment" then a command or a "# check". */
function investigationItems(code: readonly string[]): InvestigationItem[] {
  const paragraphs: string[][] = [[]]
  for (const line of code) {
    if (line.trim() === '') paragraphs.push([])
    else paragraphs[paragraphs.length - 1]?.push(line.trim())
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => {
      const [first, second, ...rest] = p
      if (first === undefined || !first.startsWith('# ') || second === undefined || rest.length > 0) {
        throw new Error(`Unexpected investigation paragraph: ${p.join(' / ')}`)
      }
      const comment = norm(first.slice(2))
      return second.startsWith('# ')
        ? { kind: 'check' as const, comment, text: norm(second.slice(2)) }
        : { kind: 'command' as const, comment, command: norm(second) }
    })
}

function normItem(item: InvestigationItem): InvestigationItem {
  return item.kind === 'command'
    ? { kind: 'command', comment: norm(item.comment), command: norm(item.command) }
    : { kind: 'check', comment: norm(item.comment), text: norm(item.text) }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// ---------------------------------------------------------------- the module against the document

const runbookTest = test.skipIf(!HAVE_RUNBOOK)

runbookTest(`severities P1–P4 match the runbook${SKIP}`, () => {
  const parsed = under('Incident Severity Levels').map((s) => {
    const m = /^(P\d) - (.+)$/.exec(s.h3 ?? '')
    const fields = Object.fromEntries(termBullets(groupOf(s).bullets))
    return { id: m?.[1], label: m?.[2], impact: fields.Impact, responseTime: fields['Response Time'], example: fields.Example }
  })
  expect(parsed).toHaveLength(4)
  expect(
    RUNBOOK_SEVERITIES.map((s) => ({
      id: s.id,
      label: norm(s.label),
      impact: norm(s.impact),
      responseTime: norm(s.responseTime),
      example: norm(s.example),
    })),
  ).toEqual(parsed)
})

runbookTest(`the five process phases and their steps match the runbook${SKIP}`, () => {
  const parsed = under('Incident Response Process').map((s) => {
    const m = /^(\d+)\. (.+)$/.exec(s.h3 ?? '')
    return {
      number: Number(m?.[1]),
      name: m?.[2],
      steps: termBullets(groupOf(s).bullets).map(([term, text]) => ({ term, text, label: `${term}: ${text}` })),
    }
  })
  expect(parsed).toHaveLength(5)
  expect(
    PROCESS_PHASES.map((p) => ({
      number: p.number,
      name: norm(p.name),
      steps: p.steps.map((s) => ({ term: norm(s.term), text: norm(s.text), label: norm(s.label) })),
    })),
  ).toEqual(parsed)
})

runbookTest(`every playbook matches its runbook section: symptoms, commands, checks, causes and resolution${SKIP}`, () => {
  const parsed = under('Common Incidents & Solutions').map((s) => ({
    title: norm((s.h3 ?? '').replace(/^Issue: /, '')),
    symptoms: groupOf(s, 'Symptoms').bullets,
    investigation: investigationItems(groupOf(s, 'Investigation').code),
    causes: groupOf(s, 'Common Causes').numbered.map((line) => {
      const [cause, check, ...more] = line.split(' → ')
      if (more.length > 0) throw new Error(`Two arrows in a cause: ${line}`)
      return { cause: norm(cause ?? ''), check: norm(check ?? '') }
    }),
    resolution: groupOf(s, 'Resolution').bullets,
  }))
  expect(parsed).toHaveLength(4)
  // Commands are what a responder copies: the parser must have found them, not nothing.
  expect(parsed.flatMap((p) => p.investigation).filter((i) => i.kind === 'command')).toHaveLength(5)
  expect(
    PLAYBOOKS.map((p) => ({
      title: norm(p.title),
      symptoms: p.symptoms.map(norm),
      investigation: p.investigation.map(normItem),
      causes: p.causes.map((c) => ({ cause: norm(c.cause), check: norm(c.check) })),
      resolution: p.resolution.map((s) => norm(s.label)),
    })),
  ).toEqual(parsed)
})

runbookTest(`the escalation path L1–L4 matches the runbook${SKIP}`, () => {
  const parsed = groupOf(under('Escalation Path')[0]).numbered.map((line) => {
    const m = /^\*\*(L\d)\*\*: (.+) \((.+)\)$/.exec(line)
    return { code: m?.[1], role: m?.[2], when: m?.[3] }
  })
  expect(parsed).toHaveLength(4)
  expect(ESCALATION_PATH.map((s) => ({ code: s.code, role: norm(s.role), when: norm(s.scope) }))).toEqual(parsed)
})

runbookTest(`each message template reproduces its runbook block line for line${SKIP}`, () => {
  const blocks = under('Communication Template')
  expect(blocks.map((s) => s.h3)).toEqual(MESSAGE_TEMPLATES.map((t) => t.heading))
  for (const template of MESSAGE_TEMPLATES) {
    // The runbook's lines open with a space where an emoji stood; the product's do not.
    const runbookLines = groupOf(blocks.find((s) => s.h3 === template.heading)).code.map((l) => l.trim())
    expect(template.lines).toHaveLength(runbookLines.length)
    template.lines.forEach((line, i) => {
      const runbookLine = runbookLines[i] ?? ''
      const keys: PlaceholderKey[] = []
      const pattern = line
        .split(/(\{\{\w+\}\})/)
        .map((part) => {
          const key = /^\{\{(\w+)\}\}$/.exec(part)?.[1]
          if (key === undefined) return escapeRegExp(part)
          expect(PLACEHOLDER_KEYS).toContain(key)
          keys.push(key as PlaceholderKey)
          return '(.+)'
        })
        .join('')
      const match = new RegExp(`^${pattern}$`).exec(runbookLine)
      expect(match, `"${line}" does not fit the runbook's "${runbookLine}"`).not.toBeNull()
      // Filling the template with the runbook's own example values gives the runbook's line.
      const values = Object.fromEntries(PLACEHOLDER_KEYS.map((k) => [k, `{{${k}}}`])) as Record<PlaceholderKey, string>
      keys.forEach((k, j) => (values[k] = match?.[j + 1] ?? ''))
      expect(fillTemplate({ lines: [line] }, values)).toBe(runbookLine)
    })
  }
})

runbookTest(`the monitoring alerts match the runbook word for word${SKIP}`, () => {
  const byHeading = (h3: string) => groupOf(under('Monitoring & Alerting').find((s) => s.h3 === h3)).bullets
  expect(byHeading('Critical Alerts')).toHaveLength(4)
  expect(MONITORING_ALERTS.critical.map(norm)).toEqual(byHeading('Critical Alerts'))
  expect(MONITORING_ALERTS.warning.map(norm)).toEqual(byHeading('Warning Alerts'))
})

runbookTest(`the post-incident checklist matches the runbook's six items${SKIP}`, () => {
  const items = groupOf(under('Post-Incident Checklist')[0]).bullets.map((b) => norm(b.replace(/^\[ \] /, '')))
  expect(items).toHaveLength(6)
  expect(POST_INCIDENT_CHECKLIST.map((i) => norm(i.label))).toEqual(items)
})

runbookTest(`the module covers every section of the runbook${SKIP}`, () => {
  // A new section in runbook.md needs a home in runbook.ts (and a test above).
  expect([...new Set(sections.map((s) => s.h2))]).toEqual([
    'Incident Severity Levels',
    'Incident Response Process',
    'Common Incidents & Solutions',
    'Escalation Path',
    'Communication Template',
    'Monitoring & Alerting',
    'Post-Incident Checklist',
  ])
})

// ---------------------------------------------------------------- the module's own invariants (no file needed)

test('every checklist id is unique across process steps, playbook steps and the post-incident checklist', () => {
  const ids = [
    ...PROCESS_PHASES.flatMap((p) => p.steps.map((s) => s.id)),
    ...PLAYBOOKS.flatMap((p) => p.resolution.map((s) => `playbook.${p.slug}.${s.id}`)),
    ...POST_INCIDENT_CHECKLIST.map((i) => i.id),
  ]
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids).toHaveLength(15 + 16 + 6)
})

test.each(PROCESS_PHASES.flatMap((p) => p.steps.map((s) => [p.id, s] as const)))('process step %s / %o has a phase-scoped id', (phase, step) => {
  expect(step.id).toMatch(new RegExp(`^${phase}\\.[a-z-]+$`))
  expect(step.label).toBe(`${step.term}: ${step.text}`)
})

test('the triage step named in the brief has its stable id and label', () => {
  const triage = PROCESS_PHASES.find((p) => p.id === 'triage')
  expect(triage?.steps.find((s) => s.id === 'triage.assign')?.label).toBe('Assign: Assign to on-call engineer')
})

test('the built-in slugs are the playbooks, in runbook order, each kebab-case with unique step and cause ids', () => {
  expect(PLAYBOOKS.map((p) => p.slug)).toEqual([...BUILT_IN_PLAYBOOK_SLUGS])
  for (const p of PLAYBOOKS) {
    expect(p.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    const stepIds = p.resolution.map((s) => s.id)
    expect(new Set(stepIds).size).toBe(stepIds.length)
    const causeIds = p.causes.map((c) => c.id)
    expect(new Set(causeIds).size).toBe(causeIds.length)
  }
})

test('builtInPlaybook finds by slug and answers undefined for an unknown one', () => {
  expect(builtInPlaybook('rate-limiting')?.title).toBe('Rate Limiting Triggered')
  expect(builtInPlaybook('disk-full')).toBeUndefined()
})

test('messageTemplate finds each template; every template line uses only known placeholders', () => {
  for (const t of MESSAGE_TEMPLATES) {
    expect(messageTemplate(t.id)).toBe(t)
    for (const [, key] of t.lines.join('\n').matchAll(/\{\{(\w+)\}\}/g)) expect(PLACEHOLDER_KEYS).toContain(key)
  }
  expect(MESSAGE_TEMPLATES.map((t) => t.name)).toEqual(['Internal alert', 'Status update', 'Resolution'])
})

test('RUNBOOK holds every part', () => {
  expect(RUNBOOK.severities).toHaveLength(4)
  expect(RUNBOOK.phases).toHaveLength(5)
  expect(RUNBOOK.playbooks).toHaveLength(4)
  expect(RUNBOOK.escalation).toHaveLength(4)
  expect(RUNBOOK.templates).toHaveLength(3)
  expect(RUNBOOK.monitoring.critical).toHaveLength(4)
  expect(RUNBOOK.monitoring.warning).toHaveLength(4)
  expect(RUNBOOK.postIncidentChecklist).toHaveLength(6)
})

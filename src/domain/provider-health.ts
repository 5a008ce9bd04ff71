/**
 * An API provider's health tile. A provider's own series (its quota use) shows only
 * that it refuses us; an outage of the provider shows in the services that call it,
 * as the runbook reads it: "STT service failure → Check OpenAI API status", "TTS
 * service failure → Check OpenAI API". So a provider is judged by the quota rule and
 * by the outage rules that fire for its callers — instances of the runbook's rules
 * that already exist; no rule is added, and the verdict names the one that decided.
 */
import { ALERT_INSTANCES, ALERT_RULES, SUBJECT_LABELS, type AlertInstance, type AlertRuleId } from './alert-rules'
import { componentHealth, describeAlert, type AlertResult, type HealthVerdict } from './alert-engine'
import { PROVIDERS, type ComponentId, type Provider, type Service } from './catalog'

/**
 * The pipeline services that send every request to each provider. STT and TTS are
 * OpenAI's audio endpoints (transcriptions, speech). The LLM runs on a local Ollama
 * and reaches Groq only when it falls back, so an LLM failure is evidence against
 * Ollama, not Groq: Groq is judged by its quota alone.
 */
export const PROVIDER_CALLERS: Record<Provider, readonly Service[]> = {
  openai: ['stt', 'tts'],
  groq: [],
}

/**
 * The rules whose firing for a caller means its requests fail outright, as they do
 * when the provider is out. Warnings (P95 latency, 5 % errors, retries) do not
 * implicate the provider: a starved host raises them on every service alike, the
 * LLM on Ollama included.
 */
export const PROVIDER_OUTAGE_RULES = ['service-down', 'error-rate-critical'] as const satisfies readonly AlertRuleId[]

/** The callers' outage instances each provider tile reads, besides its own (COMPONENT_ALERTS). */
export const PROVIDER_CALLER_ALERTS: Record<Provider, readonly AlertInstance[]> = {
  openai: callerAlerts('openai'),
  groq: callerAlerts('groq'),
}

function callerAlerts(provider: Provider): readonly AlertInstance[] {
  const callers: readonly string[] = PROVIDER_CALLERS[provider]
  const rules: readonly AlertRuleId[] = PROVIDER_OUTAGE_RULES
  return ALERT_INSTANCES.filter((i) => callers.includes(i.subject) && rules.includes(i.ruleId))
}

/** A caller's worst outage alert: the longest firing one, else the longest pending one. */
interface CallerOutage {
  readonly service: Service
  /** Undefined when no outage rule is pending or firing for this caller. */
  readonly alert: AlertResult | undefined
  /** Every outage rule of this caller lacks data. */
  readonly noData: boolean
}

/**
 * A provider's tile from the evaluated rule instances, the strongest evidence first:
 * 1. its own critical rule firing (quota exceeded) — down;
 * 2. an outage rule firing for every one of its callers — down (they cannot all have
 *    failed on their own at once);
 * 3. its own rules degraded;
 * 4. an outage rule firing or pending for some of its callers — degraded (a partial
 *    outage, or one beginning);
 * 5. otherwise its own verdict (up, or unknown when its quota is not reported).
 * Where callers decide, the rule and alert are those of the longest-active caller
 * alert, and the reason names every failing caller and the rule that fires for it.
 * An instance absent from `results` counts as nodata.
 */
export function providerHealth(provider: Provider, results: readonly AlertResult[]): HealthVerdict {
  const own = componentHealth(provider, results)
  if (own.state === 'down') return own

  const outages = callerOutages(provider, results)
  const failing = outages.filter((o): o is CallerOutage & { alert: AlertResult } => o.alert !== undefined)
  if (failing.length > 0 && failing.length === outages.length && failing.every((o) => o.alert.state === 'firing')) {
    return fromCallers('down', failing, [])
  }
  if (own.state === 'degraded') return own
  if (failing.length > 0) return fromCallers('degraded', failing, outages.filter((o) => o.alert === undefined))
  return own
}

/** Any tile's verdict: a provider's by {@link providerHealth}, any other component's by its own rules. */
export function healthVerdict(component: ComponentId, results: readonly AlertResult[]): HealthVerdict {
  return isProvider(component) ? providerHealth(component, results) : componentHealth(component, results)
}

function isProvider(component: ComponentId): component is Provider {
  return (PROVIDERS as readonly string[]).includes(component)
}

function callerOutages(provider: Provider, results: readonly AlertResult[]): CallerOutage[] {
  const byId = new Map(results.map((r) => [r.instance.id, r]))
  return PROVIDER_CALLERS[provider].map((service) => {
    const own = PROVIDER_CALLER_ALERTS[provider]
      .filter((i) => i.subject === service)
      .map((i) => byId.get(i.id))
      .filter((r) => r !== undefined)
    const alert = longest(own.filter((r) => r.state === 'firing')) ?? longest(own.filter((r) => r.state === 'pending'))
    return { service, alert, noData: own.every((r) => r.state === 'nodata') }
  })
}

function fromCallers(
  state: 'down' | 'degraded',
  failing: readonly (CallerOutage & { alert: AlertResult })[],
  quiet: readonly CallerOutage[],
): HealthVerdict {
  const alerts = failing.map((o) => o.alert)
  const decider = longest(alerts.filter((a) => a.state === 'firing')) ?? longest(alerts)
  const parts = groups(failing).map((group) => describeGroup(group))
  const unaffected = quiet.filter((o) => !o.noData).map((o) => SUBJECT_LABELS[o.service])
  const silent = quiet.filter((o) => o.noData).map((o) => SUBJECT_LABELS[o.service])
  if (unaffected.length > 0) parts.push(`${joinLabels(unaffected)} unaffected`)
  if (silent.length > 0) parts.push(`no data for ${joinLabels(silent)}`)
  return { state, reason: parts.join('; '), ruleId: decider?.instance.ruleId ?? null, alertId: decider?.instance.id ?? null }
}

/** Failing callers grouped by the rule and state of their alert, in caller order. */
function groups(failing: readonly (CallerOutage & { alert: AlertResult })[]): AlertResult[][] {
  const byKey = new Map<string, AlertResult[]>()
  for (const { alert } of failing) {
    const key = `${alert.instance.ruleId}:${alert.state}`
    const group = byKey.get(key)
    if (group) group.push(alert)
    else byKey.set(key, [alert])
  }
  return [...byKey.values()]
}

/**
 * One caller's alert as the alert itself reads ("STT error rate 68 % > 10 % for 5 min —
 * firing"); several callers under one rule by the rule's instance name ("STT and TTS
 * down > 1 min — firing"), their values being on their own tiles.
 */
function describeGroup(group: readonly AlertResult[]): string {
  const first = group[0]
  if (first === undefined) return ''
  if (group.length === 1) return describeAlert(first)
  const rule = ALERT_RULES.find((r) => r.id === first.instance.ruleId)
  const subjects = joinLabels(group.map((r) => SUBJECT_LABELS[r.instance.subject]))
  const name = rule === undefined ? first.instance.name : rule.instanceName.replace('{subject}', subjects)
  return `${name} — ${first.state}`
}

/** "STT", "STT and TTS", "STT, LLM and TTS". */
function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('')
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`
}

/** The earliest `since` wins; ties keep config order (as the engine picks a tile's decider). */
function longest(results: readonly AlertResult[]): AlertResult | undefined {
  let best: AlertResult | undefined
  for (const r of results) if (best === undefined || (r.since ?? -Infinity) < (best.since ?? -Infinity)) best = r
  return best
}

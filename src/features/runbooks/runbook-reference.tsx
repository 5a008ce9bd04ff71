import { MESSAGE_TEMPLATES, RUNBOOK } from '@/domain/runbook'
import { Panel } from '@/components/ui/panel'

/** The runbook's P1–P4 table, in its words. */
export function SeverityLevels() {
  return (
    <Panel title="Severity levels">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Severity
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Impact
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Response time
              </th>
              <th scope="col" className="py-1 font-medium">
                Example
              </th>
            </tr>
          </thead>
          <tbody>
            {RUNBOOK.severities.map((s) => (
              <tr key={s.id} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                <th scope="row" className="py-1.5 pr-3 font-semibold whitespace-nowrap">
                  {s.id} – {s.label}
                </th>
                <td className="py-1.5 pr-3">{s.impact}</td>
                <td className="py-1.5 pr-3">{s.responseTime}</td>
                <td className="py-1.5">{s.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  )
}

/** The five phases, detection to post-incident, with their steps. */
export function ResponseProcess() {
  return (
    <Panel title="Response process">
      <ol className="grid gap-3 text-sm sm:grid-cols-2 xl:grid-cols-5">
        {RUNBOOK.phases.map((phase) => (
          <li key={phase.id}>
            <h3 className="font-semibold">
              {phase.number}. {phase.name}
            </h3>
            <ul className="mt-1 flex flex-col gap-0.5">
              {phase.steps.map((step) => (
                <li key={step.id}>
                  <span className="font-medium">{step.term}:</span> {step.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Panel>
  )
}

/** L1 on-call to L4 CTO/VP, and what each level is for. */
export function EscalationPath() {
  return (
    <Panel title="Escalation path">
      <ol className="flex flex-col gap-1 text-sm">
        {RUNBOOK.escalation.map((step) => (
          <li key={step.level}>
            <span className="font-semibold">{step.code}</span>: {step.role} ({step.scope})
          </li>
        ))}
      </ol>
    </Panel>
  )
}

/** The alert list as the runbook words it; the app evaluates these rules (see the Alerts page). */
export function MonitoringAlerts() {
  return (
    <Panel title="Monitoring alerts">
      <div className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <h3 className="font-semibold text-red-800 dark:text-red-300">Critical</h3>
          <ul className="mt-1 list-disc pl-5">
            {RUNBOOK.monitoring.critical.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-semibold text-amber-900 dark:text-amber-200">Warning</h3>
          <ul className="mt-1 list-disc pl-5">
            {RUNBOOK.monitoring.warning.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      </div>
    </Panel>
  )
}

/** The runbook's Slack templates; on an incident they are filled in from its fields. */
export function CommunicationTemplates() {
  return (
    <Panel title="Communication templates">
      <div className="grid gap-3 text-sm md:grid-cols-3">
        {MESSAGE_TEMPLATES.map((t) => (
          <div key={t.id}>
            <h3 className="font-semibold">{t.heading}</h3>
            <pre className="mt-1 overflow-x-auto rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs dark:bg-zinc-950">{t.lines.join('\n')}</pre>
          </div>
        ))}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        On an incident, each {'{{field}}'} is filled from the incident, ready to edit, copy and log as posted.
      </p>
    </Panel>
  )
}

export function PostIncidentChecklistReference() {
  return (
    <Panel title="Post-incident checklist">
      <ul className="list-disc pl-5 text-sm">
        {RUNBOOK.postIncidentChecklist.map((item) => (
          <li key={item.id}>{item.label}</li>
        ))}
      </ul>
    </Panel>
  )
}

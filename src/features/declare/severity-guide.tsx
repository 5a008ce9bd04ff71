import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { focusRing } from '@/components/ui/focus'
import { SEVERITY_QUESTIONS, severityInfo, suggestSeverity, type Severity, type SeverityAnswers } from '@/domain/severity'

const NO_ANSWERS: SeverityAnswers = { completelyDown: false, majorBroken: false, partial: false, workaround: false }

/**
 * The runbook's assessment in four yes/no questions. It suggests a severity with the
 * runbook's impact, response time and example, and applies it only when asked: the
 * responder decides, the guide advises.
 */
export function SeverityGuide({ chosen, onUse }: { chosen: Severity | ''; onUse: (severity: Severity) => void }) {
  const [answers, setAnswers] = useState<SeverityAnswers>(NO_ANSWERS)
  const suggestion = suggestSeverity(answers)
  const info = severityInfo(suggestion)

  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
      <legend className="px-1 text-sm font-semibold">Severity guide</legend>
      <ul className="flex flex-col gap-1.5">
        {SEVERITY_QUESTIONS.map(({ key, question }) => (
          <li key={key}>
            <label className="flex cursor-pointer items-center justify-between gap-3 text-sm">
              <span>{question}</span>
              <span className="flex items-center gap-2">
                <span aria-hidden="true" className="w-7 text-right text-xs font-semibold text-zinc-600 dark:text-zinc-400">
                  {answers[key] ? 'Yes' : 'No'}
                </span>
                <input
                  type="checkbox"
                  role="switch"
                  checked={answers[key]}
                  onChange={(e) => {
                    setAnswers({ ...answers, [key]: e.target.checked })
                  }}
                  className={`h-4 w-4 accent-sky-700 ${focusRing}`}
                />
              </span>
            </label>
          </li>
        ))}
      </ul>
      {info && (
        <div aria-live="polite" className="flex flex-wrap items-start justify-between gap-3 rounded bg-zinc-100 p-2 text-sm dark:bg-zinc-800">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            <dt className="font-semibold">Suggested</dt>
            <dd>
              {info.id} — {info.label}
            </dd>
            <dt className="font-semibold">Impact</dt>
            <dd>{info.impact}</dd>
            <dt className="font-semibold">Response time</dt>
            <dd>{info.responseTime}</dd>
            <dt className="font-semibold">Example</dt>
            <dd>{info.example}</dd>
          </dl>
          {chosen === suggestion ? (
            <p className="text-xs font-semibold text-emerald-800 dark:text-emerald-300">
              <span aria-hidden="true">✓ </span>Severity is {suggestion}
            </p>
          ) : (
            <Button
              size="sm"
              onClick={() => {
                onUse(suggestion)
              }}
            >
              Use {suggestion}
            </Button>
          )}
        </div>
      )}
    </fieldset>
  )
}

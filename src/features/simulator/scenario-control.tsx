import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { simulatorQueries } from '@/api/simulator'
import { isScenarioName, SCENARIO_LABELS, SCENARIOS } from '@/domain/catalog'
import { Select, type SelectProps } from '@/components/ui/select'
import { describeError } from '@/components/ui/describe-error'
import { useControlSimulator } from './use-control-simulator'

/**
 * Mock mode only: switches the simulator's scenario. The choice goes into the URL
 * (`?scenario=`), so the link reproduces the view, and to the backend by POST.
 */
export function ScenarioControl({ hideLabel = false }: { hideLabel?: SelectProps['hideLabel'] }) {
  const state = useQuery(simulatorQueries.state())
  const control = useControlSimulator()
  const [, setSearchParams] = useSearchParams()
  const value = control.isPending ? control.variables.scenario : state.data?.scenario
  const failure = control.error ?? state.error
  const problemId = useId()

  return (
    <div className="flex items-center gap-2">
      <Select
        label="Scenario"
        hideLabel={hideLabel}
        inline
        value={value ?? ''}
        disabled={state.data === undefined || control.isPending}
        aria-describedby={failure ? problemId : undefined}
        onChange={(e) => {
          const scenario = e.target.value
          if (!isScenarioName(scenario)) return
          setSearchParams((prev) => {
            const next = new URLSearchParams(prev)
            next.set('scenario', scenario)
            return next
          })
          control.mutate({ scenario })
        }}
      >
        {value === undefined && <option value="">Loading…</option>}
        {SCENARIOS.map((s) => (
          <option key={s} value={s}>
            {SCENARIO_LABELS[s]}
          </option>
        ))}
      </Select>
      {failure && (
        <span id={problemId} className="max-w-56 truncate text-xs text-red-700 dark:text-red-300" title={describeError(failure).detail}>
          {control.error ? 'Could not switch scenario.' : 'Scenario unavailable.'} {describeError(failure).title}
        </span>
      )}
    </div>
  )
}

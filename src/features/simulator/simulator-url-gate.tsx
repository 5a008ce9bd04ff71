import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { simulatorQueries } from '@/api/simulator'
import { SCENARIO_LABELS } from '@/domain/catalog'
import { describeError } from '@/components/ui/describe-error'
import { controlFor, parseSimulatorParams, wantsSimulatorChange } from './simulator-params'
import { useControlSimulator } from './use-control-simulator'

type Decision = { kind: 'pending' } | { kind: 'none' } | { kind: 'post'; control: NonNullable<ReturnType<typeof controlFor>> }

/**
 * Applies `?scenario=` and `?seed=` once, when the page loads, and holds the page back
 * until the simulator has them, so a shared link never shows the wrong world first.
 * A POST is sent only when the simulator is not already there.
 */
export function SimulatorUrlGate({ children }: { children: ReactNode }) {
  const [params] = useSearchParams()
  // Read once: later URL changes come from the Scenario control, which posts itself.
  const [request] = useState(() => parseSimulatorParams(params))
  const wanted = wantsSimulatorChange(request)
  const state = useQuery({ ...simulatorQueries.state(), enabled: wanted })
  const apply = useControlSimulator()
  const { mutate } = apply
  // Decided once, from the first state seen: later changes come from the Scenario control
  // and must not hold the page back again.
  const [decision, setDecision] = useState<Decision>({ kind: 'pending' })
  const control = state.data === undefined ? undefined : controlFor(request, state.data)
  if (decision.kind === 'pending' && control !== undefined) setDecision(control === null ? { kind: 'none' } : { kind: 'post', control })
  const sentRef = useRef(false)

  useEffect(() => {
    if (decision.kind !== 'post' || sentRef.current) return
    sentRef.current = true
    mutate(decision.control)
  }, [decision, mutate])

  const settled =
    !wanted || state.error !== null || decision.kind === 'none' || (decision.kind === 'post' && (apply.isSuccess || apply.isError))
  // The Scenario control reads the same query: its failures are not this link's business.
  const failure = wanted ? (state.error ?? apply.error) : null

  return (
    <>
      {request.problems.map((p) => (
        <Notice key={p}>{p}</Notice>
      ))}
      {failure !== null && (
        <Notice>
          The scenario from the link could not be applied. {describeError(failure).title} {describeError(failure).detail}
        </Notice>
      )}
      {settled ? (
        children
      ) : (
        <p className="p-4 text-sm text-zinc-600 dark:text-zinc-400" aria-busy="true">
          Applying {request.scenario ? `scenario “${SCENARIO_LABELS[request.scenario]}”` : 'the seed'} from the link…
        </p>
      )}
    </>
  )
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="mb-3 rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100"
    >
      {children}
    </p>
  )
}

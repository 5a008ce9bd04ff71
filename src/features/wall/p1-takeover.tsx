import { useEffect, useId, useMemo, useRef } from 'react'
import type { Incident } from '@/api/schemas'
import { PRODUCT_NAME } from '@/components/ui/page-header'
import { useTitlePrefix } from '@/components/ui/title-prefix'
import { createAudioContext, playChime } from '@/lib/chime'
import { ResponseClockText } from './response-clock-text'
import { ShapeIcon } from './wall-icons'
import { takeoverHeadline, takeoverIncidents, wallTitle } from './wall-incidents'

export const CALM_TITLE = `War room · ${PRODUCT_NAME}`

/**
 * A new P1 takes over the wall: a full-width banner, the tab title, and (with
 * `?sound=on`) a chime. `incidents` is undefined until the first load.
 */
export function P1Takeover({ incidents, sound }: { incidents: readonly Incident[] | undefined; sound: boolean }) {
  const takeover = useMemo(() => (incidents === undefined ? undefined : takeoverIncidents(incidents)), [incidents])
  useChimeOnNewIds(takeover, sound)
  const lead = takeover?.[0]
  const headlineId = useId()
  const prefix = useTitlePrefix()
  return (
    <>
      <title>{prefix + wallTitle(takeover ?? [], CALM_TITLE, PRODUCT_NAME)}</title>
      {lead !== undefined && (
        <section
          aria-labelledby={headlineId}
          className="flex shrink-0 items-center gap-6 rounded-xl border-4 border-white bg-red-700 px-6 py-3 text-white"
        >
          <ShapeIcon shape="bad" className="text-6xl" />
          {/* Only the headline is the live region: a ticking clock inside it would be announced every second. */}
          <p id={headlineId} role="alert" className="min-w-0 flex-1 truncate text-5xl font-black tracking-tight">
            {takeoverHeadline(lead)}
          </p>
          <ResponseClockText incident={lead} size="banner" />
          {takeover !== undefined && takeover.length > 1 && (
            <p className="shrink-0 text-2xl font-bold">
              +{takeover.length - 1} more {lead.severity}
            </p>
          )}
        </section>
      )}
    </>
  )
}

/**
 * Chimes when an incident joins the takeover after the first load (a reload must not
 * chime for what was already on screen). Only the current ids are remembered.
 */
function useChimeOnNewIds(takeover: readonly Incident[] | undefined, enabled: boolean) {
  const seen = useRef<ReadonlySet<string> | null>(null)
  const audio = useRef<AudioContext | null>(null)

  useEffect(() => {
    if (takeover === undefined) return
    const previous = seen.current
    const ids = new Set(takeover.map((i) => i.id))
    seen.current = ids
    if (!enabled || previous === null) return
    if ([...ids].some((id) => !previous.has(id))) {
      audio.current ??= createAudioContext()
      if (audio.current !== null) playChime(audio.current)
    }
  }, [takeover, enabled])

  useEffect(
    () => () => {
      audio.current?.close().catch(() => undefined)
      audio.current = null
    },
    [],
  )
}

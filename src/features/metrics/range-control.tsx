import { useId } from 'react'
import { serverNow } from '@/api/server-time'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { formatDuration } from '@/domain/format'
import { SEARCH_TARGET } from '@/lib/shortcuts/use-shortcuts'
import {
  chooseWindow,
  choosePreset,
  fromDateTimeLocal,
  goLive,
  isLive,
  LIVE_REFRESH_MS,
  pause,
  PRESET_LABELS,
  PRESET_MS,
  RANGE_PRESETS,
  resetZoom,
  toDateTimeLocal,
  type RangePreset,
} from './metric-range'
import { useMetricsView } from './use-metrics-view'
import { controlClass } from '@/components/ui/control-class'

const CUSTOM = 'custom'
/** Beyond this a data step is longer than the live refresh (see liveRefreshMs). */
const LONG_RANGE_MS = 6 * 3_600_000

function isPreset(value: string): value is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value)
}

/**
 * The page's time range: a preset (live) or a custom window, Live or Paused, and Reset
 * zoom after a drag across a chart. Everything it sets lives in the URL.
 * `searchTarget`: the Range is where `/` lands, on a page (Metrics) with no other filter.
 */
export function RangeControl({ showLive = true, searchTarget = false }: { showLive?: boolean; searchTarget?: boolean }) {
  const [view, setView] = useMetricsView()
  const live = isLive(view)
  const liveName = useId()

  return (
    <div role="group" aria-label="Time range" className="flex flex-wrap items-end gap-3">
      <Select
        label="Range"
        {...(searchTarget ? { ...SEARCH_TARGET, 'aria-keyshortcuts': '/' } : {})}
        value={live ? view.preset : CUSTOM}
        onChange={(e) => {
          const value = e.target.value
          if (isPreset(value)) setView(choosePreset(view, value))
          else setView(pause(view, serverNow()))
        }}
      >
        {RANGE_PRESETS.map((p) => (
          <option key={p} value={p}>
            {PRESET_LABELS[p]}
          </option>
        ))}
        <option value={CUSTOM}>Custom</option>
      </Select>
      {view.absolute !== null && (
        <>
          <DateTimeField
            label="From"
            value={view.absolute.fromMs}
            onChange={(fromMs) => {
              if (view.absolute !== null) setView(chooseWindow(view, fromMs, view.absolute.toMs), { replace: true })
            }}
          />
          <DateTimeField
            label="To"
            value={view.absolute.toMs}
            onChange={(toMs) => {
              if (view.absolute !== null) setView(chooseWindow(view, view.absolute.fromMs, toMs), { replace: true })
            }}
          />
        </>
      )}
      {showLive && (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Updates</legend>
          <div className="flex h-8 overflow-hidden rounded-md border border-zinc-300 pointer-coarse:min-h-[44px] dark:border-zinc-600">
            {(['live', 'paused'] as const).map((mode) => {
              const checked = mode === 'live' ? live : !live
              return (
                <label
                  key={mode}
                  className={`flex cursor-pointer items-center gap-1.5 px-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 ${checked ? 'bg-sky-700 text-white' : 'bg-white text-zinc-800 hover:bg-zinc-100 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800'}`}
                >
                  <input
                    type="radio"
                    name={liveName}
                    value={mode}
                    checked={checked}
                    className="sr-only"
                    onChange={() => {
                      setView(mode === 'live' ? goLive(view) : pause(view, serverNow()))
                    }}
                  />
                  <span aria-hidden="true">{mode === 'live' ? '●' : '❚❚'}</span>
                  {mode === 'live' ? 'Live' : 'Paused'}
                </label>
              )
            })}
          </div>
        </fieldset>
      )}
      {view.zoom !== null && (
        <Button
          onClick={() => {
            setView(resetZoom(view))
          }}
        >
          Reset zoom
        </Button>
      )}
      {showLive && (
        <p className="self-center text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {live
            ? `Refreshing every ${formatDuration(LIVE_REFRESH_MS)}${PRESET_MS[view.preset] > LONG_RANGE_MS ? ', or once per data step' : ''}`
            : 'Not refreshing'}
        </p>
      )}
    </div>
  )
}

function DateTimeField({ label, value, onChange }: { label: string; value: number; onChange: (ms: number) => void }) {
  const id = useId()
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        value={toDateTimeLocal(value)}
        onChange={(e) => {
          const ms = fromDateTimeLocal(e.target.value)
          if (ms !== null) onChange(ms)
        }}
        className={controlClass}
      />
    </div>
  )
}

import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import { rosterQueries } from '@/api/roster'
import type { Incident, Roster } from '@/api/schemas'
import { serverNow } from '@/api/server-time'
import { incidentReport } from '@/domain/report'
import { Button } from '@/components/ui/button'
import { focusRing } from '@/components/ui/focus'
import { QueryContent } from '@/components/ui/panel'
import { useNow } from '@/lib/use-now'
import { downloadFile, reportFile, reportFileName } from './report-file'

/** Roster id → "Priya Raman (@priya)", so the report names people, not ids. */
export function rosterNames(roster: Roster | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const level of roster?.levels ?? []) for (const p of level.people) names.set(p.id, `${p.name} (${p.handle})`)
  return names
}

/**
 * The generated incident report: a preview of the Markdown exactly as it downloads.
 * Shown as preformatted text, never rendered as HTML, so whatever anyone typed into
 * the incident stays text.
 */
export function IncidentReport({ incident }: { incident: Incident }) {
  const timeline = useQuery(incidentQueries.timeline(incident.id))
  const roster = useQuery(rosterQueries.current())
  const now = serverNow(useNow(60_000))
  const previewId = useId()
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone

  return (
    <div className="flex min-w-0 flex-col gap-2">
      <h3 className="text-sm font-semibold">
        Incident report
      </h3>
      <QueryContent what="The incident timeline" query={timeline}>
        {(events) => {
          const markdown = incidentReport(incident, events, { now, timeZone, times: 'clock', names: rosterNames(roster.data) })
          return (
            <>
              <div>
                <Button
                  onClick={() => {
                    downloadFile(reportFile(incident.id, markdown))
                  }}
                >
                  Download report
                </Button>
                <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{reportFileName(incident.id)} · Markdown</span>
              </div>
              {/* A read-only text box: plain text by construction, focusable and scrollable by keyboard, easy to select. */}
              <label htmlFor={previewId} className="sr-only">
                Report preview (Markdown)
              </label>
              <textarea
                id={previewId}
                readOnly
                value={markdown}
                rows={18}
                wrap="soft"
                className={`w-full resize-y rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 ${focusRing}`}
              />
            </>
          )
        }}
      </QueryContent>
    </div>
  )
}

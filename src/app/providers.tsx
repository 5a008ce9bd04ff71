import type { ReactNode } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useIncidentWrites } from '@/lib/incident-mutations/use-incident-writes'
import { LiveUpdates } from '@/lib/live-updates/live-updates'
import { RuntimeProvider, type Runtime } from '@/lib/runtime-context'
import { useApplyTheme } from '@/lib/use-apply-theme'

/** Everything the routes need around them; tests render the same tree with a fresh client. */
export function AppProviders({ queryClient, runtime, children }: { queryClient: QueryClient; runtime: Runtime; children: ReactNode }) {
  return (
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <ThemeSync />
        <IncidentWrites />
        {/* Here rather than in a layout: one stream for every route, kept open across /wall and back. */}
        <LiveUpdates>{children}</LiveUpdates>
      </QueryClientProvider>
    </RuntimeProvider>
  )
}

function ThemeSync() {
  useApplyTheme()
  return null
}

/** Unsaved incident changes: restored on start, stored while they wait, sent from any page. */
function IncidentWrites() {
  useIncidentWrites()
  return null
}

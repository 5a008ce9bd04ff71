import type { ReactNode } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RuntimeProvider, type Runtime } from '@/lib/runtime-context'
import { useApplyTheme } from '@/lib/use-apply-theme'

/** Everything the routes need around them; tests render the same tree with a fresh client. */
export function AppProviders({ queryClient, runtime, children }: { queryClient: QueryClient; runtime: Runtime; children: ReactNode }) {
  return (
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <ThemeSync />
        {children}
      </QueryClientProvider>
    </RuntimeProvider>
  )
}

function ThemeSync() {
  useApplyTheme()
  return null
}

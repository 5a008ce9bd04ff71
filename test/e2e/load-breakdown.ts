/**
 * Where a load of `/` spends its time, read from the page's Navigation and Resource
 * Timing entries and the app's `vigil:` marks (src/main.tsx, src/mocks/browser.ts), for
 * experience-bench.spec.ts. All times are ms since the navigation started.
 */
import type { Page } from 'playwright-core'

export interface LoadEntries {
  htmlAnsweredAt: number
  domContentLoadedAt: number
  marks: { name: string; at: number }[]
  resources: { path: string; search: string; start: number; end: number; bytes: number }[]
}

export function loadEntries(page: Page): Promise<LoadEntries> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    return {
      htmlAnsweredAt: navigation?.responseEnd ?? Number.NaN,
      domContentLoadedAt: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      marks: performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('vigil:'))
        .map((m) => ({ name: m.name, at: m.startTime })),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => {
        const url = new URL(r.name)
        return { path: url.pathname, search: url.search, start: r.startTime, end: r.responseEnd, bytes: r.transferSize }
      }),
    }
  })
}

export interface Milestone {
  label: string
  at: number
}

/**
 * The load's steps in the order they usually happen; a step the load did not take is NaN.
 * `latencyMetrics` is the Overview latency query's `metrics` parameter, which tells its
 * /api/metrics request from the others; `painted` are steps seen on screen (the probe's).
 */
export function milestones(entries: LoadEntries, chartAt: number, latencyMetrics: string, painted: readonly Milestone[] = []): Milestone[] {
  const mark = (name: string) => entries.marks.find((m) => m.name === `vigil:${name}`)?.at ?? Number.NaN
  const resource = (test: (path: string, search: string) => boolean) => entries.resources.find((r) => test(r.path, r.search))
  const endOf = (pattern: RegExp) => resource((path) => pattern.test(path))?.end ?? Number.NaN
  const config = resource((path) => path === '/config.json')
  const latency = resource((path, search) => path === '/api/metrics' && new URLSearchParams(search).get('metrics') === latencyMetrics)
  const apiStarts = entries.resources.filter((r) => r.path.startsWith('/api/')).map((r) => r.start)
  const chartChunks = entries.resources.filter((r) => /^\/assets\/(latency-overview|line-chart)-[^/]+\.js$/.test(r.path)).map((r) => r.end)
  return [
    { label: 'HTML answered', at: entries.htmlAnsweredAt },
    { label: 'main script received (assets/index-*.js)', at: endOf(/^\/assets\/index-[^/]+\.js$/) },
    { label: 'main script evaluated: start() runs (vigil:start)', at: mark('start') },
    { label: 'config.json requested', at: config?.start ?? Number.NaN },
    { label: 'config.json answered', at: config?.end ?? Number.NaN },
    { label: 'config read (vigil:config)', at: mark('config') },
    { label: 'mock chunk received (assets/browser-*.js)', at: endOf(/^\/assets\/browser-[^/]+\.js$/) },
    { label: 'mock chunk evaluated (vigil:mock-chunk)', at: mark('mock-chunk') },
    { label: 'mock world and handlers built (vigil:mock-world)', at: mark('mock-world') },
    { label: 'MSW worker.start() resolved (vigil:worker-started)', at: mark('worker-started') },
    { label: 'page controlled by the worker (vigil:worker-controlling)', at: mark('worker-controlling') },
    { label: 'React render called (vigil:render)', at: mark('render') },
    { label: 'Overview route chunk received (assets/overview-*.js)', at: endOf(/^\/assets\/overview-[^/]+\.js$/) },
    { label: 'first /api request started', at: apiStarts.length === 0 ? Number.NaN : Math.min(...apiStarts) },
    { label: 'latency chart chunks received (latency-overview, line-chart)', at: chartChunks.length === 0 ? Number.NaN : Math.max(...chartChunks) },
    { label: 'latency /api/metrics requested', at: latency?.start ?? Number.NaN },
    { label: 'latency /api/metrics answered', at: latency?.end ?? Number.NaN },
    ...painted,
    { label: 'first latency chart drawn (first frame with a line)', at: chartAt },
  ]
}

/** Every resource and mark up to `until`, in time order, one line each: a run's waterfall. */
export function waterfall(entries: LoadEntries, until: number): string[] {
  const rows = [
    ...entries.resources.map((r) => ({
      at: r.start,
      line: `${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} ms  ${r.path}${r.path.startsWith('/api/') ? abbreviate(r.search) : ''}${r.bytes > 0 ? ` (${(r.bytes / 1024).toFixed(1)} kB)` : ''}`,
    })),
    ...entries.marks.map((m) => ({ at: m.at, line: `${m.at.toFixed(0).padStart(5)}          ${m.name}` })),
  ]
  return rows
    .filter((r) => r.at <= until)
    .toSorted((a, b) => a.at - b.at)
    .map((r) => r.line)
}

function abbreviate(search: string): string {
  const metrics = new URLSearchParams(search).get('metrics')
  if (metrics === null) return search.length > 60 ? `${search.slice(0, 60)}…` : search
  const names = metrics.split(',')
  return `?metrics=${names.slice(0, 2).join(',')}${names.length > 2 ? `,… (${String(names.length)})` : ''}`
}

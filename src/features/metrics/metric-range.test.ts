import {
  choosePreset,
  chooseWindow,
  DEFAULT_VIEW,
  fromDateTimeLocal,
  goLive,
  MIN_ZOOM_MS,
  parseMetricsView,
  pause,
  rangeSearch,
  resetZoom,
  toDateTimeLocal,
  windowOf,
  writeMetricsView,
  zoomTo,
  type MetricsView,
} from './metric-range'

const A = '2026-11-27T10:00:00.000Z'
const B = '2026-11-27T11:00:00.000Z'
const A_MS = Date.parse(A)
const B_MS = Date.parse(B)
const HOUR = 3_600_000

const parse = (query: string) => parseMetricsView(new URLSearchParams(query))

test.each([
  ['', DEFAULT_VIEW],
  ['range=7d', { ...DEFAULT_VIEW, preset: '7d' }],
  ['range=15m', { ...DEFAULT_VIEW, preset: '15m' }],
  ['range=2y', DEFAULT_VIEW],
  ['range=', DEFAULT_VIEW],
  ['downsample=off', { ...DEFAULT_VIEW, downsample: false }],
  ['downsample=no', DEFAULT_VIEW],
  [`from=${A}&to=${B}`, { ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS } }],
  [`range=6h&from=${A}&to=${B}`, { ...DEFAULT_VIEW, preset: '6h', absolute: { fromMs: A_MS, toMs: B_MS } }],
  [`from=${B}&to=${A}`, DEFAULT_VIEW],
  [`from=${A}&to=${A}`, DEFAULT_VIEW],
  [`from=${A}`, DEFAULT_VIEW],
  [`from=yesterday&to=${B}`, DEFAULT_VIEW],
  [`from=2026-11-27T10:00:00&to=${B}`, DEFAULT_VIEW],
  [`from=2026-01-01T00:00:00Z&to=${B}`, DEFAULT_VIEW],
  [`from=${A}&to=${B}&zoom=live`, { ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS }, zoom: 'live' }],
  [
    `from=${A}&to=${B}&zoom=2026-11-27T06:00:00.000Z/${B}`,
    { ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS }, zoom: { fromMs: A_MS - 4 * HOUR, toMs: B_MS } },
  ],
  [`from=${A}&to=${B}&zoom=nonsense`, { ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS } }],
  [`from=${A}&to=${B}&zoom=${A}/${B}/${B}`, { ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS } }],
  ['zoom=live', DEFAULT_VIEW],
] as const)('?%s reads as the expected view', (query, expected) => {
  expect(parse(query)).toEqual(expected)
})

test.each<MetricsView>([
  DEFAULT_VIEW,
  { ...DEFAULT_VIEW, preset: '7d', downsample: false },
  { ...DEFAULT_VIEW, preset: '24h', absolute: { fromMs: A_MS, toMs: B_MS }, zoom: 'live' },
  { ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS }, zoom: { fromMs: A_MS - HOUR, toMs: B_MS } },
])('a written view reads back the same: %j', (view) => {
  expect(parseMetricsView(writeMetricsView(new URLSearchParams(), view))).toEqual(view)
})

test('writing the view keeps the other parameters and replaces its own', () => {
  const params = new URLSearchParams(`scenario=openai-outage&level=ERROR&range=7d&from=${A}&to=${B}&zoom=live`)
  const next = writeMetricsView(params, choosePreset(DEFAULT_VIEW, '6h'))
  expect(next.toString()).toBe('scenario=openai-outage&level=ERROR&range=6h')
})

test('rangeSearch is the query for a link to the same range', () => {
  expect(rangeSearch({ ...DEFAULT_VIEW, preset: '7d' })).toBe('?range=7d')
  expect(rangeSearch({ ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS } })).toBe(
    `?range=1h&from=${encodeURIComponent(A)}&to=${encodeURIComponent(B)}`,
  )
})

test('a live view fetches a relative window, so its query key does not move with the clock', () => {
  expect(windowOf({ ...DEFAULT_VIEW, preset: '6h' })).toEqual({ kind: 'relative', durationMs: 6 * HOUR })
  expect(windowOf({ ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS } })).toEqual({ kind: 'absolute', fromMs: A_MS, toMs: B_MS })
})

test('pausing freezes the preset window at now, and Live returns to the preset', () => {
  const live = { ...DEFAULT_VIEW, preset: '6h' } as const
  const paused = pause(live, B_MS)
  expect(paused.absolute).toEqual({ fromMs: B_MS - 6 * HOUR, toMs: B_MS })
  expect(pause(paused, B_MS + HOUR)).toBe(paused)
  expect(goLive(paused)).toEqual(live)
})

test('a zoom narrows to the dragged span in either direction, and Reset zoom returns to the live view', () => {
  const zoomed = zoomTo(DEFAULT_VIEW, B_MS, A_MS)
  expect(zoomed).toEqual({ ...DEFAULT_VIEW, absolute: { fromMs: A_MS, toMs: B_MS }, zoom: 'live' })
  const deeper = zoomTo(zoomed, A_MS, A_MS + 10 * 60_000)
  expect(deeper.zoom).toBe('live')
  expect(resetZoom(deeper)).toEqual(DEFAULT_VIEW)
})

test('zooming inside a custom window resets to that window', () => {
  const custom = chooseWindow(DEFAULT_VIEW, A_MS - HOUR, B_MS)
  const zoomed = zoomTo(custom, A_MS, B_MS)
  expect(zoomed.zoom).toEqual({ fromMs: A_MS - HOUR, toMs: B_MS })
  expect(resetZoom(zoomed)).toEqual(custom)
})

test('a drag shorter than the minimum zoom is a click and changes nothing', () => {
  expect(zoomTo(DEFAULT_VIEW, A_MS, A_MS + MIN_ZOOM_MS - 1)).toBe(DEFAULT_VIEW)
  expect(zoomTo(DEFAULT_VIEW, A_MS, Number.NaN)).toBe(DEFAULT_VIEW)
})

test('an invalid custom window leaves the view as it was', () => {
  expect(chooseWindow(DEFAULT_VIEW, B_MS, A_MS)).toBe(DEFAULT_VIEW)
  expect(chooseWindow(DEFAULT_VIEW, A_MS, A_MS)).toBe(DEFAULT_VIEW)
})

test('datetime-local values read and write the viewer’s local time', () => {
  const local = new Date(2026, 10, 27, 14, 3).getTime()
  expect(toDateTimeLocal(local)).toBe('2026-11-27T14:03')
  expect(fromDateTimeLocal('2026-11-27T14:03')).toBe(local)
  expect(fromDateTimeLocal('2026-11-27T14:03:20')).toBe(local + 20_000)
})

test.each(['', '2026-11-31T10:00', '2026-13-01T10:00', '27/11/2026 10:00', '2026-11-27'])(
  'datetime-local %j is not a time',
  (value) => {
    expect(fromDateTimeLocal(value)).toBeNull()
  },
)

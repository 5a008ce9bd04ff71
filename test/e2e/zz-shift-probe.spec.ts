import { newPage } from './browser'

for (const path of ['/wall', '/metrics']) {
  test(`shift probe ${path}`, async () => {
    const page = await newPage({ viewport: { width: path === '/wall' ? 1440 : 1440, height: 900 } })
    await page.addInitScript(() => {
      ;(window as any).__shifts = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as any[]) {
          ;(window as any).__shifts.push({
            t: Math.round(e.startTime),
            v: e.value.toFixed(4),
            s: e.sources.map((s: any) => ({
              n: (s.node?.nodeName ?? '') + '.' + String(s.node?.className ?? '').slice(0, 40) + ' ' + String(s.node?.textContent ?? '').slice(0, 40),
              p: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height].map(Math.round).join(','),
              c: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height].map(Math.round).join(','),
            })),
          })
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(path)
    await page.waitForTimeout(4000)
    console.log(path, JSON.stringify(await page.evaluate(() => (window as any).__shifts), null, 1))
  })
}

import { readFileSync } from 'node:fs'
import { newPage, screenshot, takeProblems } from './browser'

// The harness is what makes "no console errors" mean something: prove it sees them.
test('a page that logs console.error or throws is recorded, not ignored', async () => {
  const page = await newPage()
  await page.setContent(
    '<script>console.error("planted console error"); setTimeout(() => { throw new Error("planted uncaught error") })</script>',
  )
  const seen: string[] = []
  await expect
    .poll(() => {
      seen.push(...takeProblems(page))
      return seen.length
    })
    .toBe(2)
  expect(seen.toSorted()).toEqual([
    expect.stringContaining('planted console error'),
    expect.stringContaining('planted uncaught error'),
  ])
})

test('a screenshot is a PNG of the viewport size', async () => {
  const page = await newPage({ viewport: { width: 640, height: 360 } })
  await page.setContent('<h1>Vigil harness</h1>')
  const png = readFileSync(await screenshot(page, 'harness-640x360'))
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
  // IHDR: width and height are the first two big-endian words after the 16-byte header.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360])
})

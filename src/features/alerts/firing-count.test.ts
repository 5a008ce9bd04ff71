import { describe, expect, it } from 'vitest'
import { badgedFaviconSvg, titlePrefix } from './firing-count'

describe('titlePrefix', () => {
  it.each([
    [0, ''],
    [1, '(1) '],
    [11, '(11) '],
  ])('%i critical firing → %j', (count, expected) => {
    expect(titlePrefix(count)).toBe(expected)
  })
})

describe('badgedFaviconSvg', () => {
  it.each([
    [1, '>1</text>'],
    [9, '>9</text>'],
    [10, '>9+</text>'],
    [250, '>9+</text>'],
  ])('%i shows %s', (count, text) => {
    const svg = badgedFaviconSvg(count)
    expect(svg).toContain(text)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  })
})

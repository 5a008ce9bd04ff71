import { hashTarget } from './metrics-dashboard'

test.each([
  ['', null],
  ['#', null],
  ['#stt-error-rate', 'stt-error-rate'],
  ['#llm%20latency', 'llm latency'],
  ['#%', null],
  ['#%E0%A4%A', null],
  ['#%zz', null],
  ['#<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
])('the hash %j names %j', (hash, expected) => {
  expect(hashTarget(hash)).toBe(expected)
})

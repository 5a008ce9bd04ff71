import { RingBuffer } from './ring-buffer'

test('keeps the newest items up to its capacity, newest first', () => {
  const ring = new RingBuffer<number>(3)
  expect([...ring.newestFirst()]).toEqual([])
  ring.push(1)
  ring.push(2)
  expect([...ring.newestFirst()]).toEqual([2, 1])
  for (let i = 3; i <= 7; i++) ring.push(i)
  expect(ring.size).toBe(3)
  expect([...ring.newestFirst()]).toEqual([7, 6, 5])
})

test('a capacity below one is refused', () => {
  expect(() => new RingBuffer(0)).toThrow(RangeError)
})

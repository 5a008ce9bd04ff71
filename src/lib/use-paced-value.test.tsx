import { act, render, screen, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { shallowEqual, usePacedValue } from './use-paced-value'

/** Records, per render that shows a value, which macrotask it happened in. */
const log: { name: string; value: string; task: number }[] = []
let task = 0

function Paced({ name, value }: { name: string; value: string }) {
  const shown = usePacedValue(value)
  useEffect(() => {
    if (shown !== undefined) log.push({ name, value: shown, task })
  }, [name, shown])
  return <p>{shown === undefined ? `${name}: waiting` : `${name}: ${shown}`}</p>
}

function countTasks(): () => void {
  task = 0
  let running = true
  const tick = () => {
    task++
    if (running) setTimeout(tick, 0)
  }
  setTimeout(tick, 0)
  return () => {
    running = false
  }
}

beforeEach(() => {
  log.length = 0
})

test('each component gets its value in a task of its own, in the order they asked', async () => {
  const stop = countTasks()
  render(
    <>
      {['a', 'b', 'c', 'd'].map((name) => (
        <Paced key={name} name={name} value="v1" />
      ))}
    </>,
  )
  expect(screen.getByText('a: waiting')).toBeInTheDocument()
  for (const name of ['a', 'b', 'c', 'd']) expect(await screen.findByText(`${name}: v1`)).toBeInTheDocument()
  stop()
  expect(log.map((entry) => entry.name)).toEqual(['a', 'b', 'c', 'd'])
  const tasks = log.map((entry) => entry.task)
  expect(new Set(tasks).size).toBe(4)
})

test('a new value replaces the shown one after a turn; the same value asks for none', async () => {
  const { rerender } = render(<Paced name="a" value="v1" />)
  expect(await screen.findByText('a: v1')).toBeInTheDocument()
  rerender(<Paced name="a" value="v2" />)
  expect(screen.getByText('a: v1')).toBeInTheDocument()
  expect(await screen.findByText('a: v2')).toBeInTheDocument()
  // The text is in the DOM at commit; the effect that logs it may run a moment later on a busy machine.
  await waitFor(() => {
    expect(log.at(-1)?.value).toBe('v2')
  })

  const before = log.length
  rerender(<Paced name="a" value="v2" />)
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  expect(log.length).toBe(before)
})

test('values that change while waiting are coalesced: the latest is shown', async () => {
  const { rerender } = render(<Paced name="a" value="v1" />)
  rerender(<Paced name="a" value="v2" />)
  rerender(<Paced name="a" value="v3" />)
  expect(await screen.findByText('a: v3')).toBeInTheDocument()
  expect(log.map((entry) => entry.value)).not.toContain('v2')
})

test('a component that unmounts while waiting does not hold up the others', async () => {
  const { rerender } = render(
    <>
      <Paced name="a" value="v1" />
      <Paced name="b" value="v1" />
    </>,
  )
  rerender(<Paced name="b" value="v1" />)
  expect(await screen.findByText('b: v1')).toBeInTheDocument()
  expect(screen.queryByText(/^a:/)).not.toBeInTheDocument()
})

test.each([
  [{ a: 1, b: 'x' }, { a: 1, b: 'x' }, true],
  [{ a: 1, b: 'x' }, { a: 2, b: 'x' }, false],
  [{ a: 1 }, { a: 1, b: 'x' }, false],
  [{ a: [1] }, { a: [1] }, false],
  [{ a: Number.NaN }, { a: Number.NaN }, true],
] as const)('shallowEqual(%o, %o) is %s', (a, b, expected) => {
  expect(shallowEqual<object>(a, b)).toBe(expected)
})

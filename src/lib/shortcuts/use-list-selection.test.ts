import { moveSelection, type Step } from './use-list-selection'

test.each<[string, number, number, Step, number]>([
  ['the first j selects the first item', -1, 5, 'next', 0],
  ['the first k also selects the first item', -1, 5, 'previous', 0],
  ['j moves down one', 1, 5, 'next', 2],
  ['k moves up one', 3, 5, 'previous', 2],
  ['j at the last item stays there', 4, 5, 'next', 4],
  ['k at the first item stays there', 0, 5, 'previous', 0],
  ['a one-item list keeps its item', 0, 1, 'next', 0],
  ['an empty list selects nothing', -1, 0, 'next', -1],
  ['an index past a list that shrank starts again at the top', 7, 3, 'next', 0],
])('%s', (_, index, length, step, expected) => {
  expect(moveSelection(index, length, step)).toBe(expected)
})

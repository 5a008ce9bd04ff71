import { interpretKey, PREFIX_TIMEOUT_MS, type Command, type SequenceState } from './key-sequence'

/** Feeds [key, time] pairs in order; returns the command each produced. */
function run(presses: readonly (readonly [string, number])[]): (Command | null)[] {
  let state: SequenceState = null
  return presses.map(([key, at]) => {
    const next = interpretKey(state, key, at)
    state = next.state
    return next.command
  })
}

test.each<[string, readonly (readonly [string, number])[], (Command | null)[]]>([
  ['? opens the help', [['?', 0]], ['help']],
  ['/ focuses search', [['/', 0]], ['search']],
  ['d declares', [['d', 0]], ['declare']],
  ['j, k and Enter move and open', [['j', 0], ['k', 1], ['Enter', 2]], ['next', 'previous', 'open']],
  ['a, e and n act on an incident', [['a', 0], ['e', 1], ['n', 2]], ['acknowledge', 'escalate', 'note']],
  ['g o goes to the Overview', [['g', 0], ['o', 100]], [null, { go: 'o' }]],
  ['g m, g a, g i, g r, g w', [['g', 0], ['m', 1], ['g', 2], ['a', 3], ['g', 4], ['i', 5], ['g', 6], ['r', 7], ['g', 8], ['w', 9]], [null, { go: 'm' }, null, { go: 'a' }, null, { go: 'i' }, null, { go: 'r' }, null, { go: 'w' }]],
  ['the second key exactly at the timeout still counts', [['g', 1000], ['i', 1000 + PREFIX_TIMEOUT_MS]], [null, { go: 'i' }]],
  ['after the timeout the letter does nothing as navigation', [['g', 0], ['m', PREFIX_TIMEOUT_MS + 1]], [null, null]],
  ['after the timeout a letter with its own meaning is read alone', [['g', 0], ['a', PREFIX_TIMEOUT_MS + 1]], [null, 'acknowledge']],
  ['g then an unknown key cancels, and the next letter is read alone', [['g', 0], ['x', 10], ['a', 20]], [null, null, 'acknowledge']],
  ['g then a single-key shortcut cancels without running it', [['g', 0], ['d', 10]], [null, null]],
  ['g g restarts the prefix from the second press', [['g', 0], ['g', 1000], ['o', 1000 + PREFIX_TIMEOUT_MS]], [null, null, { go: 'o' }]],
  ['keys that are not shortcuts do nothing', [['x', 0], ['G', 1], ['O', 2], ['Escape', 3]], [null, null, null, null]],
  ['upper case is a different key: G I is not a sequence', [['G', 0], ['i', 1]], [null, null]],
])('%s', (_, presses, expected) => {
  expect(run(presses)).toEqual(expected)
})

test('a lone destination letter without g is not navigation', () => {
  expect(interpretKey(null, 'o', 0)).toEqual({ state: null, command: null })
  expect(interpretKey(null, 'g', 5)).toEqual({ state: { prefix: 'g', at: 5 }, command: null })
})

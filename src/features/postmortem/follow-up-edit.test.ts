import type { FollowUp } from '@/api/schemas'
import { applyFollowUpDraft, draftMatches, followUpDraft, rebaseFollowUpDraft, replaceFollowUp, sameFollowUpFields } from './follow-up-edit'

const quota: FollowUp = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: '2026-12-04', done: true }
const docs: FollowUp = { id: 'f2', text: 'Document the fallback', owner: '', due: null, done: false }

test('a draft starts from the item, with no due date as an empty field', () => {
  expect(followUpDraft(quota)).toEqual({ text: 'Add a quota alert', owner: '@ana', due: '2026-12-04' })
  expect(followUpDraft(docs)).toEqual({ text: 'Document the fallback', owner: '', due: '' })
})

test.each<[string, { text: string; owner: string; due: string }, Partial<FollowUp>]>([
  ['text and owner are trimmed', { text: '  Alert at 80 %  ', owner: ' @tom ', due: '2026-12-04' }, { text: 'Alert at 80 %', owner: '@tom', due: '2026-12-04' }],
  ['an emptied due date is null', { text: 'Add a quota alert', owner: '@ana', due: '' }, { due: null }],
  ['a new due date is kept as typed', { text: 'Add a quota alert', owner: '@ana', due: '2027-01-10' }, { due: '2027-01-10' }],
])('applying a draft: %s, and id and done stay', (_, draft, expected) => {
  expect(applyFollowUpDraft(quota, draft)).toEqual({ ...quota, ...expected })
})

test.each<[string, { text: string; owner: string; due: string }, boolean]>([
  ['the same values', { text: 'Add a quota alert', owner: '@ana', due: '2026-12-04' }, true],
  ['the same values with stray spaces', { text: ' Add a quota alert ', owner: '@ana ', due: '2026-12-04' }, true],
  ['a new text', { text: 'Add a quota alert at 80 %', owner: '@ana', due: '2026-12-04' }, false],
  ['a new owner', { text: 'Add a quota alert', owner: '@tom', due: '2026-12-04' }, false],
  ['no due date', { text: 'Add a quota alert', owner: '@ana', due: '' }, false],
])('a draft with %s matches the item: %s', (_, draft, matches) => {
  expect(draftMatches(quota, draft)).toBe(matches)
})

test('two versions say the same thing whatever their done state; any field differing says otherwise', () => {
  expect(sameFollowUpFields(quota, { ...quota, done: false })).toBe(true)
  expect(sameFollowUpFields(quota, { ...quota, owner: '@tom' })).toBe(false)
  expect(sameFollowUpFields(quota, { ...quota, due: null })).toBe(false)
  expect(sameFollowUpFields(quota, { ...quota, text: 'x' })).toBe(false)
})

test('replacing an item keeps the others and the order', () => {
  const edited = { ...docs, text: 'Document the Ollama fallback' }
  expect(replaceFollowUp([quota, docs], edited)).toEqual([quota, edited])
  expect(replaceFollowUp([quota, docs], { ...docs, id: 'f9' })).toEqual([quota, docs])
})

const base: FollowUp = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: null, done: false }

test.each<[string, Partial<FollowUp>, { text: string; owner: string; due: string }, { text: string; owner: string; due: string }, string[]]>([
  [
    'they changed the owner, you the text: both kept',
    { owner: '@tom' },
    { text: 'Alert at 80 %', owner: '@ana', due: '' },
    { text: 'Alert at 80 %', owner: '@tom', due: '' },
    [],
  ],
  [
    'both changed the text differently: yours kept, a conflict',
    { text: 'Alert at 90 %', due: '2026-12-04' },
    { text: 'Alert at 80 %', owner: '@ana', due: '' },
    { text: 'Alert at 80 %', owner: '@ana', due: '2026-12-04' },
    ['text'],
  ],
  [
    'both made the same change: no conflict',
    { owner: '@tom' },
    { text: 'Add a quota alert', owner: ' @tom', due: '' },
    { text: 'Add a quota alert', owner: ' @tom', due: '' },
    [],
  ],
  [
    'both set a due date, differently: yours kept, a conflict',
    { due: '2026-12-01' },
    { text: 'Add a quota alert', owner: '@ana', due: '2026-12-09' },
    { text: 'Add a quota alert', owner: '@ana', due: '2026-12-09' },
    ['due'],
  ],
])('rebasing a draft: %s', (_, theirs, draft, expected, conflicts) => {
  expect(rebaseFollowUpDraft(base, { ...base, ...theirs }, draft)).toEqual({ draft: expected, conflicts })
})

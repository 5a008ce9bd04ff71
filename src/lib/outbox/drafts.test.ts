import { act, renderHook } from '@testing-library/react'
import { draftKey, draftSaved, parseDraft, readDraft, useDraft, writeDraftText } from './drafts'

const key = draftKey('note', 'INC-1')

beforeEach(() => {
  localStorage.clear()
})

test('a draft keeps its id while it is edited, and goes when emptied', () => {
  writeDraftText(key, 'Restar')
  const id = readDraft(key)?.id
  writeDraftText(key, 'Restarted the pool')
  expect(readDraft(key)).toEqual({ id, text: 'Restarted the pool' })
  writeDraftText(key, '')
  expect(readDraft(key)).toBeNull()
  expect(localStorage.getItem(key)).toBeNull()
})

test('a saved draft is cleared when it still holds the text that was saved', () => {
  writeDraftText(key, 'Restarted the pool ')
  const id = readDraft(key)?.id ?? ''
  draftSaved(key, id, 'Restarted the pool')
  expect(readDraft(key)).toBeNull()
})

test('text typed after the save stays, as a new draft, so saving it makes a new note', () => {
  writeDraftText(key, 'Restarted the pool, and')
  const id = readDraft(key)?.id ?? ''
  draftSaved(key, id, 'Restarted the pool')
  const after = readDraft(key)
  expect(after?.text).toBe('Restarted the pool, and')
  expect(after?.id).not.toBe(id)
})

test('the save of another draft leaves this one alone', () => {
  writeDraftText(key, 'mine')
  draftSaved(key, 'someone-elses-id', 'mine')
  expect(readDraft(key)?.text).toBe('mine')
})

test.each([['not json'], [JSON.stringify({ text: 'no id' })], [JSON.stringify([1])], [JSON.stringify({ id: 'a', text: 3 })]])(
  'unreadable stored text %s is no draft',
  (raw) => {
    expect(parseDraft(raw)).toBeNull()
  },
)

test('useDraft shows edits from this tab and from another tab', () => {
  const { result } = renderHook(() => useDraft(key))
  act(() => {
    result.current.setText('from here')
  })
  expect(result.current.draft?.text).toBe('from here')

  const id = result.current.draft?.id
  const newValue = JSON.stringify({ id, text: 'from the other tab' })
  act(() => {
    localStorage.setItem(key, newValue)
    window.dispatchEvent(new StorageEvent('storage', { key, newValue }))
  })
  expect(result.current.draft?.text).toBe('from the other tab')
})

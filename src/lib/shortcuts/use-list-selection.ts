import { useMemo, useState } from 'react'
import { useShortcut } from './shortcut-registry'

export type Step = 'next' | 'previous'

/**
 * Where `j` (next) or `k` (previous) moves a selection at `index` (-1: nothing selected
 * yet) in a list of `length`: the first key selects the first item, and the selection
 * stays put at either end rather than wrapping. -1 for an empty list.
 */
export function moveSelection(index: number, length: number, step: Step): number {
  if (length === 0) return -1
  if (index < 0 || index >= length) return 0
  return step === 'next' ? Math.min(index + 1, length - 1) : Math.max(index - 1, 0)
}

/**
 * A list's `j`/`k` selection and `Enter`: the list's index of the selected item, or -1.
 * Held by id, so a refetch or a re-sort keeps the same item selected wherever it moved
 * to (and an item that left the list leaves nothing selected). `onSelect` runs after a
 * move with the new index (to scroll a virtualised list to it); `onOpen` on Enter.
 */
export function useListSelection<T extends { readonly id: string }>(
  items: readonly T[],
  onOpen: (item: T) => void,
  onSelect?: (index: number) => void,
): number {
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selectedIndex = useMemo(() => (selectedId === null ? -1 : items.findIndex((i) => i.id === selectedId)), [items, selectedId])
  const move = (step: Step) => {
    const index = moveSelection(selectedIndex, items.length, step)
    const item = items[index]
    if (item === undefined) return
    setSelectedId(item.id)
    onSelect?.(index)
  }
  useShortcut('next', () => {
    move('next')
  })
  useShortcut('previous', () => {
    move('previous')
  })
  useShortcut(
    'open',
    () => {
      const item = items[selectedIndex]
      if (item !== undefined) onOpen(item)
    },
    selectedIndex >= 0,
  )
  return selectedIndex
}

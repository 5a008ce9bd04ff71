import { useSyncExternalStore } from 'react'

/** The root font size in CSS pixels (what 1rem is now), following window resizes. 16 where it cannot be read. */
export function useRootFontPx(): number {
  return useSyncExternalStore(subscribe, read, () => 16)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange)
  return () => {
    window.removeEventListener('resize', onChange)
  }
}

function read(): number {
  const px = Number.parseFloat(getComputedStyle(document.documentElement).fontSize)
  return Number.isFinite(px) && px > 0 ? px : 16
}

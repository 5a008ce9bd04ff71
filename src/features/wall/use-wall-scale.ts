import { useLayoutEffect } from 'react'

/**
 * The wall is laid out in rem; this sets the root size from the screen so the same
 * layout fills 1920×1080 (16 px) and 3840×2160 (32 px) exactly, whichever of width
 * or height is the tighter fit, and never goes below 16 px.
 */
export const WALL_ROOT_FONT_SIZE = 'max(16px, min(100vw / 120, 100vh / 67.5))'

export function useWallScale(): void {
  useLayoutEffect(() => {
    const root = document.documentElement
    const previous = root.style.fontSize
    root.style.fontSize = WALL_ROOT_FONT_SIZE
    return () => {
      root.style.fontSize = previous
    }
  }, [])
}

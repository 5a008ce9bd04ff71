import { focusRing } from './focus'

/**
 * The look of every one-line text field and select: 32 px on a desk, 44 px under a
 * finger (a coarse pointer), the smallest target a thumb hits reliably.
 */
export const controlClass = `h-8 pointer-coarse:min-h-[44px] rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 ${focusRing}`

import { createContext, useContext } from 'react'

/**
 * What every page's tab title starts with: "(3) " while three critical alerts fire, so a
 * responder sees it from another tab. Provided by the layouts; empty by default.
 */
export const TitlePrefixContext = createContext('')

export function useTitlePrefix(): string {
  return useContext(TitlePrefixContext)
}

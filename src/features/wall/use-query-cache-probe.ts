import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'

declare global {
  interface Window {
    /** With `/wall?debug=1`: how many queries the cache holds (the soak test reads it). */
    __vigilQueryCacheSize?: number
  }
}

/** Exposes the query-cache size on `window` while `enabled`, read live through a getter. */
export function useQueryCacheProbe(enabled: boolean): void {
  const client = useQueryClient()
  useEffect(() => {
    if (!enabled) return
    Object.defineProperty(window, '__vigilQueryCacheSize', {
      configurable: true,
      get: () => client.getQueryCache().getAll().length,
    })
    return () => {
      delete window.__vigilQueryCacheSize
    }
  }, [client, enabled])
}

import { useEffect, type ReactNode } from 'react'
import { TitlePrefixContext } from '@/components/ui/title-prefix'
import { badgedFaviconSvg, titlePrefix, useCriticalFiringCount } from '@/features/alerts/firing-count'

/**
 * The number of firing critical alerts in the tab title and on the favicon, on every
 * page: a responder working in another tab sees the count change.
 */
export function FiringAlertsInTab({ children }: { children: ReactNode }) {
  const count = useCriticalFiringCount()
  useFaviconCount(count)
  return <TitlePrefixContext value={titlePrefix(count)}>{children}</TitlePrefixContext>
}

function useFaviconCount(count: number): void {
  useEffect(() => {
    if (count === 0) return
    const existing = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
    const link = existing ?? document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'icon' }))
    // The attribute, not the resolved property: restoring it puts back exactly what index.html said.
    const original = link.getAttribute('href')
    link.setAttribute('href', `data:image/svg+xml,${encodeURIComponent(badgedFaviconSvg(count))}`)
    return () => {
      if (existing === null) link.remove()
      else if (original === null) link.removeAttribute('href')
      else link.setAttribute('href', original)
    }
  }, [count])
}

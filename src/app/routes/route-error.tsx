import { isRouteErrorResponse, useLocation, useMatches, useNavigate, useRouteError } from 'react-router'
import { Button } from '@/components/ui/button'
import { describeError } from '@/components/ui/describe-error'
import { PRODUCT_NAME } from '@/components/ui/page-header'
import { TextLink } from '@/components/ui/text-link'

/** Route `handle`: the page's name, so an error can say which page failed. */
export interface RouteHandle {
  page: string
}

function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null && 'page' in handle && typeof handle.page === 'string'
}

/** A lazily loaded chunk that did not arrive: offline, or a new deployment replaced it. */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Failed to load module script/i.test(
      error.message,
    )
  )
}

/** Says which page failed and why, and offers a retry and a way home. Never a blank screen. */
export function RouteError() {
  const error = useRouteError()
  const matches = useMatches()
  const navigate = useNavigate()
  const location = useLocation()
  const page = matches.map((m) => m.handle).filter(isRouteHandle).at(-1)?.page ?? 'This page'
  const chunk = isChunkLoadError(error)

  let reason: string
  if (isRouteErrorResponse(error)) reason = `${error.status} ${error.statusText}`
  else if (chunk) reason = 'Its code could not be downloaded: the network may be down, or a new version of Vigil was deployed.'
  else {
    const { title, detail } = describeError(error)
    reason = `${title} ${detail}`
  }

  return (
    <div role="alert" className="m-4 max-w-prose rounded-lg border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-500/50 dark:bg-red-950/40 dark:text-red-100">
      <title>{`Error · ${PRODUCT_NAME}`}</title>
      <h1 className="text-lg font-semibold">{page} failed to load</h1>
      <p className="mt-2 text-sm break-words">{reason}</p>
      <div className="mt-4 flex items-center gap-4">
        <Button
          variant="primary"
          onClick={() => {
            // A missing chunk needs a fresh index.html. Anything else: navigating to the
            // same address gives a new location, which resets the route's error boundary.
            if (chunk) window.location.reload()
            else void navigate(location, { replace: true })
          }}
        >
          Try again
        </Button>
        <TextLink to="/" reloadDocument={chunk}>
          Go to the Overview
        </TextLink>
      </div>
    </div>
  )
}

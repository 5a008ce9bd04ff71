import { isApiError } from '@/api/client'

export interface ErrorDescription {
  /** A short sentence saying what kind of failure this is. */
  title: string
  /** The specific reason, from the error itself. */
  detail: string
}

/** Turns any thrown value into words a responder can act on. */
export function describeError(error: unknown): ErrorDescription {
  if (isApiError(error)) {
    const detail = error.message
    switch (error.kind) {
      case 'network':
        return { title: 'Cannot reach the server.', detail }
      case 'timeout':
        return { title: 'The server did not answer in time.', detail }
      case 'malformed':
        return { title: 'The server sent an unreadable answer.', detail }
      case 'schema':
        return { title: 'The server sent an unexpected answer.', detail }
      case 'aborted':
        return { title: 'The request was cancelled.', detail }
      case 'http': {
        const status = error.status ?? 0
        if (status === 429) return { title: 'The server is rate limiting requests.', detail }
        if (status === 401 || status === 403) return { title: 'Access was refused.', detail }
        if (status === 404) return { title: 'The server does not know this resource.', detail }
        if (status >= 500) return { title: 'The server failed.', detail }
        return { title: 'The server rejected the request.', detail }
      }
    }
  }
  const detail = error instanceof Error ? error.message : String(error)
  return { title: 'Something went wrong.', detail }
}

/**
 * Prometheus' failures said as a source's failures, so the panel that asked shows a
 * message naming Prometheus: unreachable 503, too slow 504, an error or an unreadable
 * answer 502 (the upstream answered, wrongly).
 */
import { SourceError } from '../source'
import { PrometheusError } from './client'

const STATUS: Record<PrometheusError['kind'], number> = {
  unreachable: 503,
  timeout: 504,
  error: 502,
  bad_response: 502,
}

/** `what` is what Vigil asked for ("the alert rules"), for the message; anything but a PrometheusError passes unchanged. */
export function toSourceError(error: unknown, what: string): unknown {
  if (!(error instanceof PrometheusError)) return error
  return new SourceError(STATUS[error.kind], `Cannot read ${what} from Prometheus: ${error.message}`)
}

/** Runs one request to Prometheus; its failure is thrown as a SourceError. */
export async function fromPrometheus<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    throw toSourceError(error, what)
  }
}

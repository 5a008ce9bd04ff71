import { ApiError } from '@/api/client'
import { describeError } from './describe-error'

test.each([
  ['network', undefined, 'Cannot reach the server.'],
  ['timeout', undefined, 'The server did not answer in time.'],
  ['malformed', undefined, 'The server sent an unreadable answer.'],
  ['schema', undefined, 'The server sent an unexpected answer.'],
  ['aborted', undefined, 'The request was cancelled.'],
  ['http', 429, 'The server is rate limiting requests.'],
  ['http', 403, 'Access was refused.'],
  ['http', 404, 'The server does not know this resource.'],
  ['http', 503, 'The server failed.'],
  ['http', 400, 'The server rejected the request.'],
] as const)('%s %s reads "%s" and keeps the message as the detail', (kind, status, title) => {
  const error = new ApiError(kind, 'the specific reason', status === undefined ? {} : { status })
  expect(describeError(error)).toEqual({ title, detail: 'the specific reason' })
})

test('anything else thrown is still described in words', () => {
  expect(describeError(new TypeError('boom'))).toEqual({ title: 'Something went wrong.', detail: 'boom' })
  expect(describeError('plain string')).toEqual({ title: 'Something went wrong.', detail: 'plain string' })
})

/** The Idempotency-Key rule of "Post to Slack" (the page behaviour: src/app/routes/incident-slack.test.tsx). */
import { keyForAttempt } from './post-to-slack'

test('a retry of the same text keeps its Idempotency-Key; other text gets a new one', () => {
  let n = 0
  const next = () => `key-${String(++n)}`
  const first = keyForAttempt(null, 'INCIDENT: down', next)
  expect(first).toEqual({ text: 'INCIDENT: down', key: 'key-1' })
  expect(keyForAttempt(first, 'INCIDENT: down', next)).toBe(first)
  expect(keyForAttempt(first, 'INCIDENT: down (edited)', next)).toEqual({ text: 'INCIDENT: down (edited)', key: 'key-2' })
  expect(n).toBe(2)
})

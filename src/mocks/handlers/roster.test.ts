import { apiFetch } from '@/api/client'
import { rosterResponse } from '@/api/schemas'

test('the roster has the four escalation levels with someone on call at each', async () => {
  const { levels } = await apiFetch('/api/roster', rosterResponse)

  expect(levels.map((l) => [l.level, l.title])).toEqual([
    [1, 'On-call engineer'],
    [2, 'Senior engineer'],
    [3, 'Engineering lead'],
    [4, 'CTO/VP Engineering'],
  ])
  for (const level of levels) expect(level.people.map((p) => p.id)).toContain(level.onCall)
  expect(levels[0]?.people.find((p) => p.id === levels[0]?.onCall)).toEqual({ id: 'priya', name: 'Priya Raman', handle: '@priya' })
})

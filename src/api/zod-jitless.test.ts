import { config } from 'zod/mini'
import { incident } from './schemas'

test('zod runs jitless wherever the contract is loaded, so no parser is compiled with new Function', () => {
  expect(config().jitless).toBe(true)
  const constructed = vi.spyOn(globalThis, 'Function')
  incident.safeParse({ id: 'INC-1' })
  expect(constructed).not.toHaveBeenCalled()
})

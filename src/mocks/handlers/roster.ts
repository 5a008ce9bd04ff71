import { http } from 'msw'
import { rosterResponse } from '@/api/schemas'
import { ROSTER } from '@/backend/roster'
import type { World } from '../world'
import { reply } from './respond'

export function rosterHandlers(world: World) {
  return [http.get('/api/roster', () => reply(world, rosterResponse, ROSTER))]
}

import { http } from 'msw'
import { healthResponse } from '@/api/schemas'
import { simulatedHealth } from '@/backend/telemetry/simulated'
import { simConfig, type World } from '../world'
import { reply } from './respond'

export function healthHandlers(world: World) {
  return [http.get('/api/health', () => reply(world, healthResponse, simulatedHealth(simConfig(world.read().sim), world.now())))]
}

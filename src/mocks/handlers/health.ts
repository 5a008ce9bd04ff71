import { http } from 'msw'
import { COMPONENT_LABELS, COMPONENTS, PROVIDERS, SERVICES, type ComponentId } from '@/domain/catalog'
import { healthVerdict } from '@/domain/provider-health'
import { healthResponse, type ComponentHealth } from '@/api/schemas'
import { simConfig, type World } from '../world'
import { evaluateAlerts, HEALTH_WINDOW_MS } from '@/backend/evaluate'
import { iso, reply } from './respond'

export function healthHandlers(world: World) {
  return [
    http.get('/api/health', () => {
      const nowMs = world.now()
      const results = evaluateAlerts(simConfig(world.read().sim), nowMs, HEALTH_WINDOW_MS)
      const components = COMPONENTS.map((id): ComponentHealth => {
        const verdict = healthVerdict(id, results)
        return { id, name: COMPONENT_LABELS[id], kind: kindOf(id), state: verdict.state, reason: verdict.reason, ruleId: verdict.ruleId }
      })
      return reply(world, healthResponse, { at: iso(nowMs), components })
    }),
  ]
}

function kindOf(id: ComponentId): ComponentHealth['kind'] {
  if ((SERVICES as readonly string[]).includes(id)) return 'service'
  if ((PROVIDERS as readonly string[]).includes(id)) return 'provider'
  return 'infrastructure'
}

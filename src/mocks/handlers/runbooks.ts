/**
 * Served playbooks (GET /api/runbooks). The mock backend serves none by default: the
 * runbook's four are built into the app. A test that needs a team's extra playbook
 * answers this path with givenApiAnswers, the same way a real backend would serve it.
 */
import { http } from 'msw'
import { runbooksResponse, type RunbooksResponse } from '@/api/runbooks'
import type { World } from '../world'
import { reply } from './respond'

export function runbookHandlers(world: World, served: RunbooksResponse['playbooks'] = []) {
  return [http.get('/api/runbooks', () => reply(world, runbooksResponse, { playbooks: served }))]
}

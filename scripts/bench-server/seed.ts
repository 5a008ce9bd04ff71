/**
 * Incidents declared through the API, as the app declares them (POST /api/incidents with
 * Content-Type, Origin and an Idempotency-Key), a few at a time. Bounded in count, in
 * concurrency and in time: any refused declaration stops the seeding.
 */
import { randomUUID } from 'node:crypto'
import { exchange, newAgent, writeHeaders } from './http'

const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const
const SERVICES = ['stt', 'llm', 'tts', 'telephony', 'api']

export async function declareIncidents(baseUrl: string, origin: string, total: number, options: { concurrency: number; timeoutMs: number; onProgress?: (done: number) => void }): Promise<string[]> {
  const agent = newAgent()
  const ids: string[] = new Array<string>(total)
  const deadline = Date.now() + options.timeoutMs
  let next = 0
  let done = 0
  const worker = async () => {
    try {
      await declareSome()
    } catch (error) {
      next = total // the other workers stop after their current declaration
      throw error
    }
  }
  const declareSome = async () => {
    while (next < total) {
      if (Date.now() > deadline) throw new Error(`seeding took longer than ${options.timeoutMs} ms (${done} of ${total} declared)`)
      const n = next
      next += 1
      const body = {
        title: `Load test incident ${n + 1}: elevated latency on ${SERVICES[n % SERVICES.length] ?? 'stt'}`,
        severity: SEVERITIES[n % SEVERITIES.length] ?? 'P3',
        impact: 'Some callers hear a delay before the agent answers; retries succeed.',
        services: [SERVICES[n % SERVICES.length] ?? 'stt'],
        actor: `responder-${n % 50}`,
      }
      const answer = await exchange(baseUrl, agent, { method: 'POST', path: '/api/incidents', headers: writeHeaders(origin, randomUUID()), body })
      if (answer.status !== 201) throw new Error(`declaring incident ${n + 1} answered ${answer.status}: ${answer.body.slice(0, 300)}`)
      const id = (JSON.parse(answer.body) as { id?: unknown }).id
      if (typeof id !== 'string') throw new Error(`declaring incident ${n + 1} answered no id`)
      ids[n] = id
      done += 1
      if (done % 500 === 0) options.onProgress?.(done)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, total) }, worker))
  } finally {
    agent.destroy()
  }
  return ids
}

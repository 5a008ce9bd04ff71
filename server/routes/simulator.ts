/**
 * Steering the simulated world over HTTP (the Scenario control, demos and browser
 * tests), and its injected faults: while faults are set, that share of the other API
 * calls fails the chosen way, exactly as in the mock backend. Only with the simulator
 * source; with Prometheus these answer 404 and nothing is ever faulted.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { simulatorControl, type Faults } from '@/api/schemas'
import { sendProblem, validateBody } from '../http/problems'
import type { SimulatorControls } from '../sources/source'

/** Longer than the client's 10 s timeout, so a "timeout" never arrives in time. */
const TIMEOUT_FAULT_DELAY_MS = 30_000
const RETRY_AFTER_STATUSES = new Set([429, 503])
const UNFAULTED = new Set(['/api/simulator', '/api/events', '/api/session'])

export function simulatorRoutes(app: FastifyInstance, simulator: SimulatorControls | null, now: () => number): void {
  if (simulator === null) {
    app.all('/api/simulator', (_request, reply) =>
      sendProblem(reply, 404, 'The simulator is off: this server reads Prometheus (VIGIL_METRICS=prometheus).'),
    )
    return
  }

  app.get('/api/simulator', async () => simulator.state(now()))

  app.post('/api/simulator', async (request, reply) => {
    const body = validateBody(simulatorControl, request.body)
    if (!body.ok) return sendProblem(reply, body.status, body.message, { field: body.field })
    return simulator.control(body.data, now())
  })

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    if (!path.startsWith('/api/') || UNFAULTED.has(path)) return
    const fault = await simulator.takeFault()
    if (fault === null) return
    await sendFault(fault.status, reply)
  })
}

async function sendFault(status: Faults['status'], reply: FastifyReply): Promise<void> {
  if (status === 'timeout') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, TIMEOUT_FAULT_DELAY_MS)
      // The response closes early when the client gives up: no timer outlives the request.
      reply.raw.once('close', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    if (!reply.sent) await sendProblem(reply, 504, 'Injected fault: the upstream did not answer in time.')
    return
  }
  if (status === 'malformed') {
    // Cut off mid-document, as a proxy that dropped the connection would leave it.
    await reply.code(200).type('application/json').send('{"message": "half a respo')
    return
  }
  if (RETRY_AFTER_STATUSES.has(status)) void reply.header('Retry-After', '1')
  await sendProblem(reply, status, `Injected fault: HTTP ${status}.`)
}

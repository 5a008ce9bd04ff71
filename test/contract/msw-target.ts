/**
 * The MSW mock backend on a real socket, so the contract suite reaches it exactly as it
 * reaches the server: plain fetch to a base URL. A small node:http server turns each
 * request into a fetch Request and asks MSW's getResponse for the handlers' answer,
 * passing the server's own origin as the base URL the handlers' relative paths
 * ('/api/incidents/:id') resolve against (the option @mswjs/http-middleware uses).
 *
 * Why not setupServer: in node, MSW resolves a relative handler path against
 * `location`, which node does not have, so the handlers would match nothing unless
 * `globalThis.location` were faked; and it would patch the global fetch for the whole
 * worker, where the server project's tests expect real sockets. Serving over HTTP also
 * puts real HTTP in between (chunked bodies, a bodyless 304, header spelling), and the
 * change feed streams as it does from the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createHandlers } from '@/mocks/handlers/all'
import { createWorld } from '@/mocks/world'
import type { ContractTarget } from './target'

export async function startMswTarget(): Promise<ContractTarget> {
  const handlers = createHandlers(createWorld())
  let baseUrl = ''

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      // Aborted when the client goes away, so a handler waiting on the request's signal stops too.
      const gone = new AbortController()
      res.on('close', () => {
        gone.abort()
      })
      const response = await getResponse(handlers, await toRequest(req, baseUrl, gone.signal), { baseUrl })
      if (response === undefined) {
        // Outside /api the mock has no handler (the dev server serves the app there).
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('The mock backend answers /api only.')
        return
      }
      await send(res, response)
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`The MSW target failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  const server = createServer((req, res) => void answer(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  baseUrl = `http://127.0.0.1:${port}`

  return {
    name: 'msw',
    kind: 'mock',
    baseUrl,
    origin: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => {
          if (e) reject(e)
          else resolve()
        })
      }),
  }
}

async function toRequest(req: IncomingMessage, baseUrl: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const method = req.method ?? 'GET'
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = method === 'GET' || method === 'HEAD' ? null : Buffer.concat(chunks)
  return new Request(new URL(req.url ?? '/', baseUrl), { method, headers, body, signal })
}

/** Writes the answer out as it comes: a buffered body at once, an event stream chunk by chunk until either side stops. */
async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (response.body === null || response.status === 304 || response.status === 204) {
    res.writeHead(response.status, headers).end()
    return
  }
  res.writeHead(response.status, headers)
  res.flushHeaders()
  const reader = response.body.getReader()
  res.on('close', () => {
    reader.cancel().catch(() => undefined)
  })
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    res.write(value)
  }
  res.end()
}

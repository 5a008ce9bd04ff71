/**
 * Real Vigil server processes for tests that need more than one: the bundle `npm run serve`
 * runs, started with `node`, each on its own port, all on one DATABASE_URL.
 *
 * The bundle is built fresh into a private folder rather than read from dist-server/: a
 * dist-server/ left from an older build would test old code, and rebuilding it in place
 * (vite empties the folder first) would pull the file from under anyone else running it.
 * The folder sits inside node_modules/ so the bundle's bare imports (fastify, pg…) resolve.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ContractTarget } from '../../test/contract/target'
import { freePort } from '../../test/support/free-port'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CACHE = path.join(ROOT, 'node_modules', '.cache')
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
/** A fresh PostgreSQL-backed server answers /readyz in a second or two; a loaded machine is slower. */
const READY_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 10_000
/** Enough of a process's output to explain a failure, without keeping a chatty one's whole log. */
const OUTPUT_LIMIT = 64_000

export interface ServerBundle {
  /** The bundled server's entry, like dist-server/main.js. */
  entry: string
  remove(): Promise<void>
}

/** `npx vite build --config vite.server.config.ts`, into a folder of its own. */
export async function buildServerBundle(): Promise<ServerBundle> {
  await mkdir(CACHE, { recursive: true })
  const outDir = await mkdtemp(path.join(CACHE, 'vigil-server-'))
  const result = await runToEnd(process.execPath, [VITE, 'build', '--config', 'vite.server.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'])
  if (result.code !== 0) {
    await rm(outDir, { recursive: true, force: true })
    throw new Error(`Building the server failed (exit ${String(result.code)}):\n${result.output}`)
  }
  return { entry: path.join(outDir, 'main.js'), remove: () => rm(outDir, { recursive: true, force: true }) }
}

export interface ServerProcess extends ContractTarget {
  pid: number
  /** What the process wrote to stdout and stderr so far (JSON log lines), newest kept. */
  output(): string
  /** Log lines at level error (50) or worse, parsed from the output. */
  errors(): string[]
  /** Resolves with the exit code once the process has exited (for tests that signal it themselves). */
  exited(): Promise<number | null>
}

export interface ServerProcessOptions {
  name: string
  entry: string
  databaseUrl: string
  /** More settings, as `npm run serve` reads them. */
  env?: Record<string, string>
}

/** Starts `node <entry>` on a free port and resolves once /readyz answers 200 (the database answers). */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  let lastError: unknown = null
  // A free port can be taken between finding and binding it: a few tries.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await startOnce(options, await freePort())
    } catch (error) {
      lastError = error
      if (!(error instanceof Error) || !error.message.includes('EADDRINUSE')) throw error
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError))
}

async function startOnce(options: ServerProcessOptions, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--enable-source-maps', options.entry], {
    cwd: ROOT,
    // Only what the server needs: the test runner's own variables (NODE_OPTIONS, VITEST…) stay out.
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code)
    })
  })
  let exitCode: number | null | undefined
  void exited.then((code) => {
    exitCode = code
  })

  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`${options.name} (node ${options.entry}) exited with ${String(exitCode)} before it was ready:\n${output}`)
    }
    if (await isReady(baseUrl)) break
    if (Date.now() > deadline) {
      await stopChild(child, exited)
      throw new Error(`${options.name} was not ready within ${READY_TIMEOUT_MS} ms:\n${output}`)
    }
    await delay(100)
  }

  const pid = child.pid
  if (pid === undefined) throw new Error(`${options.name} has no pid`)
  return {
    name: options.name,
    kind: 'server',
    baseUrl,
    origin: baseUrl,
    pid,
    output: () => output,
    errors: () => errorLines(output),
    close: () => stopChild(child, exited),
    exited: () => exited,
  }
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const answer = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) })
    await answer.arrayBuffer()
    return answer.status === 200
  } catch {
    return false
  }
}

/** SIGTERM (the server finishes in-flight requests and closes its database), SIGKILL if it hangs. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  try {
    await exited
  } finally {
    clearTimeout(timer)
  }
}

/** Pino writes one JSON object a line; level 50 is error, 60 fatal. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => {
    try {
      const parsed: unknown = JSON.parse(line)
      return typeof parsed === 'object' && parsed !== null && 'level' in parsed && typeof parsed.level === 'number' && parsed.level >= 50
    } catch {
      return false
    }
  })
}

function runToEnd(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8')
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.once('error', reject)
    child.once('close', (code) => {
      resolve({ code, output })
    })
  })
}


function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms)
  })
}

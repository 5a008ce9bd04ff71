/**
 * The real Vigil server for browser tests: `node dist-server/main.js` (what `npm run serve`
 * runs) as a child process, on a free port of 127.0.0.1 and a fresh embedded database
 * (PGlite) in a temp folder. It serves dist/ with a config.json that points the app at
 * itself, so a page opened on `server.baseURL` talks to this process, not to the mock.
 *
 * `kill(signal)` and `restart()` keep the port and the data folder, so a test can crash the
 * process and check what survived. Importing this module registers an afterAll that stops
 * every server the file started and deletes their folders, whatever the tests did.
 *
 * dist/ and dist-server/ are used as they are (other work shares them); each is built once
 * here only when missing. Rebuild them yourself after changing the app or the server.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll } from 'vitest'
import { freePort } from '../../support/free-port'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const ENTRY = path.join(ROOT, 'dist-server', 'main.js')
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
/** A fresh PGlite folder takes 5–15 s to open on a loaded two-core machine; recovery after a crash can take longer. */
const READY_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 15_000
/** Enough of the process's output to explain a failure without keeping a chatty log whole. */
const OUTPUT_LIMIT = 32_000

const run = promisify(execFile)

export interface ServeOptions {
  /** VIGIL_SCENARIO: the simulator's scenario at start (e.g. 'healthy'). */
  scenario?: string
  /** VIGIL_SEED: fixes the simulated data. */
  seed?: number
  /** Any other settings, as `npm run serve` reads them. */
  env?: Record<string, string>
}

export interface VigilServer {
  /** http://127.0.0.1:<port>; stays the same across restarts. */
  readonly baseURL: string
  /** The Origin a page of this server sends, which writes must carry. */
  readonly origin: string
  readonly port: number
  readonly dataDir: string
  /** The running process's id; undefined while it is down. */
  pid(): number | undefined
  /** What the process (all its runs) wrote to stdout and stderr, newest kept. */
  output(): string
  /** Sends `signal` and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>
  /** Starts the process again on the same port and data folder (stopping it first with SIGTERM if it runs). */
  restart(): Promise<void>
  /** SIGTERM (SIGKILL if it hangs) and deletes the data folder. Called for you after the file. */
  stop(): Promise<void>
}

const started = new Set<VigilServer>()

/** Builds what is missing, then starts a server and waits until /readyz answers 200. */
export async function startVigilServer(options: ServeOptions = {}): Promise<VigilServer> {
  await buildIfMissing()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-e2e-'))
  try {
    const port = await freePort()
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? tmpdir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      VIGIL_DATA_DIR: dataDir,
      VIGIL_DIST_DIR: path.join(ROOT, 'dist'),
      LOG_LEVEL: 'warn',
      ...(options.scenario === undefined ? {} : { VIGIL_SCENARIO: options.scenario }),
      ...(options.seed === undefined ? {} : { VIGIL_SEED: String(options.seed) }),
      ...options.env,
    }
    const server = new ServerProcess(port, dataDir, env)
    started.add(server)
    await server.start()
    return server
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}

class ServerProcess implements VigilServer {
  readonly baseURL: string
  readonly origin: string
  private child: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  private log = ''

  constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`
    this.origin = this.baseURL
  }

  pid(): number | undefined {
    return this.child?.pid
  }

  output(): string {
    return this.log
  }

  async start(): Promise<void> {
    if (this.child !== null) throw new Error(`the server on port ${this.port} is already running`)
    const child = spawn(process.execPath, ['--enable-source-maps', ENTRY], {
      cwd: ROOT,
      // Only what the server needs: the test runner's own variables (NODE_OPTIONS, VITEST…) stay out.
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    let stderr = ''
    const keep = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      if (stream === 'stderr') stderr = (stderr + text).slice(-OUTPUT_LIMIT)
      this.log = (this.log + text).slice(-OUTPUT_LIMIT)
    }
    child.stdout.on('data', keep('stdout'))
    child.stderr.on('data', keep('stderr'))
    const ended: { how: string | null } = { how: null }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        ended.how = signal === null ? `exit code ${String(code)}` : `signal ${signal}`
        if (this.child === child) this.child = null
        resolve()
      })
    })

    const deadline = Date.now() + READY_TIMEOUT_MS
    let last = 'no answer yet'
    for (;;) {
      if (ended.how !== null) {
        throw new Error(`the Vigil server (node ${ENTRY}, port ${this.port}) ended with ${ended.how} before it was ready.\nstderr:\n${stderr || '(empty)'}\noutput:\n${this.log}`)
      }
      last = await readiness(this.baseURL)
      if (last === 'ready') return
      if (Date.now() > deadline) {
        await this.kill('SIGKILL')
        throw new Error(
          `the Vigil server on port ${this.port} was not ready within ${READY_TIMEOUT_MS} ms (last /readyz: ${last}).\nstderr:\n${stderr || '(empty)'}\noutput:\n${this.log}`,
        )
      }
      await delay(200)
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    if (child === null) return
    child.kill(signal)
    // A graceful stop that hangs is ended; the test that asked for it sees the exit either way.
    const timer = signal === 'SIGKILL' ? null : setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    try {
      await this.exited
    } finally {
      if (timer !== null) clearTimeout(timer)
    }
  }

  async restart(): Promise<void> {
    await this.kill('SIGTERM')
    await this.start()
  }

  async stop(): Promise<void> {
    started.delete(this)
    await this.kill('SIGTERM')
    await rm(this.dataDir, { recursive: true, force: true })
  }
}

/** 'ready', or what /readyz said instead (for the timeout's message). */
async function readiness(baseURL: string): Promise<string> {
  try {
    const answer = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(3_000) })
    const body = await answer.text()
    return answer.status === 200 ? 'ready' : `HTTP ${answer.status} ${body.slice(0, 200)}`
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}

let building: Promise<void> | undefined

/** `npx vite build` and `npx vite build --config vite.server.config.ts`, each only when its output is missing. */
function buildIfMissing(): Promise<void> {
  building ??= (async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'index.html'))) {
      console.log('[e2e server] dist/ is missing: building the app first')
      await viteBuild([])
    }
    if (!existsSync(ENTRY)) {
      console.log('[e2e server] dist-server/ is missing: building the server first')
      await viteBuild(['--config', 'vite.server.config.ts'])
    }
  })()
  return building
}

async function viteBuild(args: string[]): Promise<void> {
  try {
    await run(process.execPath, [VITE, 'build', '--logLevel', 'warn', ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    const detail = error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error)
    throw new Error(`vite build ${args.join(' ')} failed:\n${detail}`, { cause: error })
  }
}

/** Port 0 lets the OS pick; the port is then free for the child (and stays ours across restarts in practice). */

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms)
  })
}

afterAll(async () => {
  const servers = [...started]
  await Promise.all(servers.map((server) => server.stop()))
})

// If the runner itself dies, no server is left behind holding a port.
process.once('exit', () => {
  for (const server of started) {
    const pid = server.pid()
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
})

/**
 * The real server as a child process (`node --enable-source-maps dist-server/main.js`, what
 * `npm run serve` runs) on a free loopback port, with its resident memory sampled once a
 * second from /proc/<pid>/status. Its JSON log lines go to a file, not through a pipe, so a
 * slow reader on our side can never hold the server up.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, openSync, closeSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { freePort } from '../../test/support/free-port'

export interface ServerOptions {
  root: string
  /** The server bundle to run; dist-server/main.js unless comparing another build. */
  main: string
  /** Environment on top of ours: VIGIL_DATA_DIR or DATABASE_URL, and so on. */
  env: Record<string, string>
  logFile: string
  /** Folder for a V8 CPU profile of the whole run (`node --cpu-prof`), or null. */
  cpuProfDir: string | null
  readyTimeoutMs: number
}

export interface RunningServer {
  pid: number
  baseUrl: string
  origin: string
  rss: RssSampler
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>
}

export interface RssSampler {
  /** Forget earlier samples: the figures then cover only what follows. */
  reset(): void
  /** Largest and last reading since reset, in MB (1 MB = 1024 × 1024 bytes), and how many; peakMb is the kernel's VmHWM (the most since the process started). */
  summary(): RssSummary
  stop(): void
}

export interface RssSummary {
  maxMb: number
  endMb: number
  peakMb: number
  samples: number
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const main = options.main
  if (!existsSync(main)) throw new Error(`${main} is missing: build it with npx vite build --config vite.server.config.ts`)
  const port = await freePort()
  const log = openSync(options.logFile, 'a')
  const flags = ['--enable-source-maps', ...(options.cpuProfDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`])]
  const child = spawn(process.execPath, [...flags, main], {
    cwd: options.root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  const pid = child.pid
  if (pid === undefined) throw new Error('the server process did not start')
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code)
    })
  })
  const baseUrl = `http://127.0.0.1:${port}`

  try {
    await waitReady(baseUrl, child, options.readyTimeoutMs, options.logFile)
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    throw error
  }
  const rss = await sampleRss(pid)
  return {
    pid,
    baseUrl,
    origin: baseUrl,
    rss,
    async stop(graceMs = 15_000) {
      rss.stop()
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      const code = await exited
      clearTimeout(timer)
      return code
    },
  }
}

/** A fresh PGlite folder takes seconds to start on a loaded machine: poll /readyz. */
async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${await tail(logFile)}`)
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) })
      await response.arrayBuffer()
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await delay(200)
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${await tail(logFile)}`)
}

async function sampleRss(pid: number): Promise<RssSampler> {
  let readings: number[] = []
  let peakMb = Number.NaN
  const read = () =>
    readFile(`/proc/${pid}/status`, 'utf8').then(
      (text) => {
        const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(text)?.[1]
        if (kb !== undefined) readings.push(Number(kb) / 1024)
        const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(text)?.[1]
        if (hwm !== undefined) peakMb = Number(hwm) / 1024
      },
      () => undefined, // the process has gone: nothing more to read
    )
  await read()
  const timer = setInterval(() => void read(), 1_000)
  return {
    reset() {
      readings = []
      void read()
    },
    summary() {
      return { maxMb: readings.length === 0 ? Number.NaN : Math.max(...readings), endMb: readings.at(-1) ?? Number.NaN, peakMb, samples: readings.length }
    },
    stop() {
      clearInterval(timer)
    },
  }
}

async function tail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.split('\n').slice(-20).join('\n')
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}


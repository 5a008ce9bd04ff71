/**
 * The server driver: node-postgres against DATABASE_URL. A pool of connections for queries and
 * transactions, and one dedicated connection for LISTEN that comes back by itself when the
 * database or the network drops it (see Listener).
 */
import pg from 'pg'
import type { DriverDatabase, ScriptSql } from './driver'
import { assertChannelName, parseInt8, parseTimestamptz } from './pg-values'

export interface PostgresOptions {
  log?: (msg: string) => void
  /** Connections in the pool. Several servers share one database: keep each one modest. */
  poolSize?: number
  /** A statement running longer than this is cancelled by the server. */
  statementTimeoutMs?: number
  /** Reconnect delays for the LISTEN connection: doubling from min to max, with jitter. */
  reconnectDelayMs?: { min: number; max: number }
  /** How often the LISTEN connection is probed, so a silently dead socket is noticed. */
  heartbeatMs?: number
}

/** Per-connection type parsers: the process-wide pg.types registry is left alone. */
const types = new pg.TypeOverrides()
types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text', parseTimestamptz)
types.setTypeParser(pg.types.builtins.INT8, 'text', parseInt8)

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<DriverDatabase> {
  const log = options.log ?? (() => undefined)
  const connection: pg.ClientConfig = {
    connectionString: url,
    types,
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
    application_name: 'vigil',
  }
  const pool = new pg.Pool({
    ...connection,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    // A transaction left open by a bug must not hold its row locks forever.
    idle_in_transaction_session_timeout: 60_000,
    idleTimeoutMillis: 30_000,
  })
  // An idle pooled connection that dies (database restart) is dropped by the pool; without a
  // listener the 'error' event would end the process.
  pool.on('error', (error) => {
    log(`PostgreSQL: an idle connection failed: ${error.message}`)
  })

  try {
    await pool.query('SELECT 1')
  } catch (error) {
    await pool.end()
    throw new Error(`Cannot connect to PostgreSQL at ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }

  const listener = new Listener({ ...connection, application_name: 'vigil-listen', query_timeout: 10_000 }, log, {
    min: options.reconnectDelayMs?.min ?? 250,
    max: options.reconnectDelayMs?.max ?? 10_000,
    heartbeatMs: options.heartbeatMs ?? 30_000,
  })
  let closing: Promise<void> | null = null

  return {
    kind: 'postgres',
    async query<R>(text: string, params?: readonly unknown[]) {
      return (await pool.query(text, params ? [...params] : undefined)).rows as R[]
    },
    async transaction(fn) {
      const client = await pool.connect()
      // A connection that fails between two statements emits 'error' on the checked-out client.
      let lostWith: Error | undefined
      const onError = (error: Error) => {
        lostWith = error
      }
      client.on('error', onError)
      let open = true
      const tx: ScriptSql = {
        async query<R>(text: string, params?: readonly unknown[]) {
          if (!open) throw new Error('Transaction is closed')
          return (await client.query(text, params ? [...params] : undefined)).rows as R[]
        },
        async exec(script: string) {
          if (!open) throw new Error('Transaction is closed')
          await client.query(script)
        },
      }
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await fn(tx)
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
        }
        throw error
      } finally {
        open = false
        client.removeListener('error', onError)
        // Passing an error destroys the connection instead of returning it in an unknown state.
        client.release(broken ?? lostWith)
      }
    },
    listen: (channel, onNotify, onReconnect) => listener.add(channel, { onNotify, onReconnect }),
    async ping() {
      await pool.query('SELECT 1')
    },
    close() {
      closing ??= (async () => {
        await listener.close()
        await pool.end()
      })()
      return closing
    },
  }
}

interface Subscriber {
  onNotify: (payload: string) => void
  onReconnect?: (() => void) | undefined
}

/**
 * One dedicated connection LISTENing on every subscribed channel. When it is lost, it is
 * reopened with growing delays, every channel is LISTENed again, and each subscriber's
 * onReconnect runs: notifications sent while it was away are gone, so callers resync.
 * All connection work runs one step at a time (`serial`).
 */
class Listener {
  readonly #channels = new Map<string, Set<Subscriber>>()
  #client: pg.Client | null = null
  #serial: Promise<unknown> = Promise.resolve()
  #retry: NodeJS.Timeout | null = null
  #heartbeat: NodeJS.Timeout | null = null
  #attempt = 0
  #closed = false

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly log: (msg: string) => void,
    private readonly timing: { min: number; max: number; heartbeatMs: number },
  ) {}

  async add(channel: string, subscriber: Subscriber): Promise<() => Promise<void>> {
    assertChannelName(channel)
    if (this.#closed) throw new Error('The database is closed')
    await this.#step(async () => {
      let subscribers = this.#channels.get(channel)
      const isNew = subscribers === undefined
      subscribers ??= new Set()
      subscribers.add(subscriber)
      this.#channels.set(channel, subscribers)
      try {
        if (this.#client === null && this.#retry === null) {
          await this.#connect() // LISTENs every channel, this one included
        } else if (this.#client !== null && isNew) {
          await this.#client.query(`LISTEN "${channel}"`)
        }
        // Otherwise a reconnect is pending: it will LISTEN on this channel too.
      } catch (error) {
        this.#forget(channel, subscriber)
        throw error
      }
    })
    let removed = false
    return async () => {
      if (removed) return
      removed = true
      await this.#step(async () => {
        this.#forget(channel, subscriber)
        if (this.#channels.size === 0) {
          this.#disconnect()
        } else if (!this.#channels.has(channel) && this.#client !== null) {
          await this.#client.query(`UNLISTEN "${channel}"`).catch(() => undefined)
        }
      })
    }
  }

  async close(): Promise<void> {
    this.#closed = true
    await this.#step(() => {
      this.#channels.clear()
      this.#disconnect()
      return Promise.resolve()
    })
  }

  #forget(channel: string, subscriber: Subscriber): void {
    const subscribers = this.#channels.get(channel)
    subscribers?.delete(subscriber)
    if (subscribers?.size === 0) this.#channels.delete(channel)
  }

  #step<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#serial.then(work, work)
    this.#serial = run.catch(() => undefined)
    return run
  }

  async #connect(): Promise<void> {
    const client = new pg.Client(this.config)
    client.on('error', (error) => {
      this.#lost(client, error)
    })
    client.on('end', () => {
      this.#lost(client, null)
    })
    client.on('notification', (message) => {
      this.#dispatch(message.channel, message.payload ?? '')
    })
    try {
      await client.connect()
      for (const channel of this.#channels.keys()) await client.query(`LISTEN "${channel}"`)
    } catch (error) {
      client.removeAllListeners('end')
      await client.end().catch(() => undefined)
      throw error
    }
    this.#client = client
    this.#heartbeat = setInterval(() => {
      void this.#step(async () => {
        if (this.#client !== client) return
        await client.query('SELECT 1').catch((error: unknown) => {
          this.#lost(client, error instanceof Error ? error : new Error(String(error)))
        })
      })
    }, this.timing.heartbeatMs)
    this.#heartbeat.unref()
  }

  #dispatch(channel: string, payload: string): void {
    for (const subscriber of this.#channels.get(channel) ?? []) {
      try {
        subscriber.onNotify(payload)
      } catch (error) {
        this.log(`LISTEN ${channel}: the handler threw: ${String(error)}`)
      }
    }
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (client !== this.#client) return
    this.log(`PostgreSQL: the LISTEN connection was lost${error ? `: ${error.message}` : ''}; reconnecting`)
    this.#disconnect()
    if (!this.#closed && this.#channels.size > 0) this.#scheduleReconnect()
  }

  #disconnect(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat)
    if (this.#retry) clearTimeout(this.#retry)
    this.#heartbeat = null
    this.#retry = null
    const client = this.#client
    this.#client = null
    if (client) {
      client.removeAllListeners('end')
      // Keep an 'error' listener: a dying socket may still report after end().
      void client.end().catch(() => undefined)
    }
  }

  #scheduleReconnect(): void {
    const base = Math.min(this.timing.max, this.timing.min * 2 ** this.#attempt)
    const delay = base / 2 + Math.random() * (base / 2)
    this.#retry = setTimeout(() => {
      void this.#step(async () => {
        this.#retry = null
        if (this.#closed || this.#channels.size === 0 || this.#client !== null) return
        try {
          await this.#connect()
        } catch (error) {
          this.#attempt += 1
          this.log(`PostgreSQL: reconnecting LISTEN failed (attempt ${this.#attempt}): ${error instanceof Error ? error.message : String(error)}`)
          this.#scheduleReconnect()
          return
        }
        this.#attempt = 0
        this.log('PostgreSQL: the LISTEN connection is back')
        for (const subscribers of [...this.#channels.values()]) {
          for (const subscriber of subscribers) {
            try {
              subscriber.onReconnect?.()
            } catch (error) {
              this.log(`LISTEN: an onReconnect handler threw: ${String(error)}`)
            }
          }
        }
      })
    }, delay)
    this.#retry.unref()
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparsable DATABASE_URL)'
  }
}

/**
 * One database interface over two drivers: PGlite (embedded PostgreSQL in a folder, the default)
 * and node-postgres (a real server from DATABASE_URL). The repository runs the very same SQL on
 * both, so the drivers agree on how values come back:
 *
 * - `timestamptz` → a string in `Date#toISOString()` form ("2024-05-01T10:00:00.000Z"), always
 *   UTC with milliseconds. PostgreSQL keeps microseconds; the digits after the milliseconds are
 *   dropped (the API only ever writes millisecond times, so what it writes comes back unchanged).
 * - `json` / `jsonb` → parsed JavaScript values.
 * - `int8` (bigint, bigserial, count(*)) → a JavaScript number; a value beyond 2^53 throws rather
 *   than losing digits. `int4`, `int2`, `float8` → number; `bool` → boolean; `text` → string.
 * - Use `timestamptz`, never `timestamp` (without a zone) or arrays of timestamps: their parsing
 *   is left to each driver's default and differs.
 *
 * Parameters are always `$1…` placeholders, never spliced into the SQL. Pass timestamps as ISO
 * strings and JSON as `JSON.stringify(value)` with a `$n::jsonb` cast: node-postgres would turn a
 * JavaScript array into a PostgreSQL array literal, PGlite would not, so stringify yourself.
 */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres'
  /** BEGIN … COMMIT on one connection; ROLLBACK and rethrow when fn throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  /** LISTEN on `channel`; returns a function that stops listening. With pg this uses one dedicated client that reconnects (with backoff) if the connection drops, re-LISTENing, and calls onReconnect so callers can resync. */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>
  /** Answers when the database answers (SELECT 1), for /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** A transaction that can also run a multi-statement script (no parameters): for migrations. */
export interface ScriptSql extends Sql {
  exec(script: string): Promise<void>
}

/** What the drivers implement: a Database whose transactions can run scripts (see migrate.ts). */
export interface DriverDatabase extends Database {
  transaction<T>(fn: (tx: ScriptSql) => Promise<T>): Promise<T>
}

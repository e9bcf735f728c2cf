import type { ResolvedOptions } from '../config';

export interface QueryResult<R> {
  rows: R[];
  /** Rows returned, or rows changed by INSERT/UPDATE/DELETE without RETURNING. */
  rowCount: number;
}

/**
 * Something that runs one parameterised statement. Every query in the server is written once in
 * plain PostgreSQL SQL ($1, $2 … placeholders) and runs unchanged on PGlite and on PostgreSQL.
 * Type notes that hold on both: cast counts and bigints to ::int (pg returns int8 as a string,
 * PGlite as a number); timestamptz arrives as a Date; json/jsonb arrive parsed.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

/** Inside a transaction: also runs multi-statement scripts (migrations). */
export interface Tx extends Queryable {
  exec(script: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Use
   * only `tx` inside: on PGlite the outer Db waits for the transaction, so calling it would hang.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (delivered after the notifying transaction
   * commits, whichever server instance wrote it); resolves once listening, to a stop function.
   * On PostgreSQL one dedicated connection listens and is re-opened when it breaks; `onNotify('')`
   * follows a reconnect, since notifications sent meanwhile are lost.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbLogger {
  error(obj: object, msg: string): void;
}

/** Opens the configured database; drivers load lazily so a PostgreSQL deployment never loads PGlite. */
export async function openDb(database: ResolvedOptions['database'], log: DbLogger): Promise<Db> {
  if (database.kind === 'postgres') {
    const { openPostgres } = await import('./postgres');
    return openPostgres(database.url, log);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(database.dataDir, database.template);
}

/** SQLSTATE of a driver error (both drivers expose `code`), for mapping unique violations etc. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

import pg from 'pg';
import type { Db, DbLogger, QueryResult, Tx } from './db';
import { listenOn } from './pg-listener';

/** A PostgreSQL server through a connection pool: what several server instances share. */
export async function openPostgres(url: string, log: DbLogger): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'kalma-server' });
  // An idle connection that breaks (server restart, network) must not crash the process; the
  // pool drops it and the next query opens a new one.
  pool.on('error', (err) => log.error({ err }, 'idle PostgreSQL connection failed'));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to PostgreSQL (DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const tx: Tx = {
          query: (sql, params) => run(client, sql, params),
          exec: async (script) => {
            await client.query(script);
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          // A connection that cannot roll back is not reused.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onNotify) => listenOn(url, channel, onNotify, log),
    close: () => (closing ??= pool.end()),
  };
}

async function run<R>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
  const result = await target.query(sql, params ? [...params] : undefined);
  return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
}

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { MEMORY_DATA_DIR } from '../config';
import { lockDataDir } from './data-dir-lock';
import type { Db, QueryResult, Tx } from './db';

interface PgliteLike {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in this process. One server owns a
 * data folder at a time (see data-dir-lock.ts). A new cluster starts from `template` when given
 * (see ServerOptions.pgliteTemplate); an existing one never does.
 */
export async function openPglite(dataDir: string, template?: string): Promise<Db> {
  let location = MEMORY_DATA_DIR;
  let unlock = () => {};
  if (dataDir !== MEMORY_DATA_DIR) {
    location = join(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    const fresh = location === MEMORY_DATA_DIR || !existsSync(join(location, 'PG_VERSION'));
    pglite = await PGlite.create(location, fresh && template ? { loadDataDir: readTemplate(template) } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    query: (sql, params) => run(pglite, sql, params),
    transaction: (fn) =>
      pglite.transaction((tx) => {
        const scoped: Tx = {
          query: (sql, params) => run(tx, sql, params),
          exec: async (script) => {
            await tx.exec(script);
          },
        };
        return fn(scoped);
      }),
    listen: async (channel, onNotify) => {
      const stop = await pglite.listen(channel, onNotify);
      return async () => {
        // After close the instance refuses queries, UNLISTEN included; nothing is listening then anyway.
        if (!pglite.closed) await stop();
      };
    },
    close: () => (closing ??= pglite.close().finally(unlock)),
  };
}

function readTemplate(path: string): Blob {
  try {
    return new Blob([readFileSync(path)]);
  } catch (error) {
    throw new Error(`the PGlite template ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function run<R>(target: PgliteLike, sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
  const result = await target.query<R>(sql, params ? [...params] : undefined);
  return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
}

import { importCustomersWith, type CustomerImport } from '../customers/import';
import type { Db, Queryable, Tx } from '../db/db';
import { CHANGES_CHANNEL } from '../sync/live';
import { writeColumns, type ColumnSet } from './bulk-insert';
import { columnSets } from './column-source';
import { demoBatches, type DemoBatch, type DemoOptions } from './generator';

/**
 * Puts demo customers into the server's database: generated batch by batch, written batch by
 * batch, with progress. Seeding again with the same seed adds nothing twice (ids are the seed's).
 */

export type SeedMethod = 'bulk' | 'import';

export interface SeedProgress {
  customers: number;
  total: number;
  rows: number;
  elapsedMs: number;
}

export interface SeedOptions extends DemoOptions {
  customers: number;
  /** First customer index: seeding 0–99,999 then 100,000–199,999 gives the same set as 0–199,999. */
  startIndex?: number;
  /** Customers per batch (and per transaction unless `atomic`). */
  batchSize?: number;
  /**
   * `bulk` (default): multi-row inserts straight into the tables (bulk-insert.ts), the fast path.
   * `import`: server/customers/import.ts, which parses every row again with the shared schemas.
   */
  method?: SeedMethod;
  /** One transaction for everything: a seed interrupted half-way leaves nothing behind. */
  atomic?: boolean;
  /** Generate in a worker thread (default: for 50,000 customers or more). */
  worker?: boolean;
  /** Atomic seeds only: checked first, inside the transaction; false skips the seed (nothing written). */
  precondition?(tx: Tx): Promise<boolean>;
  onProgress?(progress: SeedProgress): void;
}

export interface SeedOutcome {
  customers: number;
  rows: number;
  elapsedMs: number;
}

const DEFAULT_BATCH = 2_000;

export async function seedDemoCustomers(db: Db, options: SeedOptions): Promise<SeedOutcome> {
  const started = performance.now();
  const total = Math.max(0, Math.trunc(options.customers));
  const chunk = options.batchSize ?? DEFAULT_BATCH;
  // The generated rows reference each other correctly (the generator's tests check it), so a
  // superuser skips the per-row foreign-key triggers, a third of the cost on PGlite. Replica mode
  // also mutes the statement triggers that poke live consoles, so each transaction pokes once.
  const skipTriggers = options.method !== 'import' && (await isSuperuser(db));
  const begin = async (tx: Tx) => {
    if (skipTriggers) await tx.query('SET LOCAL session_replication_role = replica');
  };
  const end = async (tx: Tx) => {
    if (skipTriggers) await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
  };
  const sets: AsyncIterable<Written> =
    options.method === 'import'
      ? importSets(demoBatches({ ...options, batchSize: chunk }))
      : bulkSets(columnSets({ ...options, chunk, worker: options.worker }));

  let customers = 0;
  let rows = 0;
  const done = (set: Written) => {
    customers += set.customerCount;
    rows += set.rowCount;
    options.onProgress?.({ customers, total, rows, elapsedMs: performance.now() - started });
  };
  if (options.atomic) {
    await db.transaction(async (tx) => {
      if (options.precondition && !(await options.precondition(tx))) return;
      await begin(tx);
      for await (const set of sets) {
        await set.write(tx);
        done(set);
      }
      await end(tx);
    });
  } else {
    for await (const set of sets) {
      await db.transaction(async (tx) => {
        await begin(tx);
        await set.write(tx);
        await end(tx);
      });
      done(set);
    }
  }
  return { customers, rows, elapsedMs: performance.now() - started };
}

/** A chunk ready to be written inside the caller's transaction. */
interface Written {
  customerCount: number;
  rowCount: number;
  write(q: Queryable): Promise<void>;
}

async function* bulkSets(source: AsyncIterable<ColumnSet>): AsyncGenerator<Written> {
  for await (const set of source) yield { customerCount: set.customerCount, rowCount: set.rowCount, write: (q) => writeColumns(q, set) };
}

async function* importSets(batches: Iterable<DemoBatch>): AsyncGenerator<Written> {
  for (const batch of batches) yield { customerCount: batch.customers.length, rowCount: batch.rowCount, write: (q) => importBatch(q, batch) };
}

async function isSuperuser(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ su: boolean }>(`SELECT current_setting('is_superuser') = 'on' AS su`);
  return rows[0]?.su === true;
}

/** The server's own import, which parses every row with the shared schemas (slower, for comparison). */
async function importBatch(q: Queryable, batch: DemoBatch): Promise<void> {
  const data: CustomerImport = {
    customers: batch.customers.map(({ version: _v, ...c }) => c),
    orders: batch.orders.map(({ version: _v, ...o }) => o),
    interactions: batch.interactions.map(({ version: _v, ...i }) => i),
  };
  await importCustomersWith(q, data);
}

/** How many customers the server holds (deleted ones included): demo seeding starts only at zero. */
export async function countCustomers(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  return rows[0]?.n ?? 0;
}

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../../shared/domain/sync-row';
import { compareVersions } from '../../../shared/domain/row-version';
import { importCustomers } from '../../../server/customers/import';
import {
  backends,
  customer,
  freshDatabase,
  noteMutation,
  pull,
  pullAll,
  pushOk,
  rowKey,
  signIn,
  startTestServer,
  type Database,
  type TestServer,
} from './sync-harness';

/**
 * The trap: versions come from a sequence, so a transaction can take version 10, stay open, and
 * commit after another took version 11 and committed. A cursor at 11 would skip 10 forever. These
 * tests hold transactions open on real PostgreSQL connections and check the feed waits for them.
 */

const CUSTOMERS = 40;

function nameOf(row: SyncRow | undefined): string | undefined {
  return row?.entity === 'customer' && !row.data.deleted ? row.data.name : undefined;
}

describe.runIf(backends.includes('postgres'))('the pull cursor under concurrent writers (postgres)', () => {
  let database: Database;
  let t: TestServer;
  let token: string;
  const clients: pg.Client[] = [];

  async function connection(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: database.options.databaseUrl });
    await client.connect();
    clients.push(client);
    return client;
  }

  async function write(client: pg.Client, id: string, name: string): Promise<string> {
    const { rows } = await client.query<{ version: string }>('UPDATE customers SET name = $2 WHERE id = $1 RETURNING version::text AS version', [id, name]);
    return rows[0]!.version;
  }

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    t = await startTestServer('postgres', {}, database);
    token = (await signIn(t.url, 'agent', 'agent-demo-2026')).token;
    await importCustomers(t.db, { customers: Array.from({ length: CUSTOMERS }, (_, i) => customer(`c${i}`)) });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    await t?.close();
    await database?.drop();
  });

  it('holds back a later commit while an earlier version is still in flight, then delivers both', async () => {
    const caughtUp = await pullAll(t.url, token);
    const [t1, t2] = [await connection(), await connection()];
    await t1.query('BEGIN');
    const v1 = await write(t1, 'c1', 'written by T1');
    await t2.query('BEGIN');
    const v2 = await write(t2, 'c2', 'written by T2');
    await t2.query('COMMIT');
    expect(compareVersions(v2, v1)).toBe(1);

    const during = await pull(t.url, token, { cursor: caughtUp.cursor });
    expect(during.rows.map(rowKey)).not.toContain('customer:c2');
    expect(during.cursor).toBe(caughtUp.cursor);

    await t1.query('COMMIT');
    const after = await pullAll(t.url, token, during.cursor);
    expect(after.rows.map((r) => [r.data.id, nameOf(r)])).toEqual([
      ['c1', 'written by T1'],
      ['c2', 'written by T2'],
    ]);
  });

  it('delivers a row with a lower version that commits after a higher one was handed out', async () => {
    const caughtUp = await pullAll(t.url, token);
    const [early, late] = [await connection(), await connection()];
    // `late` starts first (its transaction id is older) but writes last: the highest version.
    await late.query('BEGIN');
    await late.query('SELECT pg_current_xact_id()');
    await early.query('BEGIN');
    const lowVersion = await write(early, 'c3', 'low version, commits last');
    const highVersion = await write(late, 'c4', 'high version, commits first');
    await late.query('COMMIT');
    expect(compareVersions(highVersion, lowVersion)).toBe(1);

    const first = await pullAll(t.url, token, caughtUp.cursor);
    expect(first.rows.map((r) => r.data.id)).toEqual(['c4']);
    await early.query('COMMIT');
    const second = await pullAll(t.url, token, first.cursor);
    expect(second.rows.map((r) => [r.data.id, r.data.version])).toEqual([['c3', lowVersion]]);
  });

  it('ends with exactly the table when several writers race a puller (randomized)', async () => {
    const seed = Date.now() % 1_000_000;
    let state = seed;
    const random = () => {
      // mulberry32: a seed in the failure message reproduces the run.
      state = (state + 0x6d2b79f5) | 0;
      let x = Math.imul(state ^ (state >>> 15), 1 | state);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = () => `c${Math.floor(random() * CUSTOMERS)}`;
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    const cache = new Map<string, { version: string; deleted: boolean }>();
    const apply = (rows: SyncRow[]) => {
      for (const row of rows) {
        const held = cache.get(rowKey(row));
        // As the cache does: a row never goes back to an older version.
        if (!held || compareVersions(row.data.version, held.version) >= 0) cache.set(rowKey(row), { version: row.data.version, deleted: row.data.deleted });
      }
    };
    const start = await pullAll(t.url, token);
    apply(start.rows);
    let cursor = start.cursor;

    const sqlWriter = async (client: pg.Client, n: number) => {
      for (let i = 0; i < n; i++) {
        try {
          await client.query('BEGIN');
          for (let op = 0, ops = 1 + Math.floor(random() * 3); op < ops; op++) {
            const r = random();
            if (r < 0.5) await client.query('UPDATE customers SET name = $2 WHERE id = $1', [pick(), `name ${seed}-${i}-${op}`]);
            else if (r < 0.95) {
              await client.query(`INSERT INTO interactions (id, customer_id, kind, occurred_at, text) VALUES ($1, $2, 'note', now(), 'race')`, [randomUUID(), pick()]);
            } else await client.query('UPDATE customers SET deleted = NOT deleted WHERE id = $1', [pick()]);
            await pause(Math.floor(random() * 8));
          }
          await client.query(random() < 0.1 ? 'ROLLBACK' : 'COMMIT');
        } catch {
          // A deadlock between writers aborts one of them, as it would in production.
          await client.query('ROLLBACK');
        }
      }
    };
    const apiWriter = async (n: number) => {
      for (let i = 0; i < n; i++) await pushOk(t.url, token, [noteMutation(pick(), `pushed ${i}`)]);
    };

    let writing = true;
    const writers = Promise.all([
      ...(await Promise.all(Array.from({ length: 5 }, () => connection()))).map((c) => sqlWriter(c, 25)),
      apiWriter(15),
    ]).finally(() => (writing = false));
    let pulls = 0;
    while (writing) {
      const page = await pull(t.url, token, { cursor, limit: 37 });
      apply(page.rows);
      cursor = page.cursor ?? cursor;
      pulls++;
    }
    await writers;
    const rest = await pullAll(t.url, token, cursor);
    apply(rest.rows);

    const { rows } = await t.db.query<{ key: string; version: string; deleted: boolean }>(
      `SELECT 'customer:' || id AS key, version::text AS version, deleted FROM customers
       UNION ALL SELECT 'interaction:' || id, version::text, deleted FROM interactions`,
    );
    const table = new Map(rows.map((r) => [r.key, { version: r.version, deleted: r.deleted }]));
    expect(pulls, `seed ${seed}`).toBeGreaterThan(3);
    expect(Object.fromEntries(cache), `seed ${seed}`).toEqual(Object.fromEntries(table));
  }, 120_000);
});

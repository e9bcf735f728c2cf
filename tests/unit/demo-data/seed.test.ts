import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, LoginResponse } from '../../../shared/api/auth';
import { API_SYNC, PullFrame } from '../../../shared/api/sync';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { normalizePhone } from '../../../shared/domain/phone';
import { SyncRow, type SyncRow as SyncRowType } from '../../../shared/domain/sync-row';
import { startServer } from '../../../server/app';
import { openDb, type Db } from '../../../server/db/db';
import { migrate } from '../../../server/db/migrate';
import { demoBatches, syncRowsOf } from '../../../server/demo-data/generator';
import { seedDemoCustomers, type SeedMethod } from '../../../server/demo-data/seed-customers';
import { demoCustomerCount, seedDemoCustomersOnStart } from '../../../server/demo-data/seed-on-start';
import { readFeedPage } from '../../../server/sync/feed';

/**
 * Demo data through the real server database (in-memory PGlite) and out through the pull feed the
 * consoles read: what the generator made is what a console receives.
 */

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function freshDb(): Promise<Db> {
  const db = await openDb({ kind: 'pglite', dataDir: 'memory://' }, quiet);
  await migrate(db, quiet);
  return db;
}

async function pullAll(db: Db): Promise<SyncRowType[]> {
  const page = await readFeedPage(db, undefined, 100_000);
  return page.lines.map((line) => SyncRow.parse(JSON.parse(line)));
}

/** A row without what the server assigns (versions) nor what its feed does not carry. */
const comparable = (row: SyncRowType) => ({ ...row, data: { ...row.data, version: '-' } });

const SEED = 'seed-test';
const CUSTOMERS = 240;

describe.each<[string, SeedMethod, boolean]>([
  ['bulk', 'bulk', false],
  ['bulk, generated in a worker thread', 'bulk', true],
  ['import', 'import', false],
])('seeding demo customers (%s)', (_name, method, worker) => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb();
    const progress: number[] = [];
    await seedDemoCustomers(db, { customers: CUSTOMERS, seed: SEED, method, batchSize: 100, worker, onProgress: (p) => progress.push(p.customers) });
    expect(progress.at(-1)).toBe(CUSTOMERS);
    // Starting PGlite takes seconds on a busy machine.
  }, 60_000);
  afterAll(() => db.close());

  it('serves through the pull feed exactly the rows the generator made', async () => {
    const pulled = await pullAll(db);
    const generated = [...demoBatches({ customers: CUSTOMERS, seed: SEED, batchSize: 100 })].flatMap((b) => syncRowsOf(b).map((r) => SyncRow.parse(r)));
    expect(pulled.length).toBe(generated.length);
    const byId = new Map(pulled.map((r) => [`${r.entity}:${r.data.id}`, comparable(r)]));
    for (const row of generated) expect(byId.get(`${row.entity}:${row.data.id}`), `${row.entity} ${row.data.id}`).toEqual(comparable(row));
    // Versions come from the server, one per row.
    expect(new Set(pulled.map((r) => r.data.version)).size).toBe(pulled.length);
  });

  it.skipIf(method === 'import')('versions each customer together with its orders and history, so a pull batch carries whole customers', async () => {
    const owners = (await pullAll(db)).map((r) => (r.entity === 'customer' ? r.data.id : (r.data as { customerId: string }).customerId));
    const runs = owners.filter((owner, i) => owner !== owners[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBe(CUSTOMERS);
  });

  it('stores every phone with the E.164 its own country gives it, and only rows that reference each other', async () => {
    const phones = await db.query<{ raw: string; e164: string; country: string }>(
      `SELECT p.raw, p.e164, c.addresses->0->>'country' AS country FROM customer_phones p JOIN customers c ON c.id = p.customer_id`,
    );
    expect(phones.rows.length).toBeGreaterThan(CUSTOMERS);
    for (const p of phones.rows) expect(p.e164, p.raw).toBe(normalizePhone(p.raw, p.country as 'PH')?.e164);
    const orphans = await db.query<{ n: number }>(`
      SELECT (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id))
           + (SELECT count(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id))
           + (SELECT count(*) FROM interactions i WHERE i.order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = i.order_id))
           + (SELECT count(*) FROM order_items it WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = it.order_id)) AS n`);
    expect(orphans.rows[0]!.n).toBe(0);
  });

  it('adds nothing twice when the same seed runs again, and appends after --start', async () => {
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]!.n;
    await seedDemoCustomers(db, { customers: 50, seed: SEED, method, batchSize: 100 });
    expect(await count()).toBe(CUSTOMERS);
    await seedDemoCustomers(db, { customers: 10, seed: SEED, method, startIndex: CUSTOMERS });
    expect(await count()).toBe(CUSTOMERS + 10);
  });
});

describe('demo customers on a demo server’s first start', () => {
  it('takes its number from KALMA_DEMO_CUSTOMERS, none under test by default, and refuses nonsense', () => {
    expect(demoCustomerCount({})).toBe(20_000);
    expect(demoCustomerCount({ NODE_ENV: 'test' })).toBe(0);
    expect(demoCustomerCount({ NODE_ENV: 'test', KALMA_DEMO_CUSTOMERS: '500' })).toBe(500);
    expect(demoCustomerCount({ KALMA_DEMO_CUSTOMERS: '' })).toBe(20_000);
    expect(() => demoCustomerCount({ KALMA_DEMO_CUSTOMERS: 'lots' })).toThrow(/KALMA_DEMO_CUSTOMERS/);
    expect(() => demoCustomerCount({ KALMA_DEMO_CUSTOMERS: '-3' })).toThrow(/KALMA_DEMO_CUSTOMERS/);
  });

  it('seeds once, says so in the log, and leaves a database with customers alone', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    try {
      const lines: string[] = [];
      const log = { info: (o: object, msg: string) => void lines.push(`${msg} ${JSON.stringify(o)}`) };
      const first = await seedDemoCustomersOnStart(db, log, { KALMA_DEMO_CUSTOMERS: '30' });
      expect(first?.customers).toBe(30);
      expect(lines.at(-1)).toMatch(/demo customers seeded .*"customers":30/);
      expect(await seedDemoCustomersOnStart(db, log, { KALMA_DEMO_CUSTOMERS: '30' })).toBeNull();
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]!.n).toBe(30);
    } finally {
      await db.close();
    }
  });

  it('gives a console that signs in to a fresh demo server customers to pull', { timeout: 60_000 }, async () => {
    const before = process.env.KALMA_DEMO_CUSTOMERS;
    process.env.KALMA_DEMO_CUSTOMERS = '25';
    const server = await startServer({ demo: true, logLevel: 'silent', sip: null }).finally(() => {
      if (before === undefined) delete process.env.KALMA_DEMO_CUSTOMERS;
      else process.env.KALMA_DEMO_CUSTOMERS = before;
    });
    try {
      const agent = DEMO_ACCOUNTS.find((a) => a.role === 'agent')!;
      const login = await fetch(new URL(API.login, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: agent.username, password: agent.password }),
      });
      const { token } = LoginResponse.parse(await login.json());
      const pull = await fetch(new URL(API_SYNC.pull, server.url), { headers: { authorization: `Bearer ${token}` } });
      const frames = (await pull.text()).trim().split('\n').map((line) => PullFrame.parse(JSON.parse(line)));
      const customers = frames.flatMap((f) => (f.type === 'batch' ? f.rows : [])).filter((r) => r.entity === 'customer');
      expect(customers.length).toBe(25);
    } finally {
      await server.close();
    }
  });
});

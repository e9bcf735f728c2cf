import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SYNC, PULL_BATCH_ROWS } from '../../../shared/api/sync';
import { compareVersions } from '../../../shared/domain/row-version';
import { deleteCustomer } from '../../../server/customers/customer-store';
import { importCustomers, type ImportInteraction, type ImportOrder } from '../../../server/customers/import';
import { backends, customer, errorOf, pull, pullAll, request, rowKey, signIn, startTestServer, type TestServer } from './sync-harness';

const CUSTOMERS = 1_200;

describe.each(backends)('pulling the change feed (%s)', (backend) => {
  let t: TestServer;
  let token: string;
  let total: number;

  beforeAll(async () => {
    t = await startTestServer(backend);
    token = (await signIn(t.url, 'agent', 'agent-demo-2026')).token;
    const customers = Array.from({ length: CUSTOMERS }, (_, i) => customer(`c${i}`));
    customers[0] = customer('c0', {
      name: 'João Nuñez Dela Cruz',
      tags: ['vip', 'at-risk'],
      language: 'pt-BR',
      phones: [
        { number: '(11) 91234-5678', label: 'mobile' },
        { number: '+55 11 3123-4567', label: 'work' },
      ],
      addresses: [{ label: 'home', lines: ['Rua Augusta, 1200', 'apto 31'], city: 'São Paulo', region: 'SP', postalCode: '01304-001', country: 'BR' }],
    });
    const orders: ImportOrder[] = Array.from({ length: 300 }, (_, i) => ({
      id: `o${i}`,
      customerId: `c${i}`,
      number: `SO-2025-${String(i).padStart(6, '0')}`,
      status: 'delivered',
      placedAt: '2025-02-03T04:05:06.789Z',
      currency: 'PHP',
      items: [
        { sku: 'CASE-01', name: 'Phone case', category: 'accessories', quantity: 2, unitPriceMinor: 49_900 },
        { sku: 'CBL-02', name: 'USB-C cable', quantity: 1, unitPriceMinor: 19_900 },
      ],
    }));
    const interactions: ImportInteraction[] = Array.from({ length: 500 }, (_, i) => ({
      id: `i${i}`,
      customerId: `c${i % 300}`,
      kind: 'refund_request',
      occurredAt: '2025-02-10T09:00:00.000Z',
      author: { id: 'u-legacy', name: 'Legacy CRM' },
      orderId: `o${i % 300}`,
      text: 'Wants a refund for the cable',
      reason: 'damaged',
      amountMinor: 19_900,
      currency: 'PHP',
    }));
    await importCustomers(t.db, { customers, orders, interactions });
    total = CUSTOMERS + orders.length + interactions.length;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('streams every row once, in batches of at most PULL_BATCH_ROWS, ending with a cursor', async () => {
    const result = await pull(t.url, token);
    // Above 2,000 rows `remaining` is read off the version sequence, which the server's own content
    // (the standard disposition codes) also draws from: an estimate, never below the truth.
    expect(result.remaining).toBeGreaterThanOrEqual(total);
    expect(result.remaining).toBeLessThan(total + 50);
    expect(result.rows).toHaveLength(total);
    expect(new Set(result.rows.map(rowKey)).size).toBe(total);
    const batches = result.frames.filter((f) => f.type === 'batch');
    expect(batches.length).toBe(Math.ceil(total / PULL_BATCH_ROWS));
    for (const batch of batches) expect(batch.rows.length).toBeLessThanOrEqual(PULL_BATCH_ROWS);
    expect(result.more).toBe(false);
    expect(result.cursor).toBe(batches[batches.length - 1]?.cursor);
    // Within one import transaction the feed follows the version order.
    const versions = result.rows.map((r) => r.data.version);
    expect([...versions].sort(compareVersions)).toEqual(versions);
  });

  it('sends rows exactly as the shared schemas describe them', async () => {
    const { rows } = await pull(t.url, token, { limit: 2_000 });
    const joao = rows.find((r) => r.entity === 'customer' && r.data.id === 'c0');
    expect(joao?.data).toEqual({
      id: 'c0',
      name: 'João Nuñez Dela Cruz',
      emails: ['c0@example.com'],
      accountNumbers: ['ACC-c0'],
      language: 'pt-BR',
      tags: ['vip', 'at-risk'],
      phones: [
        { number: '(11) 91234-5678', label: 'mobile' },
        { number: '+55 11 3123-4567', label: 'work' },
      ],
      addresses: [{ label: 'home', lines: ['Rua Augusta, 1200', 'apto 31'], city: 'São Paulo', region: 'SP', postalCode: '01304-001', country: 'BR' }],
      version: expect.stringMatching(/^\d+$/),
      deleted: false,
    });
    const all = (await pullAll(t.url, token)).rows;
    const order = all.find((r) => r.entity === 'order' && r.data.id === 'o7');
    expect(order?.data).toMatchObject({
      customerId: 'c7',
      number: 'SO-2025-000007',
      status: 'delivered',
      placedAt: '2025-02-03T04:05:06.789Z',
      currency: 'PHP',
      totalMinor: 2 * 49_900 + 19_900,
      items: [
        { sku: 'CASE-01', name: 'Phone case', quantity: 2, unitPriceMinor: 49_900 },
        { sku: 'CBL-02', name: 'USB-C cable', quantity: 1, unitPriceMinor: 19_900 },
      ],
    });
    const refund = all.find((r) => r.entity === 'interaction' && r.data.id === 'i301');
    expect(refund?.data).toMatchObject({
      kind: 'refund_request',
      customerId: 'c1',
      orderId: 'o1',
      author: { id: 'u-legacy', name: 'Legacy CRM' },
      occurredAt: '2025-02-10T09:00:00.000Z',
      reason: 'damaged',
      status: 'requested',
      amountMinor: 19_900,
      currency: 'PHP',
    });
  });

  it('resumes from any batch cursor with no gap and no repeat', async () => {
    const full = await pull(t.url, token);
    const batches = full.frames.filter((f) => f.type === 'batch');
    let before = 0;
    for (const [k, batch] of batches.entries()) {
      before += batch.rows.length;
      if (k !== 0 && k !== 1) continue;
      const rest = await pullAll(t.url, token, batch.cursor);
      expect(rest.rows.map(rowKey)).toEqual(full.rows.slice(before).map(rowKey));
      expect(rest.cursor).toBe(full.cursor);
    }
  });

  it('stops at the limit with more: true, and the next pull carries on', async () => {
    const first = await pull(t.url, token, { limit: 1_500 });
    expect(first.rows).toHaveLength(1_500);
    expect(first.frames.filter((f) => f.type === 'batch').map((f) => (f.type === 'batch' ? f.rows.length : 0))).toEqual([1_000, 500]);
    expect(first.more).toBe(true);
    const second = await pull(t.url, token, { cursor: first.cursor, limit: 1_500 });
    expect(second.remaining).toBe(total - 1_500);
    const rest = await pullAll(t.url, token, second.cursor, 1_500);
    const full = await pull(t.url, token);
    expect([...first.rows, ...second.rows, ...rest.rows].map(rowKey)).toEqual(full.rows.map(rowKey));
  });

  it('sends only what changed after the cursor: the new version, and a tombstone for a delete', async () => {
    const caughtUp = await pullAll(t.url, token);
    const idle = await pull(t.url, token, { cursor: caughtUp.cursor });
    expect(idle).toMatchObject({ rows: [], remaining: 0, more: false, cursor: caughtUp.cursor });

    await t.db.query(`UPDATE customers SET name = 'Maria Clara Santos' WHERE id = 'c5'`);
    await deleteCustomer(t.db, 'c6');
    const changes = await pull(t.url, token, { cursor: caughtUp.cursor });
    expect(changes.remaining).toBe(2);
    expect(changes.rows).toEqual([
      { entity: 'customer', data: expect.objectContaining({ id: 'c5', name: 'Maria Clara Santos' }) },
      { entity: 'customer', data: { id: 'c6', version: expect.any(String), deleted: true } },
    ]);
    const before = caughtUp.rows.find((r) => r.data.id === 'c5')!;
    expect(compareVersions(changes.rows[0]!.data.version, before.data.version)).toBe(1);
  });

  it('refuses a cursor it did not hand out, unknown parameters and a bad limit with 400', async () => {
    for (const query of ['cursor=garbage', 'cursor=v1.-1.2', 'cursor=v1.99999999999999999999.1', "cursor=v1.1.1'%3B%20DROP%20TABLE%20customers", 'limit=0', 'limit=abc', 'since=1']) {
      const reply = await request(t.url, 'GET', `${API_SYNC.pull}?${query}`, { token });
      expect(reply.status, query).toBe(400);
      expect(errorOf(reply).code).toBe('INVALID_INPUT');
    }
    expect(errorOf(await request(t.url, 'GET', `${API_SYNC.pull}?cursor=garbage`, { token })).message).toMatch(/cursor/);
  });

  it('answers 401 without a valid session', async () => {
    expect((await request(t.url, 'GET', API_SYNC.pull)).status).toBe(401);
    expect((await request(t.url, 'GET', API_SYNC.pull, { token: 'A'.repeat(43) })).status).toBe(401);
  });

  it('stops reading the feed when the console goes away mid-stream', async () => {
    // More than the socket and stream buffers hold, so the server is still reading when it happens.
    await importCustomers(t.db, { customers: Array.from({ length: 30_000 }, (_, i) => customer(`bulk${i}`)) });
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${t.url}${API_SYNC.pull}?limit=200000`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.once('error', reject);
    });
    await expect.poll(() => t.logs.find((l) => l.includes('"msg":"pull stopped: the console went away"')), { timeout: 10_000 }).toBeDefined();
    const stopped = JSON.parse(t.logs.find((l) => l.includes('pull stopped'))!) as { rows: number };
    expect(stopped.rows).toBeLessThan(total + 30_000);
    // The server carries on serving.
    expect((await pull(t.url, token, { limit: 10 })).rows).toHaveLength(10);
  }, 60_000);
});

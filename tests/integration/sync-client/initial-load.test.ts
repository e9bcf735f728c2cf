import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerHit } from '../../../shared/domain/customer';
import {
  backends,
  cacheFigures,
  FAST_SYNC,
  openHost,
  seedCustomers,
  serverFigures,
  startTestServer,
  waitForStatus,
  type HostUnderTest,
  type TestServer,
} from './harness';

/**
 * The first sign-in on a machine: the whole feed streams into the new cache while the console
 * already answers searches from what has arrived.
 */
describe.each(backends)('initial load (%s)', (backend) => {
  let server: TestServer | undefined;
  let h: HostUnderTest | undefined;
  afterEach(async () => {
    await h?.close();
    await server?.close();
    h = undefined;
    server = undefined;
  });

  it('loads every row the server holds, with the same checksum, and searches stay quick meanwhile', async () => {
    server = await startTestServer(backend, { logLevel: 'warn' });
    const seeded = await seedCustomers(server.db, 2_500);
    const expected = await serverFigures(server.db);
    expect(expected.rows).toBe(seeded);

    // Small pull requests: the load spans several streams, as a big one does.
    h = openHost(server.url, { tuning: { ...FAST_SYNC, pullLimit: 3_000 } });
    const started = performance.now();
    await h.signIn();

    // Search while the load runs: answered from what is already there, never an error.
    const latencies: number[] = [];
    let sawPartial = false;
    const modes = new Set<string | null>();
    for (let i = 0; ; i++) {
      const status = (await h.value<{ initialLoad: { active: boolean; applied: number; percent: number } }>('sync.status')).initialLoad;
      if (!status.active && i > 0) break;
      if (status.active && status.applied > 0) {
        sawPartial = true;
        modes.add(h.host.customerData.current()?.sync.pullMode ?? null);
      }
      const t = performance.now();
      const hits = await h.value<CustomerHit[]>('customers.search', { text: ['ma', 'jo', 'dela', 'nun'][i % 4], limit: 50 });
      latencies.push(performance.now() - t);
      expect(Array.isArray(hits)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const status = await waitForStatus(h, (s) => s.lastSyncedAt !== null && !s.initialLoad.active);
    const seconds = (performance.now() - started) / 1000;

    expect(status).toMatchObject({ online: true, pending: 0, rejected: 0, problem: null, initialLoad: { active: false, percent: 100 } });
    expect(cacheFigures(h.cacheFile())).toEqual(expected);
    // The progress bar moved through real figures, ending below 100 until the feed said it was done.
    const progress = h.statuses.filter((s) => s.initialLoad.active).map((s) => s.initialLoad);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p) => p.percent < 100)).toBe(true);
    expect(Math.max(...progress.map((p) => p.applied))).toBeGreaterThan(seeded / 2);
    expect(sawPartial).toBe(true);
    // The first load ran in the worker thread, off the thread that answered the searches.
    expect([...modes]).toEqual(['worker']);

    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(
      `sync-client[${backend}]: initial load ${seeded} rows in ${seconds.toFixed(1)} s = ${Math.round(seeded / seconds)} rows/s; ` +
        `search during load: ${latencies.length} searches, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms`,
    );

    // Found by name without accents, by the number as typed locally, by account and order number.
    expect((await h.value<CustomerHit[]>('customers.search', { text: 'joao goncalves 21' })).map((x) => x.name)).toContain('João Gonçalves 21');
    expect((await h.value<CustomerHit[]>('customers.search', { text: '0917 100 0004' }))[0]?.id).toBe('t-c4');
    expect((await h.value<CustomerHit[]>('customers.search', { text: 'AC-t-100005' }))[0]?.id).toBe('t-c5');
    expect((await h.value<CustomerHit[]>('customers.search', { text: 'SO-t-6' }))[0]?.id).toBe('t-c6');
  });

  it('a second sign-in pulls only what changed since, from its stored cursor', async () => {
    server = await startTestServer(backend, { logLevel: 'warn' });
    await seedCustomers(server.db, 50);
    h = openHost(server.url);
    await h.signIn();
    await waitForStatus(h, (s) => s.lastSyncedAt !== null);
    await h.value('session.signOut');

    await seedCustomers(server.db, 5, 'later');
    await h.signIn();
    await waitForStatus(h, () => cacheFigures(h!.cacheFile()).rows === 50 * 4 + 5 * 4);
    expect(cacheFigures(h.cacheFile())).toEqual(await serverFigures(server.db));
    // Never a second initial load: the bar stays hidden for a catch-up.
    expect(h.statuses.at(-1)?.initialLoad.active).toBe(false);
  });
});

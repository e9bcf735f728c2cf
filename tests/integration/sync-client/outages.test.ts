import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { RejectedWrite } from '../../../shared/contract/sync';
import type { CustomerHit, PhoneMatch } from '../../../shared/domain/customer';
import type { InteractionView } from '../../../shared/domain/interaction';
import { deleteCustomer } from '../../../server/customers/customer-store';
import { openCache } from '../../../electron/services/cache/customer-cache';
import { pullChanges } from '../../../electron/services/sync/pull-loop';
import { postMutations } from '../../../electron/services/sync/push-client';
import { signIn } from '../server/harness';
import { tempDir } from '../../fixtures/processes';
import {
  AGENT2,
  agent,
  backends,
  cacheFigures,
  FAST_SYNC,
  freshDatabase,
  openHost,
  seedCustomers,
  serverFigures,
  startTestServer,
  waitForStatus,
  type HostUnderTest,
  type TestServer,
} from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type History = { items: InteractionView[] };

/**
 * Synced, and the live link open: a server stopped while the link is still upgrading can leave the
 * upgraded socket open in this process, which no real (stopped) server process would.
 */
async function waitForLive(h: HostUnderTest): Promise<void> {
  await waitForStatus(h, (s) => s.lastSyncedAt !== null && s.online && h.host.customerData.current()?.sync.liveConnected === true);
}

describe.each(backends)('the server going away (%s)', (backend) => {
  /** A server whose data survives a stop, restartable on the same address. */
  async function restartableServer() {
    const dir = tempDir('sync-outage');
    cleanups.push(() => dir.remove());
    const database = await freshDatabase(backend, dir.path);
    cleanups.push(() => database.drop());
    let server: TestServer | null = await startTestServer(backend, { logLevel: 'warn' }, database);
    const port = Number(new URL(server.url).port);
    cleanups.push(() => server?.close());
    return {
      url: server.url,
      db: () => server!.db,
      stop: async () => {
        await server?.close();
        server = null;
      },
      start: async () => {
        server = await startTestServer(backend, { logLevel: 'warn', port }, database);
        return server;
      },
    };
  }

  it('keeps notes while the server is down, shows them pending, and sends them in order when it is back', async () => {
    const server = await restartableServer();
    await seedCustomers(server.db(), 10);
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    await h.signIn();
    await waitForLive(h);

    await server.stop();
    await waitForStatus(h, (s) => !s.online);
    const texts = ['one: nag-reklamo tungkol sa resibo', 'two: quer trocar o carregador', 'three: called back, resolved'];
    for (const text of texts) await h.value('notes.add', { customerId: 't-c3', text });
    const offline = await waitForStatus(h, (s) => s.pending === 3);
    expect(offline).toMatchObject({ online: false, problem: { code: 'UNAVAILABLE' } });
    // Everything still reads from the cache: the notes show, newest first, marked pending.
    const history = await h.value<History>('customers.history', { id: 't-c3' });
    expect(history.items.slice(0, 3).map((i) => [i.text, i.pendingSync])).toEqual(texts.map((t) => [t, true]).reverse());
    expect((await h.value<CustomerHit[]>('customers.search', { text: 'trocar carregador' }))[0]?.id).toBe('t-c3');

    const back = await server.start();
    const synced = await waitForStatus(h, (s) => s.online && s.pending === 0 && s.problem === null);
    expect(synced.rejected).toBe(0);
    // In the order written, each once.
    const { rows } = await back.db.query<{ text: string }>(
      `SELECT text FROM interactions WHERE customer_id = 't-c3' AND kind = 'note' AND text = ANY($1::text[]) ORDER BY version`,
      [texts],
    );
    expect(rows.map((r) => r.text)).toEqual(texts);
    // Pulled back with the server's versions: no longer pending.
    await vi.waitFor(async () => {
      const confirmed = await h.value<History>('customers.history', { id: 't-c3' });
      expect(confirmed.items.filter((i) => texts.includes(i.text)).map((i) => i.pendingSync)).toEqual([false, false, false]);
    });
  }, 180_000);

  it('keeps a note for a customer deleted on the server meanwhile, rejected with the reason, and never resends it', async () => {
    const server = await restartableServer();
    await seedCustomers(server.db(), 5);
    // Nothing retries on its own in this test: the delete must land before the console reconnects.
    const never = { baseMs: 600_000, maxMs: 600_000 };
    const slowRetries = { ...FAST_SYNC, pullBackoff: never, pushBackoff: never, liveBackoff: never, pollMs: 600_000 };
    const h = openHost(server.url, { tuning: slowRetries });
    cleanups.push(() => h.close());
    await h.signIn();
    await waitForLive(h);

    await server.stop();
    await waitForStatus(h, (s) => !s.online);
    await h.value('notes.add', { customerId: 't-c2', text: 'asked about the refund' });
    await h.value('notes.add', { customerId: 't-c1', text: 'still a customer' });
    const back = await server.start();
    // Another agent's console (or the CRM) deleted the customer while this one was cut off.
    expect(await deleteCustomer(back.db, 't-c2')).toBe(true);
    await h.value('sync.retry');

    const status = await waitForStatus(h, (s) => s.rejected === 1 && s.pending === 0);
    expect(status.online).toBe(true);
    const rejected = await h.value<RejectedWrite[]>('sync.rejected');
    expect(rejected).toEqual([
      expect.objectContaining({ customerId: 't-c2', text: 'asked about the refund', reason: expect.stringMatching(/deleted/) }),
    ]);
    const onServer = await back.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE text = ANY($1::text[])`, [
      ['asked about the refund', 'still a customer'],
    ]);
    expect(onServer.rows[0]?.n).toBe(1);
    // More writes later do not bring the refused one back.
    await h.value('notes.add', { customerId: 't-c1', text: 'another one' });
    await waitForStatus(h, (s) => s.pending === 0);
    const applied = await back.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applied_mutations WHERE id = $1`, [rejected[0]!.id]);
    expect(applied.rows[0]?.n).toBe(1);
    expect(await h.value<RejectedWrite[]>('sync.rejected')).toHaveLength(1);
  }, 180_000);
});

describe.each(backends)('two consoles and bad input (%s)', (backend) => {
  it("shows another agent's note within a second, through the live poke", async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 5);
    const first = openHost(server.url);
    const second = openHost(server.url);
    cleanups.push(() => first.close(), () => second.close());
    await first.signIn();
    await second.signIn(AGENT2);
    await waitForLive(first);
    await waitForLive(second);

    const changed: { customerIds: string[] }[] = [];
    second.host.events.subscribe((name, payload) => name === 'customers.changed' && changed.push(payload as { customerIds: string[] }));
    const started = Date.now();
    await first.value('notes.add', { customerId: 't-c4', text: 'live from the first console' });
    await vi.waitFor(
      async () => {
        const history = await second.value<History>('customers.history', { id: 't-c4' });
        expect(history.items[0]).toMatchObject({ text: 'live from the first console', pendingSync: false, author: { name: 'Maria Santos' } });
      },
      { timeout: 5_000, interval: 10 },
    );
    const seenAfter = Date.now() - started;
    expect(seenAfter).toBeLessThan(1_000);
    // The second console was told which customer changed, so an open card refreshes itself.
    await vi.waitFor(() => expect(changed.some((c) => c.customerIds.includes('t-c4'))).toBe(true));
  }, 120_000);

  it('takes duplicate and out-of-order pushes and a replayed pull without a second copy of anything', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 5);
    const { token, user } = await signIn(server.url, agent.username, agent.password);
    const note = (text: string) => ({
      id: randomUUID(),
      kind: 'interaction.create',
      payload: { id: randomUUID(), kind: 'note', customerId: 't-c1', occurredAt: new Date().toISOString(), author: { id: user.id, name: user.displayName }, text, version: 0 },
    });
    const [a, b, c] = [note('dup a'), note('dup b'), note('dup c')];
    expect((await postMutations(server.url, token, [a, b])).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await postMutations(server.url, token, [b, a])).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await postMutations(server.url, token, [c, a, c])).map((r) => r.status)).toEqual(['applied', 'duplicate', 'duplicate']);
    const { rows } = await server.db.query<{ text: string; n: number }>(
      `SELECT text, count(*)::int AS n FROM interactions WHERE text LIKE 'dup %' GROUP BY text ORDER BY text`,
    );
    expect(rows).toEqual([{ text: 'dup a', n: 1 }, { text: 'dup b', n: 1 }, { text: 'dup c', n: 1 }]);

    // The whole feed applied twice over (a cursor lost, batches replayed): the cache ends the same.
    const dir = tempDir('sync-replay');
    cleanups.push(() => dir.remove());
    const file = `${dir.path}/cache.sqlite`;
    const cache = openCache(file, { region: 'PH' });
    cleanups.push(() => cache.close());
    await pullChanges(cache, { serverUrl: server.url, token, limit: 7 });
    const once = cacheFigures(file);
    expect(once).toEqual(await serverFigures(server.db));
    const replay = { cursor: () => null, applyBatch: (rows: readonly unknown[], cursor: string) => cache.applyBatch(rows, cursor), markCaughtUp: () => cache.markCaughtUp() };
    await pullChanges(replay, { serverUrl: server.url, token });
    expect(cacheFigures(file)).toEqual(once);
  }, 120_000);

  it('answers SQL-like and search-syntax text with results or nothing, never an error', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 20);
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    await h.signIn();
    await waitForStatus(h, (s) => s.lastSyncedAt !== null);

    const nasty = [`'; DROP TABLE customers; --`, '"', '""', '*', 'ma*', 'NEAR(', 'NEAR(maria santos', 'maria OR 1=1', '-', '^', ':', 'name:maria',
      '(', ')', 'AND', 'NOT', '%', '_', '\\', '\u0000', '🙂', '   ', '0917', '+', '+63', '09171234567890123456789', "o'brien", '{}'];
    for (const text of nasty) {
      const result = await h.call('customers.search', { text });
      expect(result.ok, `search ${JSON.stringify(text)}`).toBe(true);
      const lookup = await h.call('customers.lookupPhone', { number: text });
      expect(lookup.ok, `lookup ${JSON.stringify(text)}`).toBe(true);
    }
    expect((await h.value<CustomerHit[]>('customers.search', { text: `maria'; DROP TABLE customers; --` })).length).toBeGreaterThanOrEqual(0);
    expect((await h.value<CustomerHit[]>('customers.search', { text: 'maria' })).length).toBeGreaterThan(0);
    expect((await h.value<PhoneMatch[]>('customers.lookupPhone', { number: '+63 917 100 0004' }))[0]?.customer.id).toBe('t-c4');
    // Input the contract refuses is refused clearly, not crashed on.
    expect(await h.call('customers.search', { text: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('customers.search', { text: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('notes.add', { customerId: 't-c1', text: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.call('customers.get', { id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);

  it('refuses every customer call without a session', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    for (const [name, input] of [
      ['customers.search', { text: 'maria' }],
      ['customers.get', { id: 't-c1' }],
      ['notes.add', { customerId: 't-c1', text: 'hello' }],
      ['sync.status', {}],
    ] as const) {
      expect(await h.call(name, input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    await h.signIn();
    await h.value('session.signOut');
    expect(await h.call('customers.search', { text: 'maria' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }, 60_000);
});


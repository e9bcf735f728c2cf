import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { InteractionView } from '../../../shared/domain/interaction';
import { startServer } from '../../../server/app';
import Database from 'better-sqlite3';
import { cacheFileFor } from '../../../electron/services/sync/customer-data-service';
import { freePort } from '../../fixtures/ports';
import { tempDir, type ReadyProcess } from '../../fixtures/processes';
import {
  backends,
  cacheFigures,
  FAST_SYNC,
  freshDatabase,
  openHost,
  seedCustomers,
  serverFigures,
  startTestServer,
  waitForStatus,
  type TestServer,
} from './harness';
import { kill, openBridge, startHostProcess, startServerProcess, type BridgeClient, type HostProcess } from './host-process';

const cleanups: (() => Promise<void> | void)[] = [];
const t0 = Date.now();
const step = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s ${what}`);
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function pendingIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM outbox WHERE rejected_reason IS NULL').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe.each(backends)('crashes (%s)', (backend) => {
  it('the server killed in the middle of an initial load: the client resumes from its cursor, and ends equal to the server', async () => {
    const dir = tempDir('sync-crash-server');
    cleanups.push(() => dir.remove());
    const database = await freshDatabase(backend, dir.path);
    cleanups.push(() => database.drop());

    // Seed through the server's own import, then run the server as a process on the same data.
    const seeding = await startServer({ ...database.options, demo: true, logLevel: 'warn' });
    step('seeding');
    const total = await seedCustomers(seeding.app.db, 2_500);
    step('seeded');
    await seeding.close();

    const port = await freePort();
    const serverUrl = `http://127.0.0.1:${port}`;
    let server: ReadyProcess = await startServerProcess({ port, dataDir: dir.path, databaseUrl: database.options.databaseUrl });
    cleanups.push(() => server.stop());

    const h = openHost(serverUrl, { tuning: { ...FAST_SYNC, pullLimit: 1_000 } });
    cleanups.push(() => h.close());
    const killedAt = new Promise<SyncStatus>((resolve) => {
      h.host.events.subscribe((name, payload) => {
        const status = payload as SyncStatus;
        if (name === 'sync.status' && status.initialLoad.applied >= 2_000) resolve(status);
      });
    });
    await h.signIn();
    step('signed in');
    await killedAt;
    step('killing');
    await kill(server);

    const cut = cacheFigures(h.cacheFile());
    expect(cut.rows).toBeGreaterThan(0);
    expect(cut.rows).toBeLessThan(total);
    const offline = await waitForStatus(h, (s) => !s.online);
    expect(offline.initialLoad.active).toBe(true);
    expect(offline.problem?.code).toBe('UNAVAILABLE');
    // What was committed stays searchable while the server is gone.
    expect(h.host.customerData.current()?.cache.cursor()).not.toBeNull();

    server = await startServerProcess({ port, dataDir: dir.path, databaseUrl: database.options.databaseUrl });
    const done = await waitForStatus(h, (s) => s.lastSyncedAt !== null, 60_000);
    expect(done).toMatchObject({ online: true, initialLoad: { active: false } });

    // The first pull after the restart asked from the stored cursor, not from the beginning.
    const pulls = server.lines.filter((l) => l.includes('/api/v1/sync/pull'));
    expect(pulls.length).toBeGreaterThan(0);
    expect(pulls[0]).toContain('cursor=');

    // The server's own figures, read once it has stopped (a PGlite folder has one owner at a time).
    await server.stop();
    const after = await startServer({ ...database.options, logLevel: 'warn' });
    const expected = await serverFigures(after.app.db);
    await after.close();
    expect(cacheFigures(h.cacheFile())).toEqual(expected);
    expect(cacheFigures(h.cacheFile()).rows).toBe(total);
  }, 120_000);

  it('the host killed while pushing: after a restart every note written before the kill reaches the server exactly once', async () => {
    const server: TestServer = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 20);
    const dataDir = tempDir('sync-crash-host');
    cleanups.push(() => dataDir.remove());

    let host: HostProcess = await startHostProcess(server.url, dataDir.path);
    cleanups.push(() => host.process.stop());
    step('host up');
    let bridge: BridgeClient = await openBridge(host);
    step('bridge open');
    await bridge.value('session.signIn', { username: 'agent', password: 'agent-demo-2026' });
    await vi.waitFor(async () => expect((await bridge.value<SyncStatus>('sync.status')).lastSyncedAt).not.toBeNull(), { timeout: 30_000 });

    step('synced');
    // The agent types note after note; the pusher sends them as they come. The kill lands while
    // some are acknowledged, some are on the wire and some are still queued.
    const confirmed: string[] = [];
    for (let i = 0; i < 40; i++) {
      const text = `crash note ${i} ${'·'.repeat(i % 5)}`;
      const written = await bridge.call<InteractionView>('notes.add', { customerId: `t-c${i % 20}`, text });
      if (written.ok) confirmed.push(written.value.text);
    }
    await kill(host.process);
    bridge.close();
    expect(confirmed).toHaveLength(40);
    const user = (await server.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'agent'`)).rows[0]!;
    const onServer = (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE text LIKE 'crash note %'`)).rows[0]!.n;
    step(`killed: ${onServer} notes on the server, ${pendingIn(cacheFileFor(dataDir.path, user.id))} still in the outbox`);

    host = await startHostProcess(server.url, dataDir.path);
    bridge = await openBridge(host);
    await bridge.value('session.signIn', { username: 'agent', password: 'agent-demo-2026' });
    await vi.waitFor(async () => expect((await bridge.value<SyncStatus>('sync.status')).pending).toBe(0), { timeout: 30_000 });
    bridge.close();

    const { rows } = await server.db.query<{ text: string; n: number }>(
      `SELECT text, count(*)::int AS n FROM interactions WHERE text LIKE 'crash note %' GROUP BY text`,
    );
    const counts = new Map(rows.map((r) => [r.text, r.n]));
    for (const text of confirmed) expect(counts.get(text), text).toBe(1);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 120_000);
});


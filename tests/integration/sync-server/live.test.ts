import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_SYNC } from '../../../shared/api/sync';
import { importCustomers } from '../../../server/customers/import';
import {
  backends,
  connectLive,
  customer,
  freshDatabase,
  noteMutation,
  pushOk,
  signIn,
  startTestServer,
  type Database,
  type TestServer,
} from './sync-harness';

async function refusedUpgrade(baseUrl: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${API_SYNC.live}`, { headers });
  return new Promise<number>((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('error', () => {});
  });
}

describe.each(backends)('live pokes (%s)', (backend) => {
  let t: TestServer;
  let token: string;

  beforeAll(async () => {
    t = await startTestServer(backend, { live: { heartbeatMs: 300 } });
    token = (await signIn(t.url, 'agent', 'agent-demo-2026')).token;
    await importCustomers(t.db, { customers: [customer('c1')] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('says hello, then pokes within a second of another agent’s commit', async () => {
    const watcher = await connectLive(t.url, token);
    try {
      await expect.poll(() => watcher.messages[0]?.message.type).toBe('hello');
      const supervisor = (await signIn(t.url, 'supervisor', 'supervisor-demo-2026')).token;
      const before = performance.now();
      await pushOk(t.url, supervisor, [noteMutation('c1', 'Refund approved')]);
      const committed = performance.now();
      const poked = await watcher.nextChange(before);
      expect(poked - committed).toBeLessThan(1_000);
    } finally {
      watcher.close();
    }
  });

  it('pokes for writes that bypass the API too (imports, SQL)', async () => {
    const watcher = await connectLive(t.url, token);
    try {
      const before = performance.now();
      await t.db.query(`UPDATE customers SET name = 'Renamed in the CRM' WHERE id = 'c1'`);
      await watcher.nextChange(before, 1_000);
    } finally {
      watcher.close();
    }
  });

  it('coalesces a burst of commits into a few pokes, the last one after the last commit', async () => {
    const watcher = await connectLive(t.url, token);
    try {
      const before = performance.now();
      for (let i = 0; i < 60; i++) await t.db.query(`UPDATE customers SET tags = ARRAY['n${i}'] WHERE id = 'c1'`);
      const lastCommit = performance.now();
      await watcher.nextChange(lastCommit, 1_000);
      const pokes = watcher.messages.filter((m) => m.message.type === 'changed' && m.at >= before);
      expect(pokes.length).toBeLessThan(60);
      expect(pokes.length).toBeGreaterThan(0);
    } finally {
      watcher.close();
    }
  });

  it('refuses the upgrade without a valid session', async () => {
    expect(await refusedUpgrade(t.url, {})).toBe(401);
    expect(await refusedUpgrade(t.url, { authorization: `Bearer ${'A'.repeat(43)}` })).toBe(401);
  });

  it('closes a socket whose console stopped answering pings', async () => {
    const silent = await connectLive(t.url, token, { autoPong: false });
    const closed = await new Promise<number>((resolve) => silent.socket.once('close', (code) => resolve(code)));
    expect(closed).toBe(1006);
  });
});

describe.runIf(backends.includes('postgres'))('live pokes across server instances (postgres)', () => {
  let database: Database;
  let one: TestServer;
  let two: TestServer;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    one = await startTestServer('postgres', {}, database);
    two = await startTestServer('postgres', {}, database);
    await importCustomers(one.db, { customers: [customer('c1')] });
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('pokes a console on instance two within a second of a commit on instance one', async () => {
    const watcher = await connectLive(two.url, (await signIn(two.url, 'supervisor', 'supervisor-demo-2026')).token);
    try {
      const agent = (await signIn(one.url, 'agent', 'agent-demo-2026')).token;
      const before = performance.now();
      await pushOk(one.url, agent, [noteMutation('c1', 'Seen from Manila')]);
      const committed = performance.now();
      expect((await watcher.nextChange(before)) - committed).toBeLessThan(1_000);
    } finally {
      watcher.close();
    }
  });
});

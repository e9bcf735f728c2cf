import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { vi } from 'vitest';
import type { CallName, Result } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/contract/sync';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import type { CallRecord } from '../../../shared/phone/call-record';
import { importCustomers } from '../../../server/customers/import';
import type { Db } from '../../../server/db/db';
import { createConsoleHost, type ConsoleHost } from '../../../electron/services/console-host';
import { createHostLog } from '../../../electron/services/host-log';
import { cacheFileFor } from '../../../electron/services/sync/customer-data-service';
import type { SyncTuning } from '../../../electron/services/sync/sync-client';
import { tempDir } from '../../fixtures/processes';
import { namedStep } from '../../fixtures/slow-step';
import { syntheticCustomers } from './synthetic-customers';

export { syntheticCustomers };

export { backends, freshDatabase, startTestServer, type BackendName, type TestServer } from '../server/harness';

/**
 * Sync-client suites: real servers (in-process or as processes), real console hosts with real
 * cache files, and the figures to compare the two ends with.
 */

export const agent = DEMO_ACCOUNTS.find((a) => a.role === 'agent')!;
/** The second demo agent: a second console on the same floor. */
export const AGENT2 = DEMO_ACCOUNTS.find((a) => a.username === 'agent2')!;

/** Fast retries: a test waits on behaviour, and behaviour here is mostly "try again soon". */
export const FAST_SYNC: SyncTuning = {
  pullBackoff: { baseMs: 50, maxMs: 400 },
  pushBackoff: { baseMs: 50, maxMs: 400 },
  liveBackoff: { baseMs: 50, maxMs: 400 },
  heartbeatMs: 2_000,
  idleTimeoutMs: 5_000,
  pushTimeoutMs: 5_000,
  // Loads of a few thousand rows commit (and report progress) several times, as a big one does.
  loadGroup: { rows: 2_000, ms: 500 },
};

export async function seedCustomers(db: Db, n: number, prefix = 't'): Promise<number> {
  const counts = await importCustomers(db, syntheticCustomers(n, prefix), { chunkSize: 1_000 });
  return counts.customers + counts.orders + counts.interactions;
}

/** The live rows a cache should hold, as `kind:id:version`, checksummed; the same on both ends. */
export async function serverFigures(db: Db): Promise<{ rows: number; checksum: string }> {
  const { rows } = await db.query<{ k: string }>(`
    SELECT 'c:' || id || ':' || version AS k FROM customers WHERE NOT deleted
    UNION ALL SELECT 'o:' || id || ':' || version FROM orders WHERE NOT deleted
    UNION ALL SELECT 'i:' || id || ':' || version FROM interactions WHERE NOT deleted
    ORDER BY 1`);
  return figures(rows.map((r) => r.k));
}

export function cacheFigures(file: string): { rows: number; checksum: string } {
  const db = new Database(file, { readonly: true });
  try {
    const keys = db
      .prepare(`
        SELECT 'c:' || id || ':' || version AS k FROM customers
        UNION ALL SELECT 'o:' || id || ':' || version FROM orders
        UNION ALL SELECT 'i:' || id || ':' || version FROM interactions
        ORDER BY 1`)
      .pluck()
      .all() as string[];
    return figures(keys);
  } finally {
    db.close();
  }
}

function figures(keys: string[]): { rows: number; checksum: string } {
  const hash = createHash('sha256');
  for (const key of keys.sort()) hash.update(`${key}\n`);
  return { rows: keys.length, checksum: hash.digest('hex') };
}

export interface HostUnderTest {
  host: ConsoleHost;
  dataDir: string;
  statuses: SyncStatus[];
  call(name: CallName, input?: unknown): Promise<Result<unknown>>;
  /** Calls and fails the test on a failure result. */
  value<T = unknown>(name: CallName, input?: unknown): Promise<T>;
  signIn(account?: { username: string; password: string }): Promise<{ id: string }>;
  cacheFile(): string;
  close(): Promise<void>;
}

/** A console host in this process, as the web host runs it, with its own data folder. */
export function openHost(serverUrl: string, opts: { dataDir?: string; tuning?: SyncTuning } = {}): HostUnderTest {
  const dir = opts.dataDir ? { path: opts.dataDir, remove: () => {} } : tempDir('sync-host');
  const host = createConsoleHost({ dataDir: dir.path, serverUrl, hostKind: 'web', version: 'test', syncTuning: opts.tuning ?? FAST_SYNC, ...(process.env.DEBUG_SYNC ? { log: createHostLog({ level: 'debug' }) } : {}) });
  const statuses: SyncStatus[] = [];
  host.events.subscribe((name, payload) => {
    if (name === 'sync.status') statuses.push(payload as SyncStatus);
  });
  let userId = '';
  const call = (name: CallName, input: unknown = {}) => host.registry.dispatch(name, input, { origin: 'test' });
  const under: HostUnderTest = {
    host,
    dataDir: dir.path,
    statuses,
    call,
    async value<T>(name: CallName, input: unknown = {}) {
      const result = await call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    async signIn(account = agent) {
      const user = await under.value<{ id: string }>('session.signIn', { username: account.username, password: account.password });
      userId = user.id;
      return user;
    },
    cacheFile: () => cacheFileFor(dir.path, userId),
    close: async () => {
      await namedStep(`console host (${dir.path}) close`, () => host.close());
      dir.remove();
    },
  };
  return under;
}

/** Waits (polling the host, never sleeping blind) until its sync status passes the check. */
export async function waitForStatus(h: HostUnderTest, check: (s: SyncStatus) => boolean, timeout = 30_000): Promise<SyncStatus> {
  let last: SyncStatus | undefined;
  await vi.waitFor(
    async () => {
      last = await h.value<SyncStatus>('sync.status');
      if (!check(last)) throw new Error(`sync status never passed ${check.toString().slice(0, 200)}; last: ${JSON.stringify(last)}`);
    },
    { timeout, interval: 25 },
  );
  return last!;
}

/** A call answered on line 1 that ended `endedSecondsAgo` ago after two minutes of talk; `fields` change the rest. */
export function answeredCall(fields: Partial<CallRecord> = {}, endedSecondsAgo = 0): CallRecord {
  const ended = Date.now() - endedSecondsAgo * 1000;
  const at = (secondsBeforeEnd: number) => new Date(ended - secondsBeforeEnd * 1000).toISOString();
  return {
    id: 'sip-call-1',
    direction: 'inbound',
    number: '+639171234567',
    remoteUri: 'sip:+639171234567@pbx.example',
    customerId: null,
    line: 1,
    startedAt: at(125),
    answeredAt: at(120),
    endedAt: at(0),
    endCause: 'hangup-remote',
    transfers: [],
    ...fields,
  };
}

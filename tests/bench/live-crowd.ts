/**
 * The other consoles on the floor, for the live benchmark: N sync clients (each with its own small
 * cache, positioned at the head of the feed) connected for live pokes. Every commit makes each of
 * them pull the change, as on a real floor. Runs as a child process of run.ts, driven over IPC.
 */
import { join } from 'node:path';
import { openCache, type CustomerCache } from '../../electron/services/cache/customer-cache';
import { createHostLog } from '../../electron/services/host-log';
import { SyncClient } from '../../electron/services/sync/sync-client';
import { memoryOf, serveBenchCommands } from './child';

const log = createHostLog({ name: 'bench-crowd', level: 'warn', destination: process.stderr });
const members: { cache: CustomerCache; client: SyncClient }[] = [];

async function start(args: { serverUrl: string; token: string; cursor: string; clients: number; dir: string; region: string }) {
  for (let i = 0; i < args.clients; i++) {
    const file = join(args.dir, `crowd-${i}.sqlite`);
    const cache = openCache(file, { region: args.region });
    // Caught up already: these consoles only follow what happens from now on.
    cache.applyBatch([], args.cursor);
    const client = new SyncClient({
      cache,
      cacheFile: file,
      region: args.region,
      serverUrl: args.serverUrl,
      session: { withToken: (request) => request(args.token) },
      log,
      onStatus: () => {},
      onCustomersChanged: () => {},
      tuning: { worker: false },
    });
    client.start();
    members.push({ cache, client });
  }
  const deadline = Date.now() + 60_000;
  while (members.some((m) => !m.client.status().online) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  return { online: members.filter((m) => m.client.status().online).length };
}

/** Rows each member received, waiting up to 60 s for the last pulls: each should have every note. */
async function received(args: { expect: number }) {
  const deadline = Date.now() + 60_000;
  while (members.some((m) => m.cache.rowCount() < args.expect) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  return members.map((m) => m.cache.rowCount());
}

async function stop() {
  await Promise.all(members.map((m) => m.client.close()));
  for (const m of members) m.cache.close();
  members.length = 0;
  return memoryOf(process.pid);
}

serveBenchCommands({ start, received, stop });

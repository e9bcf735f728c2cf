/**
 * The agent's machine, for the benchmark: one customer cache fed by the real sync client
 * (electron/services/sync, pulling in its worker thread), measured from inside the process that
 * owns it — initial load, caller-ID lookups, search-as-you-type, live propagation, memory.
 * Runs as a child process of run.ts, driven over IPC.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { API_SYNC, PushResponse } from '../../shared/api/sync';
import { openCache, type CustomerCache } from '../../electron/services/cache/customer-cache';
import { createHostLog } from '../../electron/services/host-log';
import { SyncClient } from '../../electron/services/sync/sync-client';
import { cpuSecondsOf, memoryOf, serveBenchCommands } from './child';
import { summarize, type LookupSample, type SearchSample, type Timings } from './samples';

const log = createHostLog({ name: 'bench-host', level: 'warn', destination: process.stderr });
let cache: CustomerCache | null = null;
let client: SyncClient | null = null;
let file = '';

const session = (token: string) => ({ withToken: <T>(request: (t: string) => Promise<T>) => request(token) });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function openCacheFile(cacheFile: string, region: string): CustomerCache {
  file = cacheFile;
  cache = openCache(cacheFile, { region });
  return cache;
}

function countRows(): { customers: number; orders: number; interactions: number } {
  const db = new Database(file, { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { customers: n('customers'), orders: n('orders'), interactions: n('interactions') };
  } finally {
    db.close();
  }
}

/** Initial load: from a new cache to caught up with the server, end to end. */
async function sync(args: { serverUrl: string; token: string; cacheFile: string; region: string }) {
  const open = openCacheFile(args.cacheFile, args.region);
  const started = performance.now();
  const cpuBefore = cpuSecondsOf(process.pid);
  const modes = new Set<string>();
  client = new SyncClient({
    cache: open,
    cacheFile: args.cacheFile,
    region: args.region,
    serverUrl: args.serverUrl,
    session: session(args.token),
    log,
    // The mode of the pulls that did the load (the last, caught-up pull may run on the main thread).
    onStatus: () => {
      if (client?.pullMode) modes.add(client.pullMode);
    },
    onCustomersChanged: () => {},
  });
  client.start();
  await client.settled();
  const ms = performance.now() - started;
  const cpuSeconds = cpuSecondsOf(process.pid) - cpuBefore;
  const counts = countRows();
  return { ms, cpuSeconds, counts, rows: counts.customers + counts.orders + counts.interactions, cursor: open.cursor(), mode: [...modes].join('+') || String(client.pullMode) };
}

function timeEach<T>(samples: readonly T[], run: (sample: T) => number, warmUp: (sample: T) => unknown): { all: number[]; hits: number } {
  // Warm the statement caches and the page cache the way a running console already has.
  for (const sample of samples.slice(0, Math.min(500, samples.length))) warmUp(sample);
  const all: number[] = [];
  let hits = 0;
  for (const sample of samples) {
    const t0 = performance.now();
    const found = run(sample);
    all.push(performance.now() - t0);
    if (found > 0) hits += 1;
  }
  return { all, hits };
}

function lookup(args: { samples: LookupSample[] }) {
  const open = cache!;
  let right = 0;
  const { all, hits } = timeEach(args.samples, (s) => {
    const matches = open.lookupByPhone(s.number);
    if (s.customerId !== null && matches.some((m) => m.customer.id === s.customerId)) right += 1;
    return matches.length;
  }, (s) => open.lookupByPhone(s.number));
  const known = args.samples.filter((s) => s.customerId !== null).length;
  return { ...summarize(all), found: hits, rightCustomer: right / Math.max(1, known) };
}

function search(args: { samples: SearchSample[] }) {
  const open = cache!;
  const byKind = new Map<string, number[]>();
  const { all, hits } = timeEach(args.samples, (s) => {
    const t0 = performance.now();
    const n = open.search(s.text).length;
    const list = byKind.get(s.kind) ?? [];
    list.push(performance.now() - t0);
    byKind.set(s.kind, list);
    return n;
  }, (s) => open.search(s.text));
  const kinds: Record<string, Timings> = {};
  for (const [kind, values] of byKind) kinds[kind] = summarize(values);
  return { ...summarize(all), found: hits, kinds };
}

/**
 * Another agent writes a note (a push to the server, which commits it); this cache, kept current
 * by its live link, must show it. Times from the push being sent to the note being readable here.
 */
async function live(args: { serverUrl: string; posterToken: string; customerIds: string[]; samples: number; budgetMs: number; timeoutMs: number }) {
  const open = cache!;
  const fromSend: number[] = [];
  const fromCommit: number[] = [];
  let missed = 0;
  const stopAt = performance.now() + args.budgetMs;
  for (let i = 0; i < args.samples && performance.now() < stopAt; i++) {
    const customerId = args.customerIds[i % args.customerIds.length]!;
    const note = { id: randomUUID(), kind: 'note', customerId, occurredAt: new Date().toISOString(), text: `Bench live note ${i}`, version: 0 };
    const body = JSON.stringify({ mutations: [{ id: randomUUID(), kind: 'interaction.create', payload: note }] });
    const t0 = performance.now();
    const response = await fetch(new URL(API_SYNC.push, args.serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${args.posterToken}`, 'content-type': 'application/json' },
      body,
    });
    const result = PushResponse.parse(await response.json()).results[0];
    if (result?.status !== 'applied') throw new Error(`push not applied: ${JSON.stringify(result)}`);
    const committed = performance.now();
    const deadline = t0 + args.timeoutMs;
    let seen = false;
    while (!seen && performance.now() < deadline) {
      seen = open.history(customerId, 5).some((h) => h.id === note.id);
      if (!seen) await sleep(1);
    }
    const visible = performance.now();
    // A note that never showed counts as the whole timeout: a miss must not flatter the p99.
    if (!seen) missed += 1;
    fromSend.push(visible - t0);
    fromCommit.push(visible - committed);
    // Agents do not all write in the same millisecond; neither does the benchmark.
    await sleep(40 + Math.floor(Math.random() * 80));
  }
  return { fromSend: summarize(fromSend), fromCommit: summarize(fromCommit), missed };
}

function stats() {
  // The file as it rests: what the write-ahead log holds goes into the database file first.
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return { ...memoryOf(process.pid), cacheBytes: size(file) + size(`${file}-wal`), counts: countRows() };
}

async function close() {
  await client?.close();
  cache?.close();
  client = null;
  cache = null;
  return true;
}

serveBenchCommands({ sync, lookup, search, live, stats, close });

/**
 * `npm run bench -- --customers N` (default 1,000,000): the customer-data benchmark. Every figure
 * comes from this one run and is printed as `bench: <name> <value> <unit>` on stdout; progress
 * goes to stderr. See tests/bench/README.md for what each figure measures.
 *
 * Options: --seed S, --region PH, --lookups N, --searches N, --live N (samples) and --live-budget-s S
 * (stop sampling after S seconds, default 300), --crowd N (other
 * live clients, default 99), --postgres (also measure on a throwaway PostgreSQL cluster when
 * DATABASE_URL is not set), --dir D and --keep (keep the files).
 */
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { API, LoginResponse } from '../../shared/api/auth';
import { DEMO_ACCOUNTS } from '../../shared/domain/demo-accounts';
import { openDb } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { DEFAULT_DEMO_SEED, demoCustomer } from '../../server/demo-data/generator';
import { seedDemoCustomers } from '../../server/demo-data/seed-customers';
import { startTsProcess, tempDir, type ReadyProcess } from '../fixtures/processes';
import { cpuSecondsOf, memoryOf, startBenchChild, type BenchChild } from './child';
import { benchDatabase, type BenchDatabase } from './postgres-target';
import { lookupSamples, searchSamples } from './samples';
import { measureWallboardState, printWallboardFigures } from './wallboard-state';

const Args = z.object({
  customers: z.coerce.number().int().min(100).max(10_000_000).default(1_000_000),
  seed: z.string().min(1).default(DEFAULT_DEMO_SEED),
  region: z.string().length(2).default('PH'),
  lookups: z.coerce.number().int().min(100).default(20_000),
  searches: z.coerce.number().int().min(100).default(6_000),
  live: z.coerce.number().int().min(10).default(200),
  'live-budget-s': z.coerce.number().int().min(10).default(300),
  crowd: z.coerce.number().int().min(0).max(1_000).default(99),
  postgres: z.boolean().default(false),
  keep: z.boolean().default(false),
  dir: z.string().optional(),
});
type Args = z.infer<typeof Args>;

function parseCommandLine(): Args {
  const text = { type: 'string' } as const;
  const flag = { type: 'boolean' } as const;
  const { values } = parseArgs({
    options: { customers: text, seed: text, region: text, lookups: text, searches: text, live: text, 'live-budget-s': text, crowd: text, postgres: flag, keep: flag, dir: text },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(2);
  }
  return parsed.data;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));
/** One figure, the line format the issue asks for. */
function figure(name: string, value: number, unit: string): void {
  const shown = Math.abs(value) >= 100 ? Math.round(value) : Math.abs(value) >= 1 ? round(value, 2) : round(value, 4);
  console.log(`bench: ${name} ${shown} ${unit}`);
}
const note = (text: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function seedServer(target: BenchDatabase, args: Args): Promise<number> {
  const db = await openDb(target.database, { error: (o, m) => note(m) });
  try {
    await migrate(db, { info: () => {}, warn: (o, m) => note(m) });
    let last = 0;
    const outcome = await seedDemoCustomers(db, {
      customers: args.customers,
      seed: args.seed,
      batchSize: 5_000,
      onProgress: (p) => {
        if (p.elapsedMs - last < 10_000 && p.customers < p.total) return;
        last = p.elapsedMs;
        note(`seeding ${target.label}: ${p.customers}/${p.total} customers, ${p.rows} rows, ${Math.round((p.rows / p.elapsedMs) * 1000)} rows/s`);
      },
    });
    figure(`seed.${target.name}.rows_per_s`, (outcome.rows / outcome.elapsedMs) * 1000, 'rows/s');
    return outcome.rows;
  } finally {
    await db.close();
  }
}

async function startServer(target: BenchDatabase, dataDir: string): Promise<ReadyProcess> {
  return startTsProcess(
    'server/main.ts',
    { PORT: '0', KALMA_DATA_DIR: dataDir, DATABASE_URL: target.database.kind === 'postgres' ? target.database.url : '', KALMA_DEMO: '1', KALMA_DEMO_CUSTOMERS: '0', LOG_LEVEL: 'info' },
    { name: `server on ${target.label}`, timeoutMs: 600_000 },
  );
}

async function signIn(serverUrl: string, username: string): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  const response = await fetch(new URL(API.login, serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username}: HTTP ${response.status} ${await response.text()}`);
  return LoginResponse.parse(await response.json()).token;
}

interface SyncResult {
  ms: number;
  /** CPU seconds the host process used for the load (all threads). */
  cpuSeconds: number;
  rows: number;
  cursor: string;
  mode: string;
}

async function measureInitialSync(host: BenchChild, serverUrl: string, cacheFile: string, args: Args, expectedRows: number): Promise<SyncResult> {
  const token = await signIn(serverUrl, 'agent');
  note(`initial sync into ${cacheFile}…`);
  const result = await host.call<SyncResult>('sync', { serverUrl, token, cacheFile, region: args.region });
  if (result.rows !== expectedRows) note(`WARNING: the cache holds ${result.rows} rows, the server was seeded with ${expectedRows}`);
  note(`initial sync: ${result.rows} rows in ${Math.round(result.ms / 1000)} s (pull ${result.mode})`);
  return result;
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  const dir = args.dir ? { path: args.dir, remove: () => {} } : tempDir('bench');
  mkdirSync(dir.path, { recursive: true });
  note(`${args.customers} customers, seed "${args.seed}", ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, files in ${dir.path}`);
  const loadAtStart = loadavg()[0]!;
  const running: { stop(): Promise<void> }[] = [];
  const stopAll = () => Promise.allSettled(running.splice(0).reverse().map((p) => p.stop()));
  try {
    // 1. The server's database, seeded in this process (so server RSS below is the server's own).
    const pglite: BenchDatabase = { name: 'pglite', label: 'PGlite', database: { kind: 'pglite', dataDir: join(dir.path, 'server') }, drop: async () => {} };
    const rows = await seedServer(pglite, args);
    figure('rows.total', rows, 'rows');

    // 2. The baseline: the same rows straight into an identical cache file.
    const raw = startBenchChild('tests/bench/raw-insert.ts', 'raw-insert');
    running.push(raw);
    note('raw insert baseline…');
    const baseline = await raw.call<{ rows: number; totalMs: number; writeMs: number; indexMs: number; cpuSeconds: number; sameSchema: boolean }>('load', {
      file: join(dir.path, 'raw.sqlite'), region: args.region, customers: args.customers, seed: args.seed,
    });
    await raw.stop();
    if (!baseline.sameSchema) note('WARNING: the baseline file does not end with the cache schema');
    const rawRate = (baseline.rows / baseline.totalMs) * 1000;
    figure('sqlite.raw_insert.rows_per_s', rawRate, 'rows/s');
    figure('sqlite.raw_insert.cpu_us_per_row', (baseline.cpuSeconds * 1e6) / baseline.rows, 'us');
    note(`baseline: rows ${Math.round(baseline.writeMs / 1000)} s, indexes ${Math.round(baseline.indexMs / 1000)} s`);

    // 3. Server process on PGlite → HTTP NDJSON → the host's cache, with the real sync client.
    const server = await startServer(pglite, pglite.database.kind === 'pglite' ? pglite.database.dataDir : '');
    running.push(server);
    const serverUrl = String(server.ready.url);
    const host = startBenchChild('tests/bench/host-worker.ts', 'host');
    running.push(host);
    const serverCpuBefore = cpuSecondsOf(server.child.pid ?? -1);
    const synced = await measureInitialSync(host, serverUrl, join(dir.path, 'host.sqlite'), args, rows);
    const syncRate = (synced.rows / synced.ms) * 1000;
    figure('sync.initial.rows_per_s', syncRate, 'rows/s');
    figure('sync.initial.ratio', syncRate / rawRate, 'x');
    // What each side cost, whatever share of the cores it got (see README: shared machines).
    figure('sync.initial.host_cpu_us_per_row', (synced.cpuSeconds * 1e6) / synced.rows, 'us');
    figure('sync.initial.server_cpu_us_per_row', ((cpuSecondsOf(server.child.pid ?? -1) - serverCpuBefore) * 1e6) / synced.rows, 'us');

    // 4. Reads while the phone rings and while the agent types.
    const lookups = await host.call<{ p50: number; p99: number; max: number; rightCustomer: number }>('lookup', {
      samples: lookupSamples(args.customers, args.lookups, args.seed),
    });
    figure('lookup.phone.p50_ms', lookups.p50, 'ms');
    figure('lookup.phone.p99_ms', lookups.p99, 'ms');
    figure('lookup.phone.right_customer', lookups.rightCustomer, 'fraction');
    const searches = await host.call<{ p50: number; p99: number; kinds: Record<string, { p50: number; p99: number }> }>('search', {
      samples: searchSamples(args.customers, args.searches, args.seed),
    });
    figure('search.prefix.p50_ms', searches.p50, 'ms');
    figure('search.prefix.p99_ms', searches.p99, 'ms');
    for (const [kind, t] of Object.entries(searches.kinds).sort()) figure(`search.${kind}.p99_ms`, t.p99, 'ms');

    // 5. Live: a note committed on the server, visible in this cache, with the floor connected.
    const crowd = startBenchChild('tests/bench/live-crowd.ts', 'crowd');
    running.push(crowd);
    mkdirSync(join(dir.path, 'crowd'), { recursive: true });
    const crowdToken = await signIn(serverUrl, 'agent');
    const { online } = await crowd.call<{ online: number }>('start', {
      serverUrl, token: crowdToken, cursor: synced.cursor, clients: args.crowd, dir: join(dir.path, 'crowd'), region: args.region,
    });
    note(`live: ${online + 1} clients connected`);
    const customerIds = Array.from({ length: 50 }, (_, i) => demoCustomer(Math.floor((i * args.customers) / 50), { seed: args.seed }).customer.id);
    const live = await host.call<{ fromSend: { count: number; p50: number; p99: number }; fromCommit: { p99: number }; missed: number }>('live', {
      serverUrl, posterToken: await signIn(serverUrl, 'supervisor'), customerIds, samples: args.live, budgetMs: args['live-budget-s'] * 1000, timeoutMs: 30_000,
    });
    figure('sync.live.clients', online + 1, 'clients');
    figure('sync.live.samples', live.fromSend.count, 'notes');
    figure('sync.live.p50_ms', live.fromSend.p50, 'ms');
    figure('sync.live.p99_ms', live.fromSend.p99, 'ms');
    figure('sync.live.after_commit.p99_ms', live.fromCommit.p99, 'ms');
    if (live.missed > 0) note(`WARNING: ${live.missed} notes did not become visible within 30 s (counted as 30 s)`);
    const received = await crowd.call<number[]>('received', { expect: live.fromSend.count });
    figure('sync.live.crowd_delivered', received.filter((n) => n >= live.fromSend.count).length / Math.max(1, received.length), 'fraction');

    // 5b. The wallboard: 30 agents changing state, each change timed to the supervisor's board.
    printWallboardFigures(await measureWallboardState(serverUrl, { agents: 30, rounds: 20, note }));

    // 6. Memory and size.
    const stats = await host.call<{ peakMb: number; rssMb: number; cacheBytes: number }>('stats');
    figure('cache.bytes_per_customer', stats.cacheBytes / args.customers, 'bytes');
    figure('server.rss_mb', memoryOf(server.child.pid ?? -1).peakMb, 'MiB');
    figure('host.rss_mb', stats.peakMb, 'MiB');
    // The other work on the machine: with more runnable processes than cores, every figure above shares.
    figure('machine.load_1min.start', loadAtStart, 'runnable');
    figure('machine.load_1min.now', loadavg()[0]!, 'runnable');
    await stopAll();

    // 7. The same load from PostgreSQL, when there is one.
    const pg = await benchDatabase(args.postgres, note);
    if (pg) {
      running.push({ stop: pg.drop });
      const pgRows = await seedServer(pg, args);
      const pgServer = await startServer(pg, join(dir.path, 'server-pg'));
      running.push(pgServer);
      const pgHost = startBenchChild('tests/bench/host-worker.ts', 'host-pg');
      running.push(pgHost);
      const pgSynced = await measureInitialSync(pgHost, String(pgServer.ready.url), join(dir.path, 'host-pg.sqlite'), args, pgRows);
      const pgRate = (pgSynced.rows / pgSynced.ms) * 1000;
      figure('sync.initial.postgres.rows_per_s', pgRate, 'rows/s');
      figure('sync.initial.postgres.ratio', pgRate / rawRate, 'x');
      figure('sync.initial.postgres.host_cpu_us_per_row', (pgSynced.cpuSeconds * 1e6) / pgSynced.rows, 'us');
      figure('server.postgres.rss_mb', memoryOf(pgServer.child.pid ?? -1).peakMb, 'MiB');
      const pgStats = await pgHost.call<{ peakMb: number }>('stats');
      figure('host.postgres.rss_mb', pgStats.peakMb, 'MiB');
    }
  } finally {
    await stopAll();
    if (!args.keep && !args.dir) dir.remove();
    else note(`files kept in ${dir.path}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});

/**
 * Dev aid (not part of `npm run bench`): what the host spends per pulled row, without the server,
 * HTTP or the other benchmark parts competing for the cores. The first run seeds a PGlite database
 * and writes its pull feed, framed exactly as the server streams it, to `<dir>/feed.ndjson`; every
 * run then replays that file through the real pull path — `pullChanges` (NDJSON lines, frames), the
 * pull worker's batch-group target and a first-load cache connection — on this thread, and prints
 * CPU µs per row (CPU time, so a busy machine disturbs it less than wall time).
 *
 *   npx tsx tests/bench/apply-cost.ts --customers 20000 --dir /tmp/kalma-apply [--runs 3]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/apply-cost.ts …   (where it goes)
 */
import Database from 'better-sqlite3';
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openCache } from '../../electron/services/cache/customer-cache';
import { batchGroupTarget } from '../../electron/services/sync/pull-batch-group';
import { pullChanges } from '../../electron/services/sync/pull-loop';
import { PULL_BATCH_ROWS } from '../../shared/api/sync';
import { openDb } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { DEFAULT_DEMO_SEED } from '../../server/demo-data/generator';
import { seedDemoCustomers } from '../../server/demo-data/seed-customers';
import { encodeCursor, FEED_START, type FeedPosition } from '../../server/sync/cursor';
import { readFeedPage } from '../../server/sync/feed';

const { values } = parseArgs({
  options: {
    customers: { type: 'string' }, dir: { type: 'string' }, runs: { type: 'string' }, region: { type: 'string' }, seed: { type: 'string' },
    statements: { type: 'boolean' },
  },
});
const customers = Number(values.customers ?? 20_000);
const dir = values.dir ?? `/tmp/kalma-apply-${customers}`;
const runs = Number(values.runs ?? 2);
const region = values.region ?? 'PH';
const feedFile = join(dir, 'feed.ndjson');

async function captureFeed(): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const db = await openDb({ kind: 'pglite', dataDir: join(dir, 'server') }, { error: () => {} });
  try {
    await migrate(db, { info: () => {}, warn: () => {} });
    await seedDemoCustomers(db, { customers, seed: values.seed ?? DEFAULT_DEMO_SEED, batchSize: 5_000 });
    const out: string[] = [`${JSON.stringify({ type: 'start', remaining: 0 })}\n`];
    let position: FeedPosition = FEED_START;
    let rows = 0;
    for (;;) {
      const page = await readFeedPage(db, position, 5 * PULL_BATCH_ROWS);
      for (let i = 0; i < page.lines.length; i += PULL_BATCH_ROWS) {
        const lines = page.lines.slice(i, i + PULL_BATCH_ROWS);
        position = page.positions[i + lines.length - 1]!;
        out.push(`{"type":"batch","rows":[${lines.join(',')}],"cursor":${JSON.stringify(encodeCursor(position))}}\n`);
        rows += lines.length;
      }
      if (page.lines.length === 0) break;
    }
    out.push(`${JSON.stringify({ type: 'end', cursor: encodeCursor(position), more: false })}\n`);
    writeFileSync(feedFile, out.join(''));
    return rows;
  } finally {
    await db.close();
  }
}

/** A fetch that answers every pull with the captured stream. */
const replayFetch: typeof fetch = async () =>
  new Response(Readable.toWeb(createReadStream(feedFile, { highWaterMark: 64 * 1024 })) as ReadableStream, { status: 200 });

async function replay(run: number): Promise<{ rows: number; cpuUs: number; wallMs: number }> {
  const file = join(dir, `cache-${run}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const cache = openCache(file, { region, initialLoad: true });
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const outcome = await pullChanges(batchGroupTarget(cache), { serverUrl: 'http://replay.invalid', token: 'x', fetch: replayFetch });
    const cpu = process.cpuUsage(cpu0);
    return { rows: outcome.rows, cpuUs: cpu.user + cpu.system, wallMs: performance.now() - t0 };
  } finally {
    cache.close();
  }
}

/**
 * `--statements`: wall time inside each SQL statement (better-sqlite3 calls run on this thread), so
 * the SQLite share of a row splits by statement; printed after the last run.
 */
const statementMs = new Map<string, { ms: number; calls: number }>();
function timeStatements(): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  const wrap = (target: Record<string, unknown>, method: string, sqlOf: (self: unknown, args: unknown[]) => string) => {
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const sql = sqlOf(this, args).replace(/\s+/g, ' ').slice(0, 90);
        const entry = statementMs.get(sql) ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - t0;
        entry.calls += 1;
        statementMs.set(sql, entry);
      }
    };
  };
  for (const method of ['run', 'get', 'all']) wrap(proto, method, (self) => (self as { source: string }).source);
  wrap(Database.prototype as unknown as Record<string, unknown>, 'exec', (_self, args) => String(args[0]));
}

function printStatements(rows: number): void {
  const sorted = [...statementMs.entries()].sort((a, b) => b[1].ms - a[1].ms);
  for (const [sql, { ms, calls }] of sorted.slice(0, 30)) {
    console.log(`${((ms * 1000) / rows).toFixed(2).padStart(7)} us/row ${String(calls).padStart(8)} calls  ${sql}`);
  }
}

async function main(): Promise<void> {
  if (values.statements) timeStatements();
  if (!existsSync(feedFile)) {
    console.error(`capturing the feed of ${customers} customers into ${feedFile}…`);
    console.error(`${await captureFeed()} rows`);
  }
  console.error(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (let run = 0; run < runs; run++) {
    const r = await replay(run);
    console.log(`apply: run ${run} rows ${r.rows} cpu_us_per_row ${(r.cpuUs / r.rows).toFixed(2)} wall_us_per_row ${((r.wallMs * 1000) / r.rows).toFixed(2)}`);
    if (values.statements && run === runs - 1) printStatements(r.rows * runs);
  }
  console.error(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

await main();

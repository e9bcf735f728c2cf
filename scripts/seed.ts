/**
 * `npm run seed -- --customers N [--seed S] [--data-dir D] [--start I] [--batch B] [--method bulk|import]`
 *
 * Seeds demo customers (with orders and history) into the central server's database: PostgreSQL
 * when DATABASE_URL is set, else the embedded database in --data-dir (default: the folder
 * `npm start` uses). Stop the server first when it runs on the embedded database: one process
 * owns a data folder at a time. Seeding again with the same seed adds nothing twice; --start
 * appends customers after an earlier run (`--start 100000 --customers 100000`).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDb } from '../server/db/db';
import { migrate } from '../server/db/migrate';
import { DEFAULT_AS_OF, DEFAULT_DEMO_SEED } from '../server/demo-data/generator';
import { countCustomers, seedDemoCustomers } from '../server/demo-data/seed-customers';
import { userDataRoot } from './data-folder';

const USAGE = 'usage: npm run seed -- --customers N [--seed S] [--data-dir D] [--start I] [--batch B] [--method bulk|import] [--as-of ISO]';

const Count = (max: number) => z.coerce.number().int().min(0).max(max);
const Args = z.object({
  customers: Count(10_000_000).default(20_000),
  seed: z.string().min(1).max(200).default(DEFAULT_DEMO_SEED),
  'data-dir': z.string().min(1).optional(),
  start: Count(100_000_000).default(0),
  batch: z.coerce.number().int().min(1).max(100_000).default(2_000),
  method: z.enum(['bulk', 'import']).default('bulk'),
  'as-of': z.iso.datetime({ offset: true }).default(DEFAULT_AS_OF),
});

function parseCommandLine(): z.infer<typeof Args> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        customers: { type: 'string' },
        seed: { type: 'string' },
        'data-dir': { type: 'string' },
        start: { type: 'string' },
        batch: { type: 'string' },
        method: { type: 'string' },
        'as-of': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${USAGE}`);
    process.exit(2);
  }
  return parsed.data;
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = args['data-dir'] ?? join(userDataRoot(), 'server');
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
  const quiet = { info: () => {}, warn: (o: object, m: string) => console.warn(m), error: (o: object, m: string) => console.error(m) };

  const db = await openDb(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir }, quiet);
  try {
    await migrate(db, quiet);
    console.log(`Seeding ${thousands(args.customers)} demo customers (seed "${args.seed}", from #${args.start}) into ${where}…`);
    const before = await countCustomers(db);
    let lastLine = 0;
    const outcome = await seedDemoCustomers(db, {
      customers: args.customers,
      seed: args.seed,
      startIndex: args.start,
      batchSize: args.batch,
      method: args.method,
      asOf: args['as-of'],
      onProgress: (p) => {
        if (p.elapsedMs - lastLine < 2_000 && p.customers < p.total) return;
        lastLine = p.elapsedMs;
        const rate = (p.rows / p.elapsedMs) * 1000;
        const eta = p.customers > 0 ? ((p.total - p.customers) / p.customers) * p.elapsedMs : 0;
        console.log(
          `  ${thousands(p.customers).padStart(11)} / ${thousands(p.total)} customers  ${String(Math.floor((100 * p.customers) / Math.max(1, p.total))).padStart(3)}%  ` +
            `${thousands(p.rows)} rows  ${thousands(rate)} rows/s  ${p.customers < p.total ? `ETA ${duration(eta)}` : ''}`,
        );
      },
    });
    // Ids come from the seed, so customers seeded before are left as they are, not added twice.
    const added = (await countCustomers(db)) - before;
    const kept = outcome.customers - added;
    console.log(
      `Done: ${thousands(outcome.customers)} customers, ${thousands(outcome.rows)} rows in ${duration(outcome.elapsedMs)}` +
        (kept > 0 ? ` (${thousands(kept)} were already there and were left as they are).` : '.'),
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

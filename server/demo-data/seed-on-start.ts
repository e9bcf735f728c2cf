import { z } from 'zod';
import type { Db } from '../db/db';
import { countCustomers, seedDemoCustomers, type SeedOutcome } from './seed-customers';

/**
 * Demo mode's customers: a server started in demo mode with no customers at all gets a modest,
 * realistic set (20,000 by default) before it reports ready, so the console has someone to find.
 * A database that has customers is never touched.
 *
 * KALMA_DEMO_CUSTOMERS sets the number (0: none). Under NODE_ENV=test the default is 0: test
 * suites start servers by the dozen and each asks for the customers it needs.
 */

export const DEFAULT_DEMO_CUSTOMERS = 20_000;
/** Held while seeding, so two instances starting together in demo mode seed once. */
const DEMO_CUSTOMERS_LOCK_KEY = 4_202_611_003;
const PROGRESS_EVERY_MS = 2_000;

export const DemoCustomersEnv = z.object({
  KALMA_DEMO_CUSTOMERS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number({ error: 'must be a whole number of customers' }).int('must be a whole number of customers').min(0).max(5_000_000).optional(),
  ),
  NODE_ENV: z.string().optional(),
});

/** How many demo customers to seed, from the environment. Throws a readable error for a bad value. */
export function demoCustomerCount(env: NodeJS.ProcessEnv): number {
  const parsed = DemoCustomersEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`KALMA_DEMO_CUSTOMERS ${issue?.message ?? 'is invalid'} (got ${JSON.stringify(env.KALMA_DEMO_CUSTOMERS)})`);
  }
  return parsed.data.KALMA_DEMO_CUSTOMERS ?? (parsed.data.NODE_ENV === 'test' ? 0 : DEFAULT_DEMO_CUSTOMERS);
}

export interface SeedLogger {
  info(obj: object, msg: string): void;
}

/**
 * Where a person watching the start-up sees the seeding move: `npm start` shows only the server's
 * warnings and errors from its JSON log, so a terminal on stderr also gets one plain line per step
 * (a 20,000-customer seed takes 5–15 s, which must not look like a hang). Not a terminal (tests,
 * services): the log records say it all.
 */
function terminalProgress(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

/** Seeds demo customers when the server has none; resolves to what was written, or null when nothing was. */
export async function seedDemoCustomersOnStart(
  db: Db,
  log: SeedLogger,
  env: NodeJS.ProcessEnv = process.env,
  progress: (line: string) => void = terminalProgress,
): Promise<SeedOutcome | null> {
  const customers = demoCustomerCount(env);
  if (customers === 0 || (await countCustomers(db)) > 0) return null;
  log.info({ customers }, 'seeding demo customers (first start in demo mode)');
  progress(`First start in demo mode: creating ${customers.toLocaleString('en-US')} demo customers with their orders and history…`);
  let lastReport = 0;
  const outcome = await seedDemoCustomers(db, {
    customers,
    // One transaction: a start-up interrupted half-way seeds again from scratch next time.
    atomic: true,
    precondition: async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${DEMO_CUSTOMERS_LOCK_KEY})`);
      return (await countCustomers(tx)) === 0;
    },
    onProgress: (p) => {
      if (p.elapsedMs - lastReport < PROGRESS_EVERY_MS || p.customers === p.total) return;
      lastReport = p.elapsedMs;
      const percent = Math.floor((100 * p.customers) / p.total);
      log.info({ customers: p.customers, of: p.total, rows: p.rows, percent }, 'seeding demo customers');
      progress(`  ${p.customers.toLocaleString('en-US')} / ${p.total.toLocaleString('en-US')} customers (${percent}%)`);
    },
  });
  if (outcome.customers === 0) return null;
  const seconds = Math.round(outcome.elapsedMs / 100) / 10;
  log.info({ customers: outcome.customers, rows: outcome.rows, seconds }, 'demo customers seeded');
  progress(`  done: ${outcome.customers.toLocaleString('en-US')} customers, ${outcome.rows.toLocaleString('en-US')} rows in ${seconds} s`);
  return outcome;
}

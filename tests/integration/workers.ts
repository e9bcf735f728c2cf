/**
 * Integration test files run two at a time: the suites wait on timers and sockets as much as
 * they compute, so two keep a two-core machine busy without starving each other.
 */
export const INTEGRATION_WORKERS = 2;

/** The PostgreSQL cluster of this test worker (VITEST_POOL_ID counts from 1); DATABASE_URL when only one was given. */
export function postgresAdminUrl(): string | undefined {
  const urls = process.env.KALMA_TEST_PG_URLS?.split(',').filter(Boolean) ?? [];
  if (urls.length === 0) return process.env.DATABASE_URL;
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  return urls[(Number.isInteger(worker) && worker > 0 ? worker - 1 : 0) % urls.length];
}

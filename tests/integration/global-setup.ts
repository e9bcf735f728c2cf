import usePgliteTemplate from '../fixtures/pglite-template';
import { startPostgres } from '../fixtures/postgres';
import { INTEGRATION_WORKERS } from './workers';

/**
 * Integration suites run against PGlite and against a real PostgreSQL. Unless DATABASE_URL points
 * at one already, this starts throwaway Debian PostgreSQL clusters for the run, one per test
 * worker: transaction ids are per cluster, so a suite that holds a transaction open on purpose
 * (cursor-concurrency) would hold back every other worker's pulls on a shared one. Workers
 * inherit DATABASE_URL and KALMA_TEST_PG_URLS. Set KALMA_SKIP_POSTGRES=1 to run on PGlite only.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  await usePgliteTemplate();
  if (process.env.DATABASE_URL) return;
  if (process.env.KALMA_SKIP_POSTGRES === '1') {
    console.warn('integration: KALMA_SKIP_POSTGRES=1, PostgreSQL suites skipped; PGlite only');
    return;
  }
  const clusters = await Promise.all(Array.from({ length: INTEGRATION_WORKERS }, () => startPostgres()));
  process.env.DATABASE_URL = clusters[0]!.url;
  process.env.KALMA_TEST_PG_URLS = clusters.map((c) => c.url).join(',');
  console.log(`integration: PostgreSQL clusters at ${clusters.map((c) => c.url).join(', ')}`);
  return async () => {
    await Promise.all(clusters.map((c) => c.stop()));
  };
}

import { startPostgres } from '../fixtures/postgres';

/**
 * Integration suites run against PGlite and against a real PostgreSQL. Unless DATABASE_URL points
 * at one already, this starts a throwaway Debian PostgreSQL cluster for the run; workers inherit
 * DATABASE_URL. Set KALMA_SKIP_POSTGRES=1 to run on PGlite only (the run then says so).
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (process.env.DATABASE_URL) return;
  if (process.env.KALMA_SKIP_POSTGRES === '1') {
    console.warn('integration: KALMA_SKIP_POSTGRES=1, PostgreSQL suites skipped; PGlite only');
    return;
  }
  const cluster = await startPostgres();
  process.env.DATABASE_URL = cluster.url;
  console.log(`integration: PostgreSQL cluster at ${cluster.url}`);
  return () => cluster.stop();
}

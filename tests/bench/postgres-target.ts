import pg from 'pg';
import { startPostgres } from '../fixtures/postgres';

/**
 * Where the PostgreSQL half of the benchmark runs: a database of its own created on DATABASE_URL's
 * server (dropped afterwards), or with --postgres a throwaway cluster (tests/fixtures/postgres.ts).
 */

export interface BenchDatabase {
  name: string;
  label: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  drop(): Promise<void>;
}

export async function benchDatabase(startCluster: boolean, note: (text: string) => void): Promise<BenchDatabase | null> {
  let baseUrl = process.env.DATABASE_URL || null;
  let stopCluster = async () => {};
  if (!baseUrl && startCluster) {
    const cluster = await startPostgres();
    baseUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  if (!baseUrl) {
    note('no DATABASE_URL (and no --postgres): the PostgreSQL figures are skipped');
    return null;
  }
  const name = `kalma_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    await stopCluster();
    note(`cannot create a benchmark database on DATABASE_URL (${error instanceof Error ? error.message : String(error)}): PostgreSQL figures skipped`);
    return null;
  }
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    label: 'PostgreSQL',
    database: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: unknown) => note(`could not drop ${name}: ${String(error)}`));
      await client.end();
      await stopCluster();
    },
  };
}

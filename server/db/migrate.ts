import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Held for the migrating transaction. Two instances starting together on one PostgreSQL queue on
 * it: the second sees the first one's rows in schema_migrations and applies nothing. Any constant
 * works as long as nothing else in the server uses it.
 */
export const MIGRATION_LOCK_KEY = 4_202_611_001;

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in version order; anything else in the folder is an error. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1] || !match[2]) throw new Error(`migration file ${file} is not named NNN_name.sql`);
      // Line endings differ between checkouts (Windows); they must not count as an edit.
      const sql = readFileSync(`${dir}/${file}`, 'utf8').replace(/\r\n/g, '\n');
      return { version: Number(match[1]), name: match[2], sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version) throw new Error(`two migrations are numbered ${m.version}`);
  });
  return migrations;
}

/**
 * Applies pending migrations in one transaction, so a failure leaves the database as it was.
 * Each applied file is recorded with its checksum: editing a migration that already ran is
 * refused, because databases that ran the old text would silently differ from new ones.
 */
export async function migrate(db: Db, log: MigrateLogger, migrations: Migration[] = readMigrations()): Promise<{ applied: number[] }> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of done.rows) {
      const file = known.get(row.version);
      if (!file) {
        // A newer server migrated this database (rolling upgrade): keep serving, but say so.
        log.warn({ version: row.version, name: row.name }, 'database has a migration this server does not know; is an older server running?');
      } else if (file.checksum !== row.checksum) {
        throw new Error(
          `migration ${String(row.version).padStart(3, '0')}_${row.name}.sql was changed after it was applied; add a new migration instead`,
        );
      }
    }
    const appliedVersions = new Set(done.rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (appliedVersions.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      applied.push(migration.version);
    }
    if (applied.length > 0) log.info({ applied }, 'database migrated');
    return { applied };
  });
}

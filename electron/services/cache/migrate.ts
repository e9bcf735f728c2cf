import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

/** The cache file was written by a newer Kalma; opening it here could corrupt what it holds. */
export class CacheTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(`cache file is at schema ${fileVersion}, this version of Kalma knows up to ${knownVersion}`);
    this.name = 'CacheTooNewError';
  }
}

export interface MigrationOutcome {
  from: number;
  to: number;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the file up to the newest schema, one step per transaction. The version bump commits
 * with the step's changes, so an interrupted upgrade resumes at the step that failed.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationOutcome {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new CacheTooNewError(from, latest);

  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: latest };
}

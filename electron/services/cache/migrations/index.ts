import type { Database } from 'better-sqlite3';
import { sql as initial } from './001_initial';

/**
 * A schema step. `up` is SQL, or a function for steps that must also move data (rebuilding the
 * search index after a tokenizer change, for example). Each runs in its own transaction together
 * with the `PRAGMA user_version` bump, so a crash leaves the file at the previous version.
 * Add a step: a new numbered file, one line here, and a case in tests/unit/cache/migrations.test.ts
 * that opens a file written by the version before.
 */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', up: initial }];

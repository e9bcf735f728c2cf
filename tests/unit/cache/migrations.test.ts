import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CacheTooNewError, migrate, schemaVersion } from '../../../electron/services/cache/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/services/cache/migrations';
import { customer, interaction, openTestCache, order, tempFile } from './cache-fixtures';

const LATEST = MIGRATIONS.length;

/** A file as an older Kalma left it: migrated up to `version`, with whatever that version held. */
function fileAtVersion(version: number): string {
  const file = tempFile();
  const db = new Database(file);
  migrate(db, MIGRATIONS.slice(0, version));
  db.close();
  return file;
}

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")
    .pluck()
    .all() as string[];
  const counts = Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number)]),
  );
  db.close();
  return counts;
}

/**
 * What each version's file holds before the next step runs, written the way that version wrote
 * it. A new migration adds its entry here (data in the old shape) and its own assertions below.
 */
const SEED_AT_VERSION: Record<number, (file: string) => void> = {
  0: () => {},
  1: (file) => {
    const db = new Database(file);
    db.exec(`
      INSERT INTO customers (id, name, name_folded, version) VALUES ('c1', 'Maria Santos', 'maria santos', 1);
      INSERT INTO sync_state (stream, cursor, updated_at) VALUES ('customers', 'k1', '2025-03-01T00:00:00.000Z');
      INSERT INTO outbox (id, kind, payload, created_at)
        VALUES ('4b0f6a51-5a57-4e0e-9a43-7f1d0b1f2a01', 'interaction.create', '{}', '2025-03-01T00:00:00.000Z');`);
    db.close();
  },
  2: (file) => {
    SEED_AT_VERSION[1]!(file);
    const db = new Database(file);
    db.exec(`INSERT INTO sync_progress (stream, caught_up_at) VALUES ('customers', '2025-03-02T08:00:00.000Z');`);
    db.close();
  },
};

describe('cache migrations', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))(
    'migration %i (%s) upgrades a file written at the version before, keeping its rows',
    (version) => {
      const file = fileAtVersion(version - 1);
      SEED_AT_VERSION[version - 1]?.(file);
      const before = tableCounts(file);

      const cache = openTestCache(file);
      cache.close();

      const db = new Database(file, { readonly: true });
      expect(schemaVersion(db)).toBe(LATEST);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
      const after = tableCounts(file);
      // Migration 11 forgets the pull cursor on purpose (the feed is pulled again); every other row stays.
      if (version <= 11) delete before.sync_state;
      for (const [table, count] of Object.entries(before)) expect(after[table], table).toBe(count);
    },
  );

  it('migration 2 keeps the resume cursor of a file from version 1 and starts it as not yet caught up', () => {
    const file = fileAtVersion(1);
    SEED_AT_VERSION[1]!(file);
    const atTwo = new Database(file);
    migrate(atTwo, MIGRATIONS.slice(0, 2));
    expect(atTwo.prepare('SELECT cursor FROM sync_state').pluck().all()).toEqual(['k1']);
    expect(atTwo.prepare('SELECT count(*) FROM sync_progress').pluck().get()).toBe(0);
    atTwo.close();
    // Up to the latest version: migration 11 then forgets the cursor, and the file pulls again.
    const cache = openTestCache(file, { now: () => new Date('2025-03-02T08:00:00Z') });
    expect(cache.cursor()).toBeNull();
    expect(cache.caughtUpAt()).toBeNull();
    expect(cache.markCaughtUp()).toBe('2025-03-02T08:00:00.000Z');
    expect(cache.caughtUpAt()).toBe('2025-03-02T08:00:00.000Z');
  });

  it('migration 3 gives a file from version 2 a call book, keeping its queued note first in the outbox', () => {
    const file = fileAtVersion(2);
    SEED_AT_VERSION[2]!(file);
    const cache = openTestCache(file);
    expect(cache.caughtUpAt()).toBe('2025-03-02T08:00:00.000Z');
    cache.recordCall(
      {
        id: 'call-1',
        direction: 'outbound',
        number: '+5511912345678',
        remoteUri: 'sip:+5511912345678@pbx.example',
        customerId: 'c1',
        line: 1,
        startedAt: '2025-03-03T12:00:00.000Z',
        answeredAt: null,
        endedAt: '2025-03-03T12:00:30.000Z',
        endCause: 'no-answer',
        transfers: [],
      },
      { id: 'u1', name: 'Rhea' },
    );
    expect(cache.recentCalls().map((c) => c.id)).toEqual(['call-1']);
    expect(cache.pendingOutbox().map((e) => e.kind)).toEqual(['interaction.create', 'call.record', 'interaction.create']);
  });

  it('migration 11 makes a file from version 10 pull the feed again, still caught up, to fill in its orders\' delivery facts', () => {
    const file = fileAtVersion(10);
    SEED_AT_VERSION[2]!(file);
    const db = new Database(file);
    db.exec(`INSERT INTO orders (id, customer_id, number, number_key, status, placed_at, currency, total_minor, version)
      VALUES ('o1', 'c1', 'SO-1', 'so1', 'delivered', '2025-02-01T00:00:00.000Z', 'PHP', 129900, 3);`);
    db.close();

    const cache = openTestCache(file);
    expect(cache.cursor()).toBeNull();
    expect(cache.caughtUpAt()).toBe('2025-03-02T08:00:00.000Z');
    cache.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT delivered_at, channel FROM orders WHERE id = ?').get('o1')).toEqual({ delivered_at: null, channel: 'online' });
    after.close();
  });

  it('creates the search index with accent folding and prefix indexes', () => {
    const file = tempFile();
    openTestCache(file).close();
    const db = new Database(file, { readonly: true });
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'customer_fts'").pluck().get() as string;
    expect(sql).toContain('unicode61 remove_diacritics 2');
    expect(sql).toContain("prefix = '2 3'");
    db.close();
  });

  it('opens a current file without touching its data, in WAL mode', () => {
    const file = tempFile();
    const first = openTestCache(file);
    first.applyBatch([customer('c1', 'Maria Santos'), order('o1', 'c1'), interaction('i1', 'c1', { text: 'hello' })], 'k1');
    first.close();
    const before = tableCounts(file);

    const again = openTestCache(file);
    expect(again.search('maria').map((h) => h.id)).toEqual(['c1']);
    again.close();
    expect(tableCounts(file)).toEqual(before);

    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file written by a newer Kalma and leaves it as it was', () => {
    const file = fileAtVersion(LATEST);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();
    expect(() => openTestCache(file)).toThrow(CacheTooNewError);
    const check = new Database(file, { readonly: true });
    expect(schemaVersion(check)).toBe(LATEST + 1);
    check.close();
  });

  it('leaves the file at the previous version when a step fails half-way', () => {
    const file = fileAtVersion(LATEST);
    const broken: Migration = {
      version: LATEST + 1,
      name: 'broken',
      up: 'CREATE TABLE scripts (id TEXT PRIMARY KEY); INSERT INTO no_such_table VALUES (1);',
    };
    const db = new Database(file);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(LATEST);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'scripts'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'skipped-one', up: '' }])).toThrow(/expected 1/);
    db.close();
  });

  it('rebuilds the search index from the base tables', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    cache.applyBatch([customer('c1', 'João Gonçalves'), interaction('i1', 'c1', { text: 'troca do produto' })], 'k1');
    const db = new Database(file);
    db.exec("INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')");
    db.close();
    expect(cache.search('troca')).toEqual([]);
    cache.rebuildSearchIndex();
    expect(cache.search('troca').map((h) => h.id)).toEqual(['c1']);
    expect(cache.search('joao').map((h) => h.id)).toEqual(['c1']);
  });
});

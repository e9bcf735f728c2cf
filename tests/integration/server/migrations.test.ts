import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { startServer } from '../../../server/app';
import { migrate, readMigrations } from '../../../server/db/migrate';
import { backends, countRows, freshDatabase, request, signIn, startTestServer, type Database } from './harness';

const silent = { info: () => {}, warn: () => {} };

describe.each(backends)('database migrations (%s)', (backend) => {
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kalma-migrations-'));
    database = await freshDatabase(backend, dataDir);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps accounts and applies nothing twice when restarted on the same database', async () => {
    const files = readMigrations();
    const versions = files.map((m) => m.version);
    // Numbered from 1 without gaps, so a missing file cannot hide behind a later one.
    expect(versions).toEqual(versions.map((_, i) => i + 1));

    const first = await startTestServer(backend, {}, database);
    const applied = await first.db.query<{ version: number; applied_at: Date }>('SELECT version, applied_at FROM schema_migrations ORDER BY version');
    expect(applied.rows.map((r) => r.version)).toEqual(versions);
    const { token } = await signIn(first.url, 'agent', 'agent-demo-2026');
    expect((await request(first.url, 'PUT', API.myLanguage, { token, json: { language: 'pt-BR' } })).status).toBe(200);
    await first.close();

    const second = await startTestServer(backend, {}, database);
    try {
      const again = await second.db.query<{ version: number; applied_at: Date }>('SELECT version, applied_at FROM schema_migrations ORDER BY version');
      expect(again.rows).toEqual(applied.rows);
      expect(second.logs.some((line) => line.includes('"database migrated"'))).toBe(false);
      // Demo accounts are seeded into an empty database only, never again.
      expect(await countRows(second.db, 'users')).toBe(DEMO_ACCOUNTS.length);
      // The session from before the restart still works: it lives in the database, not the process.
      expect((await request(second.url, 'GET', API.me, { token })).status).toBe(200);
      expect((await signIn(second.url, 'agent', 'agent-demo-2026')).user.language).toBe('pt-BR');
    } finally {
      await second.close();
    }
  });

  it.runIf(backend === 'pglite')('refuses a second server on a data folder that one is using', async () => {
    const t = await startTestServer(backend, {}, database);
    try {
      await expect(startServer({ ...database.options, logLevel: 'silent' })).rejects.toThrow(/another Kalma server \(pid \d+\) is using/);
      // The first server is unharmed.
      await signIn(t.url, 'admin', 'admin-demo-2026');
    } finally {
      await t.close();
    }
  });

  it('refuses an edited migration that already ran', async () => {
    const t = await startTestServer(backend, {}, database);
    try {
      const edited = readMigrations().map((m) => (m.version === 2 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(t.db, silent, edited)).rejects.toThrow('migration 002_sessions.sql was changed after it was applied; add a new migration instead');
    } finally {
      await t.close();
    }
  });

  it('rolls a failing migration back completely', async () => {
    const t = await startTestServer(backend, {}, database);
    try {
      const broken = { version: 999, name: 'broken', checksum: 'x', sql: 'CREATE TABLE half_done (id int);\nSELECT no_such_function();' };
      await expect(migrate(t.db, silent, [...readMigrations(), broken])).rejects.toThrow(/no_such_function/);
      const table = await t.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(table.rows).toHaveLength(0);
      expect(await countRows(t.db, 'schema_migrations')).toBe(readMigrations().length);
    } finally {
      await t.close();
    }
  });

  it.runIf(backend === 'postgres')('applies migrations and demo accounts once when two instances start together', async () => {
    const fresh = await freshDatabase(backend);
    try {
      const options = { ...fresh.options, demo: true, logLevel: 'silent' };
      const [a, b] = await Promise.all([startServer(options), startServer(options)]);
      try {
        expect(await countRows(a.app.db, 'schema_migrations')).toBe(readMigrations().length);
        expect(await countRows(a.app.db, 'users')).toBe(DEMO_ACCOUNTS.length);
        await signIn(b.url, 'admin', 'admin-demo-2026');
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    } finally {
      await fresh.drop();
    }
  });
});

describe('a new embedded database from a PGlite template', () => {
  let dir: string;
  let template: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kalma-template-'));
    // A template with a mark in it, so a server that started from it can be told apart from initdb.
    const cluster = await PGlite.create();
    await cluster.exec('CREATE TABLE made_from_template (id int)');
    template = join(dir, 'template.tar');
    writeFileSync(template, Buffer.from(await (await cluster.dumpDataDir('none')).arrayBuffer()));
    await cluster.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the template, migrated and seeded, and reopens the folder as it was left', async () => {
    const dataDir = join(dir, 'data');
    const first = await startServer({ dataDir, pgliteTemplate: template, demo: true, logLevel: 'silent' });
    try {
      expect((await first.app.db.query('SELECT id FROM made_from_template')).rows).toEqual([]);
      expect(await countRows(first.app.db, 'schema_migrations')).toBe(readMigrations().length);
      await first.app.db.query('INSERT INTO made_from_template VALUES (1)');
      await signIn(first.url, 'agent', 'agent-demo-2026');
    } finally {
      await first.close();
    }
    // The folder holds a cluster now: the template must not replace it.
    const second = await startServer({ dataDir, pgliteTemplate: template, logLevel: 'silent' });
    try {
      expect((await second.app.db.query('SELECT id FROM made_from_template')).rows).toEqual([{ id: 1 }]);
    } finally {
      await second.close();
    }
  });

  it('names the template it cannot read, and leaves the folder free for the next start', async () => {
    const dataDir = join(dir, 'unreadable');
    const missing = join(dir, 'no-such-template.tar');
    await expect(startServer({ dataDir, pgliteTemplate: missing, logLevel: 'silent' })).rejects.toThrow(`the PGlite template ${missing} cannot be read`);
    const next = await startServer({ dataDir, pgliteTemplate: template, logLevel: 'silent' });
    await next.close();
  });
});

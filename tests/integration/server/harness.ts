import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { API, ApiError, LoginResponse } from '../../../shared/api/auth';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/app';
import type { Db } from '../../../server/db/db';
import { postgresAdminUrl } from '../workers';
import { namedStep } from '../../fixtures/slow-step';

/**
 * The server suites run on PGlite always and on PostgreSQL when DATABASE_URL is set (the
 * integration global setup starts a throwaway cluster unless told not to).
 */
export type BackendName = 'pglite' | 'postgres';
export const backends: BackendName[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface Database {
  /** What to pass to startServer: a PGlite folder (or memory), or a PostgreSQL URL. */
  options: Pick<ServerOptions, 'dataDir' | 'databaseUrl'>;
  drop(): Promise<void>;
}

/**
 * A database no other suite touches: in-memory PGlite (or `dataDir` when a test restarts on the
 * same files), or a new database on the PostgreSQL cluster, dropped afterwards.
 */
export async function freshDatabase(backend: BackendName, dataDir = 'memory://'): Promise<Database> {
  if (backend === 'pglite') return { options: { dataDir }, drop: async () => {} };
  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error('postgres backend without DATABASE_URL');
  const name = `kalma_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { databaseUrl: url.toString() },
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestServer {
  url: string;
  server: RunningServer;
  db: Db;
  /** Every log line the server wrote, raw. */
  logs: string[];
  /** Stops the server and drops its database. */
  close(): Promise<void>;
}

/** A real server, listening on a free port, with its log lines collected. */
export async function startTestServer(backend: BackendName, options: ServerOptions = {}, database?: Database): Promise<TestServer> {
  const db = database ?? (await freshDatabase(backend));
  const logs: string[] = [];
  const server = await startServer({
    demo: true,
    logLevel: 'info',
    logStream: { write: (line) => void logs.push(line) },
    ...db.options,
    ...options,
  });
  return {
    url: server.url,
    server,
    db: server.app.db,
    logs,
    close: async () => {
      await namedStep(`server ${server.url} close`, () => server.close());
      if (!database) await namedStep(`server ${server.url} database drop`, () => db.drop());
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  token?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent exactly as given (for malformed bodies). */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function request(baseUrl: string, method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.json !== undefined) body = JSON.stringify(opts.json);
  if (opts.raw !== undefined) body = opts.raw;
  if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : (JSON.parse(text) as unknown), text };
}

/** The error detail of an API error reply, checked against the shared schema. */
export function errorOf(reply: Reply): ApiError['error'] {
  return ApiError.parse(reply.body).error;
}

export async function signIn(baseUrl: string, username: string, password: string, headers?: Record<string, string>): Promise<LoginResponse> {
  const reply = await request(baseUrl, 'POST', API.login, { json: { username, password }, headers });
  expect(reply.status, `sign-in as ${username}: ${reply.text}`).toBe(200);
  return LoginResponse.parse(reply.body);
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function countRows(db: Db, table: 'sessions' | 'users' | 'schema_migrations' | 'login_failures'): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { expect } from 'vitest';
import { API_SYNC, LiveMessage, PullFrame, PushResponse, type PushEnvelope } from '../../../shared/api/sync';
import type { SyncRow } from '../../../shared/domain/sync-row';
import type { ImportCustomer } from '../../../server/customers/import';
import { request, type Reply } from '../server/harness';

export { backends, errorOf, freshDatabase, request, signIn, startTestServer, type Database, type TestServer } from '../server/harness';

export interface PullResult {
  status: number;
  frames: PullFrame[];
  rows: SyncRow[];
  /** The cursor of the end frame. */
  cursor: string | null;
  more: boolean;
  remaining: number;
}

/** One pull, read as a console reads it: every line parsed with the shared PullFrame schema. */
export async function pull(baseUrl: string, token: string, opts: { cursor?: string | null; limit?: number } = {}): Promise<PullResult> {
  const params = new URLSearchParams();
  if (opts.cursor) params.set('cursor', opts.cursor);
  if (opts.limit !== undefined) params.set('limit', String(opts.limit));
  const response = await fetch(`${baseUrl}${API_SYNC.pull}?${params}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const lines = text.split('\n');
  expect(lines.pop(), 'the stream ends with a newline').toBe('');
  const frames = lines.map((line) => PullFrame.parse(JSON.parse(line)));
  const first = frames[0];
  const last = frames[frames.length - 1];
  if (first?.type !== 'start' || last?.type !== 'end') throw new Error(`pull stream is not start … end: ${text.slice(0, 200)}`);
  const rows = frames.flatMap((f) => (f.type === 'batch' ? f.rows : []));
  return { status: response.status, frames, rows, cursor: last.cursor, more: last.more, remaining: first.remaining };
}

/** Pulls until the server says nothing more is waiting; returns every row and the final cursor. */
export async function pullAll(baseUrl: string, token: string, from: string | null = null, limit?: number): Promise<{ rows: SyncRow[]; cursor: string | null }> {
  let cursor = from;
  const rows: SyncRow[] = [];
  for (;;) {
    const page = await pull(baseUrl, token, { cursor, ...(limit === undefined ? {} : { limit }) });
    rows.push(...page.rows);
    cursor = page.cursor ?? cursor;
    if (!page.more) return { rows, cursor };
  }
}

export function push(baseUrl: string, token: string, mutations: PushEnvelope[]): Promise<Reply> {
  return request(baseUrl, 'POST', API_SYNC.push, { token, json: { mutations } });
}

export async function pushOk(baseUrl: string, token: string, mutations: PushEnvelope[]): Promise<PushResponse['results']> {
  const reply = await push(baseUrl, token, mutations);
  expect(reply.status, reply.text).toBe(200);
  return PushResponse.parse(reply.body).results;
}

export function noteMutation(customerId: string, text: string, extra: Record<string, unknown> = {}): PushEnvelope {
  return {
    id: randomUUID(),
    kind: 'interaction.create',
    payload: {
      id: randomUUID(),
      kind: 'note',
      customerId,
      occurredAt: new Date().toISOString(),
      author: null,
      orderId: null,
      text,
      version: '0',
      deleted: false,
      ...extra,
    },
  };
}

export function customer(id: string, overrides: Partial<ImportCustomer> = {}): ImportCustomer {
  return {
    id,
    name: `Customer ${id}`,
    emails: [`${id}@example.com`],
    accountNumbers: [`ACC-${id}`],
    language: 'fil',
    tags: [],
    phones: [{ number: '0917 123 4567', label: 'mobile' }],
    addresses: [{ label: 'home', lines: ['12 Mabini St'], city: 'Quezon City', region: 'Metro Manila', postalCode: '1100', country: 'PH' }],
    ...overrides,
  };
}

/** The key a row is known by in a cache: entity and id. */
export function rowKey(row: SyncRow): string {
  return `${row.entity}:${row.data.id}`;
}

/** A live socket that records what it receives, with its arrival time. */
export interface LiveClient {
  socket: WebSocket;
  messages: { at: number; message: LiveMessage }[];
  /** Resolves with the arrival time of the next `changed` after `since`. */
  nextChange(since: number, timeoutMs?: number): Promise<number>;
  close(): void;
}

export async function connectLive(baseUrl: string, token: string, options: WebSocket.ClientOptions = {}): Promise<LiveClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${API_SYNC.live}`, { headers: { authorization: `Bearer ${token}` }, ...options });
  const messages: LiveClient['messages'] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push({ at: performance.now(), message: LiveMessage.parse(JSON.parse(String(data))) });
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`live upgrade refused: ${res.statusCode}`)));
  });
  return {
    socket,
    messages,
    nextChange: (since, timeoutMs = 5_000) =>
      new Promise<number>((resolve, reject) => {
        const check = () => {
          const hit = messages.find((m) => m.message.type === 'changed' && m.at >= since);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.at);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no live poke within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.close(),
  };
}

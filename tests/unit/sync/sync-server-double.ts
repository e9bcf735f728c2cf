import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { API_SYNC } from '../../../shared/api/sync';

/**
 * The sync endpoints of the central server as the host's unit tests need them: scripted pull
 * streams (including the faults a real server shows only by accident: a stream cut mid-way, a
 * stall, a garbled line) and scripted push answers. The real server is exercised by the
 * integration suite (tests/integration/sync-client).
 */

export interface PullScript {
  status?: number;
  /** NDJSON lines to send, in order. */
  lines: string[];
  /** Destroy the connection after this many lines, without an end. */
  cutAfter?: number;
  /** Stop sending (but keep the connection open) after this many lines. */
  stallAfter?: number;
}

export type PushAnswer = { status: number; body: unknown } | 'drop';

export interface SyncServerDouble {
  url: string;
  /** Cursors the pulls asked from (null: no cursor). */
  pulls: (string | null)[];
  /** Bodies of the pushes received. */
  pushes: { mutations: { id: string; kind: string; payload: unknown }[] }[];
  pull: (cursor: string | null) => PullScript;
  push: (body: { mutations: { id: string }[] }) => PushAnswer;
  close(): Promise<void>;
}

export const frame = {
  start: (remaining: number) => JSON.stringify({ type: 'start', remaining }),
  batch: (rows: unknown[], cursor: string) => JSON.stringify({ type: 'batch', rows, cursor }),
  end: (cursor: string | null, more = false) => JSON.stringify({ type: 'end', cursor, more }),
};

export async function startSyncServerDouble(): Promise<SyncServerDouble> {
  const sockets = new Set<Socket>();
  const double: SyncServerDouble = {
    url: '',
    pulls: [],
    pushes: [],
    pull: () => ({ lines: [frame.start(0), frame.end(null)] }),
    push: (body) => ({ status: 200, body: { results: body.mutations.map((m) => ({ id: m.id, status: 'applied' })) } }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double');
    if (req.headers.authorization !== 'Bearer good-token') {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } }));
      return;
    }
    if (req.method === 'GET' && url.pathname === API_SYNC.pull) {
      const cursor = url.searchParams.get('cursor');
      double.pulls.push(cursor);
      const script = double.pull(cursor);
      res.writeHead(script.status ?? 200, { 'content-type': 'application/x-ndjson' });
      for (const [i, line] of script.lines.entries()) {
        if (script.cutAfter !== undefined && i >= script.cutAfter) return void req.socket.destroy();
        if (script.stallAfter !== undefined && i >= script.stallAfter) return;
        res.write(`${line}\n`);
        // Lines in separate TCP writes, so the client really reads a stream.
        await new Promise((done) => setImmediate(done));
      }
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === API_SYNC.push) {
      let text = '';
      for await (const chunk of req) text += String(chunk);
      const body = JSON.parse(text) as SyncServerDouble['pushes'][number];
      double.pushes.push(body);
      const answer = double.push(body);
      if (answer === 'drop') return void req.socket.destroy();
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      return;
    }
    res.writeHead(404).end();
  }

  const server = createServer((req, res) => void onRequest(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return double;
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API, type AdminUser } from '../../../shared/api/auth';
import { DEMO_ACCOUNTS, DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import type { Language, User } from '../../../shared/domain/user';

/**
 * The central server's documented HTTP behaviour (shared/api/auth.ts) for the host's unit tests,
 * plus the faults the real server cannot be made to show on demand: crashing, stalling, answering
 * in another API version, or dropping connections. The real server is exercised by the
 * integration and end-to-end suites.
 */
export type Fault = 'none' | 'http-500' | 'stall' | 'wrong-shape' | 'drop';

export interface CentralServerDouble {
  url: string;
  fault: Fault;
  /** Requests seen, as "METHOD path" (bodies are not kept: they hold passwords). */
  requests: string[];
  /** Forgets every token, as the real server does when a session expires or is revoked. */
  revokeAll(): void;
  languageOf(username: string): Language;
  close(): Promise<void>;
}

export async function startCentralServerDouble(): Promise<CentralServerDouble> {
  const users = new Map<string, { password: string; user: User }>(
    DEMO_ACCOUNTS.map((a, i) => [
      a.username,
      {
        password: a.password,
        user: { id: `u${i + 1}`, username: a.username, displayName: a.displayName, role: a.role, language: a.language, teams: [DEMO_TEAM] },
      },
    ]),
  );
  const tokens = new Map<string, string>();

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, message: string, headers?: Record<string, string>) =>
    send(res, status, { error: { code, message } }, headers);

  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  const double: CentralServerDouble = {
    url: '',
    fault: 'none',
    requests: [],
    revokeAll: () => tokens.clear(),
    languageOf: (username) => users.get(username)!.user.language,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };

  const server = createServer(async (req, res) => {
    const path = req.url ?? '';
    double.requests.push(`${req.method} ${path}`);
    switch (double.fault) {
      case 'http-500':
        return error(res, 500, 'INTERNAL', 'database on fire');
      case 'stall':
        return; // never answers
      case 'drop':
        return req.socket.destroy();
      case 'wrong-shape':
        return send(res, 200, { token: 'short', who: 'me' });
      case 'none':
        break;
    }
    const body = await readJson(req);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const signedIn = bearer ? users.get(tokens.get(bearer) ?? '') : undefined;

    if (req.method === 'POST' && path === API.login) {
      if (body.username === 'limited') {
        return error(res, 429, 'RATE_LIMITED', 'Too many failed sign-in attempts. Try again in 2 minutes.', { 'retry-after': '120' });
      }
      const account = users.get(String(body.username));
      if (!account || account.password !== body.password) return error(res, 401, 'INVALID_CREDENTIALS', 'Wrong username or password.');
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, account.user.username);
      return send(res, 200, { token, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: account.user });
    }
    if (!signedIn) return error(res, 401, 'UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    if (req.method === 'POST' && path === API.logout) {
      tokens.delete(bearer!);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && path === API.me) return send(res, 200, { user: signedIn.user });
    if (req.method === 'PUT' && path === API.myLanguage) {
      signedIn.user = { ...signedIn.user, language: body.language as Language };
      return send(res, 200, { user: signedIn.user });
    }
    if (req.method === 'GET' && path === API.adminUsers) {
      if (signedIn.user.role !== 'admin') return error(res, 403, 'FORBIDDEN', 'Only administrators can do this.');
      const list: AdminUser[] = [...users.values()].map(({ user }) => ({ ...user, disabled: false, createdAt: '2026-01-01T00:00:00.000Z' }));
      return send(res, 200, { users: list });
    }
    return error(res, 404, 'NOT_FOUND', 'No such route.');
  });

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  double.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return double;
}

import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED_PATHS } from '../../../electron/services/host-log';
import { createConsoleHost, type ConsoleHost } from '../../../electron/services/console-host';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import type { Role } from '../../../shared/domain/user';
import { tempDir } from '../../fixtures/processes';
import { startCentralServerDouble, type CentralServerDouble } from './central-server-double';

const ctx = { origin: 'http://127.0.0.1:1' };
const demo = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

describe('the console host against the central server', () => {
  let server: CentralServerDouble;
  let dir: { path: string; remove(): void };
  let host: ConsoleHost;
  let logLines: string[];
  let changes: unknown[];

  const open = (serverUrl = server.url) => {
    logLines = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const log = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    const opened = createConsoleHost({ dataDir: dir.path, serverUrl, hostKind: 'web', version: '1.0.0', log, requestTimeoutMs: 300 });
    changes = [];
    opened.events.subscribe((name, payload) => changes.push({ name, payload }));
    return opened;
  };
  const call = (name: string, input: unknown = {}) => host.registry.dispatch(name, input, ctx);
  const signIn = (role: Role) => call('session.signIn', { username: demo(role).username, password: demo(role).password });

  beforeEach(async () => {
    server = await startCentralServerDouble();
    dir = tempDir('console-host');
    host = open();
  });
  afterEach(async () => {
    await host.close();
    await server.close();
    dir.remove();
  });

  it('signs in, announces the person, and remembers their language for the sign-in screen', async () => {
    const before = await call('session.current');
    expect(before).toEqual({ ok: true, value: null });

    const result = await signIn('agent');
    expect(result).toMatchObject({ ok: true, value: { username: 'agent', role: 'agent', displayName: 'Maria Santos' } });
    expect(changes.filter((c) => (c as { name: string }).name === 'session.changed')).toEqual([{ name: 'session.changed', payload: expect.objectContaining({ username: 'agent' }) }]);
    expect(await call('session.current')).toMatchObject({ ok: true, value: { username: 'agent' } });
  });

  it('says "Wrong username or password." for bad credentials, and passes on rate limiting', async () => {
    expect(await call('session.signIn', { username: 'agent', password: 'nope' })).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' },
    });
    expect(await call('session.signIn', { username: 'limited', password: 'x' })).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Too many failed sign-in attempts. Try again in 2 minutes.' },
    });
    expect(changes).toEqual([]);
  });

  it('lists accounts for an admin and refuses other roles without ending their session', async () => {
    await signIn('agent');
    expect(await call('admin.listUsers')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('session.current')).toMatchObject({ ok: true, value: { username: 'agent' } });

    await call('session.signOut');
    await signIn('admin');
    const list = await call('admin.listUsers');
    expect(list.ok).toBe(true);
    if (list.ok) expect((list.value as { username: string }[]).map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
  });

  it('refuses server calls before sign-in', async () => {
    expect(await call('admin.listUsers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('saves a language choice locally and on the server for the signed-in person', async () => {
    expect(await call('settings.setLanguage', { language: 'fil' })).toEqual({ ok: true, value: 'fil' });
    expect(await call('app.language')).toEqual({ ok: true, value: 'fil' });
    expect(server.requests).toEqual([]); // nobody signed in: nothing to tell the server

    await signIn('supervisor');
    // Signing in brings the person's own language to this machine.
    expect(await call('app.language')).toEqual({ ok: true, value: 'en' });
    expect(await call('settings.setLanguage', { language: 'pt-BR' })).toEqual({ ok: true, value: 'pt-BR' });
    expect(server.languageOf('supervisor')).toBe('pt-BR');
    expect(changes.at(-1)).toEqual({ name: 'session.changed', payload: expect.objectContaining({ language: 'pt-BR' }) });
  });

  it('keeps a language chosen while the server is down and sends it after the next sign-in', async () => {
    await signIn('trainer');
    server.fault = 'drop';
    expect(await call('settings.setLanguage', { language: 'fil' })).toEqual({ ok: true, value: 'fil' });
    expect(server.languageOf('trainer')).toBe('en');
    expect(await call('session.current')).toMatchObject({ ok: true, value: { language: 'fil' } });

    server.fault = 'none';
    await host.close();
    host = open(); // the console restarted
    expect(await signIn('trainer')).toMatchObject({ ok: true, value: { language: 'fil' } });
    await expect.poll(() => server.languageOf('trainer')).toBe('fil');
  });

  it('ends the session here when the server no longer accepts the token', async () => {
    await signIn('admin');
    server.revokeAll();
    expect(await call('admin.listUsers')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('session.current')).toEqual({ ok: true, value: null });
    expect(changes.at(-1)).toEqual({ name: 'session.changed', payload: null });
  });

  it('signs out here and on the server', async () => {
    await signIn('agent');
    expect(await call('session.signOut')).toEqual({ ok: true, value: null });
    expect(await call('session.current')).toEqual({ ok: true, value: null });
    expect(changes.at(-1)).toEqual({ name: 'session.changed', payload: null });
    expect(server.requests).toContain('POST /api/v1/auth/logout');
  });

  it('signs out locally even when the server cannot be told', async () => {
    await signIn('agent');
    server.fault = 'drop';
    expect(await call('session.signOut')).toEqual({ ok: true, value: null });
    expect(await call('session.current')).toEqual({ ok: true, value: null });
  });

  it('reports an unreachable, slow, failing or foreign server as UNAVAILABLE with a clear message', async () => {
    const faults = [
      ['drop', /Cannot reach the Kalma server/],
      ['stall', /did not answer within/],
      ['http-500', /could not handle the request \(HTTP 500\)/],
      ['wrong-shape', /does not understand/],
    ] as const;
    for (const [fault, message] of faults) {
      server.fault = fault;
      const result = await signIn('agent');
      expect(result, fault).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      if (!result.ok) expect(result.error.message, fault).toMatch(message);
    }
    await host.close();
    host = open('http://127.0.0.1:9');
    expect(await signIn('agent')).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('127.0.0.1:9') } });
  });

  it('never writes a password or token into its log', async () => {
    await signIn('admin');
    await call('admin.listUsers');
    server.revokeAll();
    await call('admin.listUsers');
    await call('session.signIn', { username: 'agent', password: 'a-wrong-password-here' });
    const log = logLines.join('');
    expect(log).toContain('signed in');
    expect(log).not.toContain(demo('admin').password);
    expect(log).not.toContain('a-wrong-password-here');
    expect(log).not.toMatch(/Bearer|"token":"[A-Za-z0-9_-]{20,}/);
  });
});

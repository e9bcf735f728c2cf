import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebHost, type RunningWebHost } from '../../../electron/web/web-host';
import { createBridgeClient, type BridgeClient, type SocketLike } from '../../../renderer/src/host/bridge-client';
import type { ConnectionState } from '../../../renderer/src/host/host-client';
import { createIpcClient } from '../../../renderer/src/host/ipc-client';
import type { KalmaBridge } from '../../../shared/contract';
import { tempDir } from '../../fixtures/processes';
import { startCentralServerDouble, type CentralServerDouble } from './central-server-double';

/** Opens the launch URL the way a browser does and keeps the cookie it gets. */
function cookieFor(host: RunningWebHost): Promise<string> {
  const launch = new URL(host.launchUrl);
  return new Promise((resolve, reject) => {
    request({ host: launch.hostname, port: launch.port, path: `${launch.pathname}${launch.search}`, agent: false }, (res) => {
      res.resume();
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
      if (cookie) resolve(cookie);
      else reject(new Error(`no cookie (HTTP ${res.statusCode})`));
    })
      .on('error', reject)
      .end();
  });
}

describe("the renderer's host client over the web host bridge", () => {
  let dir: { path: string; remove(): void };
  let central: CentralServerDouble;
  let host: RunningWebHost;
  let cookie: string;
  let client: BridgeClient;
  let states: ConnectionState[];

  const start = async (port = 0) => {
    host = await startWebHost({ port, serverUrl: central.url, dataDir: join(dir.path, 'data'), rendererDir: join(dir.path, 'renderer'), version: '2.0.0' });
    cookie = await cookieFor(host);
  };
  // What a browser page does implicitly: its own origin and the host's cookie on the handshake.
  const connect = (url: string) => new WebSocket(url, { headers: { cookie, origin: host.url } }) as unknown as SocketLike;

  beforeEach(async () => {
    dir = tempDir('host-client');
    mkdirSync(join(dir.path, 'renderer'));
    writeFileSync(join(dir.path, 'renderer', 'index.html'), '<!doctype html>');
    central = await startCentralServerDouble();
    await start();
    client = createBridgeClient({ url: `${host.url.replace('http:', 'ws:')}/bridge`, connect, initialBackoffMs: 20, maxBackoffMs: 100, queueTimeoutMs: 2_000 });
    states = [];
    client.onConnection((state) => states.push(state));
  });

  afterEach(async () => {
    client.close();
    await host.close();
    await central.close();
    dir.remove();
  });

  it('connects on first use, sending calls made before the connection was open', async () => {
    const [info, language] = await Promise.all([client.invoke('app.info', {}), client.invoke('app.language', {})]);
    expect(info).toEqual({ ok: true, value: { host: 'web', version: '2.0.0', serverUrl: central.url } });
    expect(language).toEqual({ ok: true, value: 'en' });
    expect(states).toEqual(['closed', 'connecting', 'open']);
  });

  it('signs in through the host and hears session events', async () => {
    const heard: unknown[] = [];
    client.on('session.changed', (user) => heard.push(user?.username ?? null));
    expect(await client.invoke('session.signIn', { username: 'agent', password: 'wrong' })).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' },
    });
    expect(await client.invoke('session.signIn', { username: 'agent', password: 'agent-demo-2026' })).toMatchObject({
      ok: true,
      value: { username: 'agent' },
    });
    await client.invoke('session.signOut', {});
    await expect.poll(() => heard).toEqual(['agent', null]);
  });

  it('refuses unknown names and unsendable input without bothering the host', async () => {
    expect(await client.invoke('nope' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await client.invoke('settings.setLanguage', cyclic as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(() => client.on('nope' as never, () => {})).toThrow(TypeError);
    expect(states).toEqual(['closed']); // nothing above needed a connection
  });

  it('fails a call in flight with UNAVAILABLE when the host goes away, then reconnects when it is back', async () => {
    central.fault = 'stall'; // the sign-in will hang in the host
    const inFlight = client.invoke('session.signIn', { username: 'agent', password: 'agent-demo-2026' });
    await expect.poll(() => central.requests.length).toBe(1);
    const port = Number(new URL(host.url).port);
    await host.close();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(client.connection()).toBe('connecting');

    // A call made while the host is down waits for it.
    const waiting = client.invoke('app.language', {});
    central.fault = 'none';
    await start(port);
    expect(await waiting).toEqual({ ok: true, value: 'en' });
    expect(client.connection()).toBe('open');
  });

  it('gives up on a queued call when the host stays unreachable', async () => {
    const quick = createBridgeClient({ url: 'ws://127.0.0.1:9/bridge', connect, initialBackoffMs: 20, maxBackoffMs: 50, queueTimeoutMs: 200 });
    expect(await quick.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    quick.close();
  });
});

describe("the renderer's host client over Electron's preload", () => {
  const fakePreload = (answer: unknown): KalmaBridge & { emit(event: string, payload: unknown): void } => {
    const handlers = new Map<string, (payload: unknown) => void>();
    return {
      invoke: async () => answer as never,
      on: (event, handler) => {
        handlers.set(event, handler);
        return () => handlers.delete(event);
      },
      emit: (event, payload) => handlers.get(event)?.(payload),
    };
  };

  it('checks what the host answers against the contract', async () => {
    expect(await createIpcClient(fakePreload({ ok: true, value: 'fil' })).invoke('app.language', {})).toEqual({ ok: true, value: 'fil' });
    expect(await createIpcClient(fakePreload({ ok: true, value: 'xx' })).invoke('app.language', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(await createIpcClient(fakePreload('garbage')).invoke('app.language', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers only events whose payload matches the contract', () => {
    const preload = fakePreload(null);
    const heard: unknown[] = [];
    const client = createIpcClient(preload);
    client.on('session.changed', (user) => heard.push(user));
    const error = console.error;
    console.error = () => {};
    try {
      preload.emit('session.changed', { not: 'a user' });
    } finally {
      console.error = error;
    }
    preload.emit('session.changed', null);
    expect(heard).toEqual([null]);
  });
});

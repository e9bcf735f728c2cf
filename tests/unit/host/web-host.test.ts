import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { MAX_FRAME_BYTES } from '../../../shared/contract/wire';
import { resolveInside } from '../../../electron/services/renderer-files';
import { startWebHost, type RunningWebHost } from '../../../electron/web/web-host';
import { tempDir } from '../../fixtures/processes';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP GET: no redirect following and no path normalization, unlike fetch. */
function get(origin: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Opened = { socket: WebSocket } | { refused: number };

/** Opens the bridge as a page would, or reports the status the host refused the upgrade with. */
function openBridge(origin: string, headers: Record<string, string>): Promise<Opened> {
  const url = `${origin.replace('http:', 'ws:')}/bridge`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      req.destroy();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Sends one raw frame and resolves with the next frame the host sends back. */
function exchange(socket: WebSocket, frame: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>));
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  });
}

describe('the web host', () => {
  let dir: { path: string; remove(): void };
  let host: RunningWebHost;
  let cookie: string;
  let secret: string;

  beforeAll(async () => {
    dir = tempDir('web-host');
    const rendererDir = join(dir.path, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Kalma</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("kalma")');
    // Something worth stealing right next to the renderer folder.
    writeFileSync(join(dir.path, 'secret.txt'), 'not for pages');
    // Port 9 (discard) on loopback: nothing answers, and these calls need no server.
    host = await startWebHost({ port: 0, serverUrl: 'http://127.0.0.1:9', dataDir: join(dir.path, 'data'), rendererDir, version: '9.9.9' });
    secret = new URL(host.launchUrl).searchParams.get('k') ?? '';
  });

  afterAll(async () => {
    await host?.close();
    dir?.remove();
  });

  it('listens on loopback only and prints a launch URL with a strong secret', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.launchUrl.startsWith(`${host.url}/?k=`)).toBe(true);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });

  it('turns away a browser without the cookie, with a page saying what to open', async () => {
    const answer = await get(host.url, '/');
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('Open the address the host printed');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await get(host.url, '/assets/app.js')).status).toBe(401);
  });

  it('refuses a wrong launch secret', async () => {
    const wrong = await get(host.url, `/?k=${'A'.repeat(secret.length)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect((await get(host.url, '/?k=')).status).toBe(401);
  });

  it('exchanges the right secret for a strict HttpOnly cookie and takes it out of the address bar', async () => {
    const answer = await get(host.url, `/?k=${secret}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toBe(`kalma_host=${secret}; HttpOnly; SameSite=Strict; Path=/`);
    cookie = setCookie.split(';')[0]!;
  });

  it('serves the console with the security headers once the cookie is there', async () => {
    const index = await get(host.url, '/', { cookie });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Kalma</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['cache-control']).toBe('no-store');

    const script = await get(host.url, '/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await get(host.url, '/assets/missing.js', { cookie })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/assets']) {
      const answer = await get(host.url, path, { cookie });
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('not for pages');
    }
  });

  it('answers only to its own loopback address (no DNS rebinding) and only GET/HEAD', async () => {
    const port = new URL(host.url).port;
    expect((await get(host.url, '/', { cookie, host: `evil.example:${port}` })).status).toBe(421);
    expect((await get(host.url, '/', { cookie }, 'POST')).status).toBe(405);
  });

  it('refuses a bridge connection without the cookie', async () => {
    expect(await openBridge(host.url, { origin: host.url })).toEqual({ refused: 401 });
    expect(await openBridge(host.url, { origin: host.url, cookie: 'kalma_host=guess' })).toEqual({ refused: 401 });
  });

  it('refuses a bridge connection from another site, even with the cookie', async () => {
    expect(await openBridge(host.url, { cookie, origin: 'http://evil.example' })).toEqual({ refused: 403 });
    expect(await openBridge(host.url, { cookie, origin: host.url.replace('127.0.0.1', 'localhost') })).toEqual({ refused: 403 });
    expect(await openBridge(host.url, { cookie })).toEqual({ refused: 403 });
  });

  it('carries contract calls for its own page, with typed failures for bad ones', async () => {
    const opened = await openBridge(host.url, { cookie, origin: host.url });
    if (!('socket' in opened)) throw new Error(`refused with ${opened.refused}`);
    const { socket } = opened;

    expect(await exchange(socket, { type: 'call', id: 1, name: 'app.info', input: {} })).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: { host: 'web', version: '9.9.9', serverUrl: 'http://127.0.0.1:9' } },
    });
    expect(await exchange(socket, { type: 'call', id: 2, name: 'nope', input: {} })).toMatchObject({
      id: 2,
      result: { ok: false, error: { code: 'UNKNOWN_CALL' } },
    });
    expect(await exchange(socket, { type: 'call', id: 3, name: 'settings.setLanguage', input: { language: 'klingon' } })).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'language' }] } },
    });
    // A frame that is not a call frame, but has an id: the reply names it.
    expect(await exchange(socket, { type: 'call', id: 4 })).toMatchObject({ id: 4, result: { ok: false, error: { code: 'INVALID_INPUT' } } });

    // Garbage gets an explanation (id 0), and the same connection keeps working.
    expect(await exchange(socket, '{"type":"call", oops')).toMatchObject({ id: 0, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await exchange(socket, 'null')).toMatchObject({ id: 0, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await exchange(socket, { type: 'call', id: 5, name: 'app.language', input: {} })).toEqual({
      type: 'result',
      id: 5,
      result: { ok: true, value: 'en' },
    });
    socket.close();
  });

  it('closes a connection that sends an oversized frame, and keeps serving others', async () => {
    const opened = await openBridge(host.url, { cookie, origin: host.url });
    if (!('socket' in opened)) throw new Error(`refused with ${opened.refused}`);
    const closed = new Promise<number>((resolve) => opened.socket.once('close', (code) => resolve(code)));
    opened.socket.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);

    const again = await openBridge(host.url, { cookie, origin: host.url });
    if (!('socket' in again)) throw new Error(`refused with ${again.refused}`);
    expect(await exchange(again.socket, { type: 'call', id: 1, name: 'app.language', input: {} })).toMatchObject({ result: { ok: true } });
    again.socket.close();
  });

  it('pushes host events to every connected page', async () => {
    const pages = await Promise.all([openBridge(host.url, { cookie, origin: host.url }), openBridge(host.url, { cookie, origin: host.url })]);
    const sockets = pages.map((p) => {
      if (!('socket' in p)) throw new Error('refused');
      return p.socket;
    });
    const heard = sockets.map((s) => new Promise((resolve) => s.once('message', (data) => resolve(JSON.parse(String(data))))));
    host.consoleHost.events.emit('session.changed', null);
    expect(await Promise.all(heard)).toEqual([
      { type: 'event', name: 'session.changed', payload: null },
      { type: 'event', name: 'session.changed', payload: null },
    ]);
    sockets.forEach((s) => s.close());
  });
});

describe('mapping page paths to renderer files', () => {
  it('stays inside the renderer folder however the path is spelled', () => {
    const root = '/srv/kalma/renderer';
    expect(resolveInside(root, '/')).toBe('/srv/kalma/renderer/index.html');
    expect(resolveInside(root, '/assets/app.js')).toBe('/srv/kalma/renderer/assets/app.js');
    expect(resolveInside(root, '/assets/a%20b.js')).toBe('/srv/kalma/renderer/assets/a b.js');
    for (const path of ['/../secret', '/%2e%2e/secret', '/..%2fsecret', '/a/../../secret', '/%2e%2e%5csecret/..', '/%E0%A4%A', '/x%00.js', '/..']) {
      expect(resolveInside(root, path), path).toBeNull();
    }
  });
});

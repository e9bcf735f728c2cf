import { createHmac } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, LoginResponse } from '../../../shared/api/auth';
import { DEMO_ACCOUNTS } from '../../../shared/domain/demo-accounts';
import { SIP_API } from '../../../shared/phone/provisioning-api';
import { SipProvisioning } from '../../../shared/sip/provisioning';
import { startServer, type RunningServer } from '../../../server/app';
import { sipConfigFromEnv, type SipConfig } from '../../../server/sip/config';
import { PhoneClient } from '../../../electron/services/phone/phone-client';

// The phone's provisioning, end to end on real parts: the central server's route on an in-memory
// database, and the host's PhoneClient that the console's 'phone.provisioning' call uses.

const SECRET = 'a-shared-secret-of-some-length';
const sip: SipConfig = {
  secret: SECRET,
  wsServers: ['ws://127.0.0.1:5080', 'wss://sip.example.com/ws'],
  domain: 'kalma.local',
  iceServers: [],
  turn: null,
  credentialTtlSeconds: 8 * 3600,
};

let withPhone: RunningServer;
let withoutPhone: RunningServer;
const agent = DEMO_ACCOUNTS.find((account) => account.role === 'agent')!;
const trainer = DEMO_ACCOUNTS.find((account) => account.role === 'trainer')!;

async function signIn(server: RunningServer, account: { username: string; password: string }): Promise<string> {
  const response = await fetch(`${server.url}${API.login}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  return LoginResponse.parse(await response.json()).token;
}

beforeAll(async () => {
  [withPhone, withoutPhone] = await Promise.all([
    startServer({ demo: true, logLevel: 'silent', sip }),
    startServer({ demo: true, logLevel: 'silent', sip: null }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([withPhone?.close(), withoutPhone?.close()]);
});

describe('GET /api/v1/sip/provisioning', () => {
  it('gives a signed-in agent their SIP identity and a credential the SIP server can check', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await new PhoneClient({ serverUrl: withPhone.url }).provisioning(await signIn(withPhone, agent));
    if (result.status !== 'ready') throw new Error('expected a phone');
    const p = result.provisioning;
    expect(p.uri).toBe(`sip:${agent.username}@kalma.local`);
    expect(p.wsServers).toEqual(sip.wsServers);
    expect(p.iceServers).toEqual([]);
    const [expiry, user] = p.authorizationUser.split(':');
    expect(user).toBe(agent.username);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 8 * 3600);
    expect(Date.parse(p.expiresAt)).toBe(Number(expiry) * 1000);
    // Kamailio's auth_ephemeral computes exactly this from the shared secret.
    expect(p.password).toBe(createHmac('sha1', SECRET).update(p.authorizationUser).digest('base64'));
  });

  it('serves any signed-in role, never caches, and refuses anyone without a session', async () => {
    const token = await signIn(withPhone, trainer);
    const response = await fetch(`${withPhone.url}${SIP_API.provisioning}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(SipProvisioning.parse(await response.json()).uri).toBe(`sip:${trainer.username}@kalma.local`);

    expect((await fetch(`${withPhone.url}${SIP_API.provisioning}`)).status).toBe(401);
    await expect(new PhoneClient({ serverUrl: withPhone.url }).provisioning('x'.repeat(43))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('says "not configured" (503 SIP_NOT_CONFIGURED) when the server has no phone system, and the host reads it as such', async () => {
    const token = await signIn(withoutPhone, agent);
    const response = await fetch(`${withoutPhone.url}${SIP_API.provisioning}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'SIP_NOT_CONFIGURED' } });
    expect(await new PhoneClient({ serverUrl: withoutPhone.url }).provisioning(token)).toEqual({ status: 'not-configured' });
  });
});

describe('the host’s phone client facing a server that misbehaves', () => {
  let garbage: Server;
  let url = '';
  let reply: (res: ServerResponse) => void = () => {};
  beforeAll(async () => {
    garbage = createServer((_req, res) => reply(res));
    await new Promise<void>((done) => garbage.listen(0, '127.0.0.1', done));
    const address = garbage.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => new Promise<void>((done) => garbage.close(() => done())));

  it.each([
    ['an HTML error page', (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>proxy</h1>')],
    ['JSON of another shape', (res: ServerResponse) => res.writeHead(200).end(JSON.stringify({ uri: 'sip:x@y', password: '' }))],
    ['a 503 for another reason', (res: ServerResponse) => res.writeHead(503).end('{"error":{"code":"UNAVAILABLE","message":"db down"}}')],
    ['a 500', (res: ServerResponse) => res.writeHead(500).end()],
  ])('%s is UNAVAILABLE with a sentence to show, never a crash', async (_, answer) => {
    reply = answer;
    const failure = await new PhoneClient({ serverUrl: url }).provisioning('t').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE' });
    expect((failure as Error).message).toMatch(/Kalma server/);
  });

  it('a server that never answers is UNAVAILABLE within the timeout', async () => {
    reply = () => {};
    const failure = await new PhoneClient({ serverUrl: url, timeoutMs: 200 }).provisioning('t').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('did not answer') });
  });
});

describe('SIP configuration from the environment', () => {
  it('is off without the settings, complete with them', () => {
    expect(sipConfigFromEnv({})).toBeNull();
    expect(sipConfigFromEnv({ KALMA_SIP_SECRET: '', KALMA_SIP_WS_URLS: ' ' })).toBeNull();
    expect(sipConfigFromEnv({ KALMA_SIP_SECRET: SECRET, KALMA_SIP_WS_URLS: 'ws://127.0.0.1:5080, wss://pbx.example.com/ws' })).toMatchObject({
      wsServers: ['ws://127.0.0.1:5080', 'wss://pbx.example.com/ws'],
      domain: 'kalma.local',
      iceServers: [],
      turn: null,
      credentialTtlSeconds: 8 * 3600,
    });
  });

  it('mints TURN credentials the coturn way when TURN is configured', () => {
    const config = sipConfigFromEnv({
      KALMA_SIP_SECRET: SECRET,
      KALMA_SIP_WS_URLS: 'wss://pbx.example.com/ws',
      KALMA_SIP_STUN_URLS: 'stun:stun.example.com:3478',
      KALMA_SIP_TURN_URLS: 'turn:turn.example.com:3478?transport=udp',
      KALMA_SIP_TURN_SECRET: 'another-shared-secret',
    });
    expect(config?.iceServers).toEqual([{ urls: ['stun:stun.example.com:3478'] }]);
    expect(config?.turn).toEqual({ urls: ['turn:turn.example.com:3478?transport=udp'], secret: 'another-shared-secret' });
  });

  it.each([
    [{ KALMA_SIP_SECRET: SECRET }, /KALMA_SIP_WS_URLS is required/],
    [{ KALMA_SIP_WS_URLS: 'ws://127.0.0.1:5080' }, /KALMA_SIP_SECRET is required/],
    [{ KALMA_SIP_SECRET: 'short', KALMA_SIP_WS_URLS: 'ws://127.0.0.1:5080' }, /KALMA_SIP_SECRET at least 16/],
    [{ KALMA_SIP_SECRET: SECRET, KALMA_SIP_WS_URLS: 'http://127.0.0.1:5080' }, /KALMA_SIP_WS_URLS/],
    [{ KALMA_SIP_SECRET: `${SECRET}"`, KALMA_SIP_WS_URLS: 'ws://x' }, /no quotes/],
    [{ KALMA_SIP_SECRET: SECRET, KALMA_SIP_WS_URLS: 'ws://x', KALMA_SIP_TURN_URLS: 'turn:t.example.com' }, /KALMA_SIP_TURN_SECRET is required/],
  ])('refuses half or wrong settings at start-up: %j', (env, message) => {
    expect(() => sipConfigFromEnv(env)).toThrow(message);
  });

  it('stops the server from starting, with the reason', async () => {
    const previous = { ...process.env };
    process.env.KALMA_SIP_SECRET = SECRET;
    delete process.env.KALMA_SIP_WS_URLS;
    try {
      await expect(startServer({ logLevel: 'silent' })).rejects.toThrow(/invalid SIP configuration: KALMA_SIP_WS_URLS/);
    } finally {
      process.env = previous;
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { startServer } from '../../../server/app';
import { backends, countRows, errorOf, freshDatabase, request, signIn, startTestServer, type Database, type Reply, type TestServer } from './harness';

// Short delays keep the suite quick; the limits themselves are the production ones except the
// per-address limit, lowered so a test can reach it.
const LIMITS = { baseDelayMs: 50, maxDelayMs: 400, ipMaxFailures: 8 };

describe.each(backends)('sign-in rate limiting (%s)', (backend) => {
  let database: Database;
  let t: TestServer;

  // trustProxy lets each test speak from its own client address through X-Forwarded-For, the way
  // a load balancer reports agents' addresses.
  const attempt = (username: string, password: string, ip: string): Promise<Reply> =>
    request(t.url, 'POST', API.login, { json: { username, password }, headers: { 'x-forwarded-for': ip } });

  async function failTimes(n: number, username: string, ip: (i: number) => string): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      const reply = await attempt(username, `wrong-guess-${i}`, ip(i));
      expect(reply.status, `failure ${i + 1} for ${username}: ${reply.text}`).toBe(401);
    }
  }

  function expectLimited(reply: Reply): number {
    expect(reply.status, reply.text).toBe(429);
    const header = reply.headers.get('retry-after');
    expect(header).toMatch(/^\d+$/);
    const seconds = Number(header);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    const error = errorOf(reply);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Too many failed sign-in attempts\. Try again in (a minute|\d+ minutes)\.$/);
    expect(error.retryAfterSeconds).toBe(seconds);
    return seconds;
  }

  beforeAll(async () => {
    database = await freshDatabase(backend);
    t = await startTestServer(backend, { trustProxy: true, rateLimit: LIMITS }, database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('refuses the 6th attempt after 5 failures with 429 and Retry-After, even with the right password', async () => {
    await failTimes(5, 'supervisor', () => '10.0.1.1');
    const sessionsBefore = await countRows(t.db, 'sessions');
    const seconds = expectLimited(await attempt('supervisor', 'supervisor-demo-2026', '10.0.1.1'));
    expect(seconds).toBeGreaterThan(14 * 60); // the window is 15 minutes from the 5th failure
    expect(await countRows(t.db, 'sessions')).toBe(sessionsBefore);

    // Locking one username does not lock a colleague at the same address.
    await signIn(t.url, 'agent', 'agent-demo-2026', { 'x-forwarded-for': '10.0.1.1' });
  });

  it('limits an unknown username the same way, so the limit does not reveal who exists', async () => {
    await failTimes(5, 'ghost.user', () => '10.0.1.2');
    const reply = await attempt('ghost.user', 'another-guess', '10.0.1.2');
    expectLimited(reply);
  });

  it('counts a username’s failures from every address together', async () => {
    await failTimes(5, 'trainer', (i) => `10.0.2.${i + 1}`);
    expectLimited(await attempt('trainer', 'trainer-demo-2026', '10.0.2.99'));
  });

  it('lets no more than 5 of a burst of parallel guesses through to the password check', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt('burst.target', `parallel-${i}`, '10.0.7.1')));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('answers each further failure more slowly', async () => {
    const took: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const started = performance.now();
      expect((await attempt('slow.guess', `guess-${i}`, '10.0.4.1')).status).toBe(401);
      took.push(performance.now() - started);
    }
    // The delay before the n-th failure's answer is 50·2^(n-1) ms, capped at 400.
    [50, 100, 200, 400].forEach((delay, i) => expect(took[i]).toBeGreaterThanOrEqual(delay - 5));
    expect(took[3]).toBeGreaterThan(took[0] ?? Infinity);
  });

  it('resets the username’s counter on a successful sign-in', async () => {
    await failTimes(4, 'admin', () => '10.0.5.1');
    await signIn(t.url, 'admin', 'admin-demo-2026', { 'x-forwarded-for': '10.0.5.1' });
    await failTimes(4, 'admin', () => '10.0.5.1');
    // Without the reset this would be the 9th failure in the window and be refused.
    await signIn(t.url, 'admin', 'admin-demo-2026', { 'x-forwarded-for': '10.0.5.1' });
  });

  it('limits one address trying many usernames', async () => {
    for (let i = 0; i < LIMITS.ipMaxFailures; i += 1) await failTimes(1, `spray-${i}`, () => '10.0.3.1');
    expectLimited(await attempt('agent', 'agent-demo-2026', '10.0.3.1'));
    // The same person from another address is not affected.
    await signIn(t.url, 'agent', 'agent-demo-2026', { 'x-forwarded-for': '10.0.3.2' });
  });

  it.runIf(backend === 'postgres')('shares the count between two server instances on one database', async () => {
    const second = await startServer({ ...database.options, trustProxy: true, rateLimit: LIMITS, logLevel: 'silent' });
    try {
      const at = (url: string, password: string) =>
        request(url, 'POST', API.login, { json: { username: 'shared.guess', password }, headers: { 'x-forwarded-for': '10.0.6.1' } });
      for (const url of [t.url, second.url, t.url, second.url, t.url]) expect((await at(url, 'wrong')).status).toBe(401);
      expectLimited(await at(second.url, 'wrong'));
      expectLimited(await at(t.url, 'wrong'));
    } finally {
      await second.close();
    }
  });
});

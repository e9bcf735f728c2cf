import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { backends, request, signIn, startTestServer, type TestServer } from './harness';

describe.each(backends)('server logs (%s)', (backend) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('record sign-ins without the password or the token', async () => {
    const { token } = await signIn(t.url, 'agent', 'agent-demo-2026');
    await request(t.url, 'GET', API.me, { token });
    await request(t.url, 'POST', API.login, { json: { username: 'agent', password: 'Typo-Secret-991' } });
    // A broken body that holds a password: JSON parsers quote the text near the error.
    await request(t.url, 'POST', API.login, { raw: '{"username":"agent","password":"agent-demo-2026" oops}' });
    await request(t.url, 'POST', API.logout, { token });

    const text = t.logs.join('');
    // The requests were logged, so the absence below means something.
    const records = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((r) => r.msg === 'incoming request').length).toBeGreaterThanOrEqual(5);
    expect(records.some((r) => r.msg === 'signed in')).toBe(true);
    expect(records.some((r) => r.msg === 'sign-in failed' && r.username === 'agent')).toBe(true);
    expect(records.some((r) => r.msg === 'signed out')).toBe(true);

    expect(text).not.toContain('agent-demo-2026');
    expect(text).not.toContain('Typo-Secret-991');
    expect(text).not.toContain(token);
  });

  it('censor credentials even where code logs them by mistake', () => {
    const before = t.logs.length;
    t.server.app.log.info(
      {
        req: { headers: { authorization: 'Bearer leaked-bearer-token', cookie: 'sid=leaked-cookie' } },
        password: 'leaked-password',
        body: { password: 'leaked-nested-password', token: 'leaked-nested-token' },
      },
      'careless record',
    );
    const line = t.logs.slice(before).join('');
    expect(line).toContain('careless record');
    expect(line).toContain('[redacted]');
    expect(line).not.toMatch(/leaked-/);
  });
});

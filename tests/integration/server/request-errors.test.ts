import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { backends, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

describe.each(backends)('requests the server refuses (%s)', (backend) => {
  let t: TestServer;
  let agentToken: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    agentToken = (await signIn(t.url, 'agent', 'agent-demo-2026')).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says so when the body is not JSON, without echoing it back', async () => {
    const reply = await request(t.url, 'POST', API.login, { raw: '{"username":"agent","password":"agent-demo-2026"' });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toEqual({ code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' });
    expect(reply.text).not.toContain('agent-demo-2026');
  });

  it('names an unknown field', async () => {
    const reply = await request(t.url, 'POST', API.login, { json: { username: 'agent', password: 'agent-demo-2026', remember: true } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toEqual({
      code: 'INVALID_INPUT',
      message: 'Invalid request: remember: Unknown field.',
      issues: [{ path: 'remember', message: 'Unknown field.' }],
    });
  });

  it('names a field of the wrong type', async () => {
    const reply = await request(t.url, 'PUT', API.myLanguage, { token: agentToken, json: { language: 42 } });
    expect(reply.status).toBe(400);
    const error = errorOf(reply);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/^Invalid request: language: /);
    expect(error.issues).toEqual([{ path: 'language', message: expect.any(String) }]);

    const missing = await request(t.url, 'POST', API.login, { json: { username: 'agent' } });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).issues?.map((i) => i.path)).toEqual(['password']);
  });

  it('refuses a body over 256 KiB with 413', async () => {
    const reply = await request(t.url, 'POST', API.login, { json: { username: 'agent', password: 'x'.repeat(300 * 1024) } });
    expect(reply.status).toBe(413);
    expect(errorOf(reply)).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the 256 KiB the server accepts.' });
  });

  it('asks for JSON when the body is something else', async () => {
    const reply = await request(t.url, 'POST', API.login, { raw: 'username=agent', contentType: 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(415);
    expect(errorOf(reply).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown path with 404 in the same error shape', async () => {
    const reply = await request(t.url, 'GET', '/api/v1/nothing-here');
    expect(reply.status).toBe(404);
    expect(errorOf(reply)).toEqual({ code: 'NOT_FOUND', message: 'There is no GET /api/v1/nothing-here on this server.' });
  });

  // Last: it takes the database away from this server.
  it('keeps internals out of the reply when the database is gone', async () => {
    await t.db.close();
    const health = await request(t.url, 'GET', API.health);
    expect(health.status).toBe(503);
    expect(errorOf(health)).toEqual({ code: 'UNAVAILABLE', message: 'The server cannot reach its database.' });

    const reply = await request(t.url, 'GET', API.me, { token: agentToken });
    expect(reply.status).toBe(500);
    expect(errorOf(reply)).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong on the Kalma server. Try again; if it keeps happening, tell your administrator.',
    });
    expect(reply.text).not.toMatch(/ at |\.ts|sessions|SELECT|pool|PGlite/i);
    // The fault is in the server's log, with its stack, for whoever runs it.
    expect(t.logs.some((line) => line.includes('"request failed"') && line.includes('"stack"'))).toBe(true);
  });
});

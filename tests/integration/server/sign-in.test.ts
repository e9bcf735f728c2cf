import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, MeResponse } from '../../../shared/api/auth';
import { DEMO_ACCOUNTS, DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import { backends, countRows, errorOf, request, signIn, startTestServer, tokenHash, type TestServer } from './harness';

const HOUR = 60 * 60 * 1000;

describe.each(backends)('signing in and out (%s)', (backend) => {
  let t: TestServer;

  beforeAll(async () => {
    // A one-hour session instead of the 12 h default shows the option is honoured.
    t = await startTestServer(backend, { sessionTtlMs: HOUR });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in every demo account with its role, team and language', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const reply = await signIn(t.url, account.username, account.password);
      expect(reply.user).toMatchObject({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        language: account.language,
        teams: [DEMO_TEAM],
      });
      expect(reply.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const me = await request(t.url, 'GET', API.me, { token: reply.token });
      expect(me.status).toBe(200);
      expect(MeResponse.parse(me.body).user.id).toBe(reply.user.id);
    }
  });

  it('treats the username case-insensitively', async () => {
    const reply = await signIn(t.url, 'AGENT', 'agent-demo-2026');
    expect(reply.user.username).toBe('agent');
  });

  it('issues sessions that expire after the configured time, storing only the token hash', async () => {
    const before = Date.now();
    const reply = await signIn(t.url, 'trainer', 'trainer-demo-2026');
    const expiresAt = Date.parse(reply.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + HOUR - 5_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + HOUR + 5_000);

    const stored = await t.db.query<{ token_hash: string }>(
      'SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.id = $1',
      [reply.user.id],
    );
    expect(stored.rows.map((r) => r.token_hash)).toContain(tokenHash(reply.token));
    const leaked = await t.db.query("SELECT 1 FROM sessions WHERE token_hash = $1 OR id = $1", [reply.token]);
    expect(leaked.rows).toHaveLength(0);
  });

  it('answers a wrong password, an unknown user and a disabled account identically, creating no session', async () => {
    await t.db.query(
      `INSERT INTO users (id, username, display_name, role, language, password_hash, disabled)
       SELECT 'disabled-1', 'former.agent', 'Former Agent', 'agent', 'en', password_hash, true FROM users WHERE username = 'agent'`,
    );
    const sessionsBefore = await countRows(t.db, 'sessions');

    const wrongPassword = await request(t.url, 'POST', API.login, { json: { username: 'supervisor', password: 'not-the-password' } });
    const unknownUser = await request(t.url, 'POST', API.login, { json: { username: 'nobody.here', password: 'not-the-password' } });
    // The disabled account has the agent's real password: it still must not get in.
    const disabled = await request(t.url, 'POST', API.login, { json: { username: 'former.agent', password: 'agent-demo-2026' } });

    for (const reply of [wrongPassword, unknownUser, disabled]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' } });
      expect(reply.headers.get('content-type')).toBe(wrongPassword.headers.get('content-type'));
    }
    expect(wrongPassword.text).toBe(unknownUser.text);
    expect(await countRows(t.db, 'sessions')).toBe(sessionsBefore);
  });

  it('revokes the token on sign-out, leaving the same person’s other sessions alive', async () => {
    const first = await signIn(t.url, 'supervisor', 'supervisor-demo-2026');
    const second = await signIn(t.url, 'supervisor', 'supervisor-demo-2026');

    const out = await request(t.url, 'POST', API.logout, { token: first.token });
    expect(out.status).toBe(204);

    const after = await request(t.url, 'GET', API.me, { token: first.token });
    expect(after.status).toBe(401);
    expect(errorOf(after).code).toBe('UNAUTHENTICATED');
    expect((await request(t.url, 'POST', API.logout, { token: first.token })).status).toBe(401);
    expect((await request(t.url, 'GET', API.me, { token: second.token })).status).toBe(200);

    const revoked = await t.db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM sessions WHERE token_hash = $1', [tokenHash(first.token)]);
    expect(revoked.rows[0]?.revoked_at).toBeInstanceOf(Date);
  });

  it('refuses an expired session', async () => {
    const { token } = await signIn(t.url, 'agent', 'agent-demo-2026');
    expect((await request(t.url, 'GET', API.me, { token })).status).toBe(200);
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [tokenHash(token)]);

    const expired = await request(t.url, 'GET', API.me, { token });
    expect(expired.status).toBe(401);
    expect(errorOf(expired)).toEqual({ code: 'UNAUTHENTICATED', message: 'Your session has ended. Sign in again.' });
  });

  it('keeps ended sessions for 30 days, then clears them at a later sign-in', async () => {
    const { user } = await signIn(t.url, 'agent', 'agent-demo-2026');
    await t.db.query(
      `INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at) VALUES
         ('old-1', 'hash-old-1', $1, now() - interval '40 days', now() - interval '31 days'),
         ('recent-1', 'hash-recent-1', $1, now() - interval '2 days', now() - interval '1 day')`,
      [user.id],
    );
    await signIn(t.url, 'supervisor', 'supervisor-demo-2026');
    const left = await t.db.query<{ id: string }>("SELECT id FROM sessions WHERE id IN ('old-1', 'recent-1')");
    expect(left.rows.map((r) => r.id)).toEqual(['recent-1']);
  });

  it('ends the sessions of an account that is disabled', async () => {
    const { token, user } = await signIn(t.url, 'trainer', 'trainer-demo-2026');
    await t.db.query('UPDATE users SET disabled = true WHERE id = $1', [user.id]);
    try {
      expect((await request(t.url, 'GET', API.me, { token })).status).toBe(401);
    } finally {
      await t.db.query('UPDATE users SET disabled = false WHERE id = $1', [user.id]);
    }
  });

  it('refuses missing, malformed and made-up tokens', async () => {
    const none = await request(t.url, 'GET', API.me);
    expect(none.status).toBe(401);
    expect(errorOf(none)).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });

    const basic = await request(t.url, 'GET', API.me, { headers: { authorization: 'Basic YWdlbnQ6YWdlbnQ=' } });
    expect(basic.status).toBe(401);

    const madeUp = await request(t.url, 'GET', API.me, { token: 'A'.repeat(43) });
    expect(madeUp.status).toBe(401);
    expect(errorOf(madeUp).code).toBe('UNAUTHENTICATED');
  });

  it('reports health with the database it runs on', async () => {
    const reply = await request(t.url, 'GET', API.health);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok', db: backend });
  });
});

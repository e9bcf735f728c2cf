import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUserList, API, CreateUserResponse, MeResponse } from '../../../shared/api/auth';
import { DEMO_ACCOUNTS, DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import { installAccessControl, PUBLIC } from '../../../server/auth/require-role';
import type { Db } from '../../../server/db/db';
import { backends, countRows, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

describe.each(backends)('accounts and roles (%s)', (backend) => {
  let t: TestServer;
  const tokens: Record<'agent' | 'supervisor' | 'trainer' | 'admin', string> = { agent: '', supervisor: '', trainer: '', admin: '' };

  beforeAll(async () => {
    t = await startTestServer(backend);
    for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
      tokens[role] = (await signIn(t.url, role, `${role}-demo-2026`)).token;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets only admins list accounts', async () => {
    for (const role of ['agent', 'supervisor', 'trainer'] as const) {
      const reply = await request(t.url, 'GET', API.adminUsers, { token: tokens[role] });
      expect(reply.status, role).toBe(403);
      expect(errorOf(reply).code).toBe('FORBIDDEN');
      expect(errorOf(reply).message).toContain('admin');
    }
    expect((await request(t.url, 'GET', API.adminUsers)).status).toBe(401);

    const reply = await request(t.url, 'GET', API.adminUsers, { token: tokens.admin });
    expect(reply.status).toBe(200);
    const { users } = AdminUserList.parse(reply.body);
    expect(users.map((u) => u.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(users.every((u) => !u.disabled && !Number.isNaN(Date.parse(u.createdAt)))).toBe(true);
    expect(reply.text).not.toContain('scrypt');
  });

  it('lets an admin create an account that can then sign in', async () => {
    const reply = await request(t.url, 'POST', API.adminUsers, {
      token: tokens.admin,
      json: { username: 'Joana.Silva', displayName: 'Joana Silva', password: 'a-long-password-1', role: 'agent', language: 'pt-BR', teamIds: [DEMO_TEAM.id] },
    });
    expect(reply.status, reply.text).toBe(201);
    const { user } = CreateUserResponse.parse(reply.body);
    expect(user).toMatchObject({ username: 'Joana.Silva', role: 'agent', language: 'pt-BR', teams: [DEMO_TEAM], disabled: false });

    const session = await signIn(t.url, 'joana.silva', 'a-long-password-1');
    expect(session.user.id).toBe(user.id);
  });

  it('refuses a username that differs from an existing one only in case', async () => {
    const reply = await request(t.url, 'POST', API.adminUsers, {
      token: tokens.admin,
      json: { username: 'SUPERVISOR', displayName: 'Second Jose', password: 'a-long-password-2', role: 'supervisor' },
    });
    expect(reply.status).toBe(409);
    expect(errorOf(reply)).toMatchObject({ code: 'CONFLICT', message: 'The username "SUPERVISOR" is taken.' });
  });

  it('points at the team that does not exist, creating nothing', async () => {
    const usersBefore = await countRows(t.db, 'users');
    const reply = await request(t.url, 'POST', API.adminUsers, {
      token: tokens.admin,
      json: { username: 'lost.agent', displayName: 'Lost', password: 'a-long-password-3', role: 'agent', teamIds: [DEMO_TEAM.id, 'team-nowhere'] },
    });
    expect(reply.status).toBe(400);
    expect(errorOf(reply)).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'teamIds.1', message: 'No team has this id.' }] });
    expect(await countRows(t.db, 'users')).toBe(usersBefore);
  });

  it('checks new accounts against the shared schema', async () => {
    const reply = await request(t.url, 'POST', API.adminUsers, {
      token: tokens.admin,
      json: { username: 'has space', displayName: 'X', password: 'short', role: 'boss' },
    });
    expect(reply.status).toBe(400);
    const paths = errorOf(reply).issues?.map((i) => i.path).sort();
    expect(paths).toEqual(['password', 'role', 'username']);
  });

  it('does not let a non-admin create accounts', async () => {
    const usersBefore = await countRows(t.db, 'users');
    const reply = await request(t.url, 'POST', API.adminUsers, {
      token: tokens.supervisor,
      json: { username: 'sneaky', displayName: 'Sneaky', password: 'a-long-password-4', role: 'admin' },
    });
    expect(reply.status).toBe(403);
    expect(await countRows(t.db, 'users')).toBe(usersBefore);
  });

  it('remembers each person’s language across sign-ins, without touching anyone else’s', async () => {
    const reply = await request(t.url, 'PUT', API.myLanguage, { token: tokens.agent, json: { language: 'fil' } });
    expect(reply.status).toBe(200);
    expect(MeResponse.parse(reply.body).user.language).toBe('fil');

    const again = await signIn(t.url, 'agent', 'agent-demo-2026');
    expect(again.user.language).toBe('fil');
    const me = MeResponse.parse((await request(t.url, 'GET', API.me, { token: again.token })).body);
    expect(me.user.language).toBe('fil');

    const supervisor = MeResponse.parse((await request(t.url, 'GET', API.me, { token: tokens.supervisor })).body);
    expect(supervisor.user.language).toBe('en');

    const bad = await request(t.url, 'PUT', API.myLanguage, { token: tokens.agent, json: { language: 'es' } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).issues?.[0]?.path).toBe('language');
    expect((await request(t.url, 'PUT', API.myLanguage, { json: { language: 'en' } })).status).toBe(401);
  });
});

describe('route access declarations', () => {
  it('refuse at start-up a route that declares no access, so a forgotten check cannot ship', async () => {
    const app = Fastify();
    installAccessControl(app, {} as Db); // the database is not reached while routes are registered
    app.get('/declared', { config: { access: PUBLIC } }, async () => ({}));
    expect(() => app.get('/forgotten', async () => ({}))).toThrow(/declares no access/);
    await app.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { API } from '../../../shared/api/auth';
import { API_MONITORING, GrantResponse, MonitoringAuditResponse, SigningKeysResponse, TakeOverResponse } from '../../../shared/api/monitoring';
import { API_SYNC, PushResponse } from '../../../shared/api/sync';
import { checkGrant } from '../../../shared/monitoring/grant';
import { readGrantToken, readTakeOverToken } from '../../../electron/services/monitoring/grant-verifier';
import { writePresence } from '../../../server/presence/presence-store';
import { callReference } from '../../../shared/phone/call-reference';
import type { Db } from '../../../server/db/db';
import { backends, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

/** The agent's console reports these calls as live on its lines (what the wallboard shows). */
async function onCalls(db: Db, agentId: string, callIds: string[]): Promise<void> {
  const startedAt = new Date().toISOString();
  await writePresence(db, agentId, randomUUID(), {
    state: 'on_call',
    stateSince: startedAt,
    calls: callIds.map((callId, i) => ({
      callId,
      reference: callReference(callId, startedAt),
      line: (i + 1) as 1 | 2,
      direction: 'inbound' as const,
      customerId: null,
      customerName: null,
      startedAt,
      answeredAt: startedAt,
      onHold: false,
      triggers: [],
      scripts: [],
    })),
  });
}

const SIP = { secret: 'monitoring-test-secret-0123', wsServers: ['ws://127.0.0.1:5066'], domain: 'kalma.test', iceServers: [], turn: null, credentialTtlSeconds: 3600 };

/**
 * Monitoring grants on a real server: who may have one (the agent's own supervisors, or a
 * director), what it says and that consoles can check its signature with the keys the server
 * hands out, and that every grant, refusal and console report lands in the audit admins read.
 */
describe.each(backends)('monitoring grants (%s)', (backend) => {
  let t: TestServer;
  const tokens = { agent: '', supervisor: '', admin: '', trainer: '', otherSupervisor: '', director: '' };
  const OTHER_TEAM = { id: 'team-sp-1', name: 'São Paulo 1' };
  let agentId = '';

  beforeAll(async () => {
    t = await startTestServer(backend, { sip: SIP });
    for (const role of ['agent', 'supervisor', 'admin', 'trainer'] as const) tokens[role] = (await signIn(t.url, role, `${role}-demo-2026`)).token;
    await t.db.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [OTHER_TEAM.id, OTHER_TEAM.name]);
    for (const username of ['sp.lead', 'sp.director']) {
      const created = await request(t.url, 'POST', API.adminUsers, {
        token: tokens.admin,
        json: { username, displayName: username, password: `${username}-password`, role: 'supervisor', teamIds: [OTHER_TEAM.id] },
      });
      expect(created.status, created.text).toBe(201);
    }
    await t.db.query(`UPDATE users SET approval_level = 'director' WHERE username = 'sp.director'`);
    tokens.otherSupervisor = (await signIn(t.url, 'sp.lead', 'sp.lead-password')).token;
    tokens.director = (await signIn(t.url, 'sp.director', 'sp.director-password')).token;
    agentId = (await signIn(t.url, 'agent', 'agent-demo-2026')).user.id;
    await onCalls(t.db, agentId, ['call-1', 'call-other-team']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (token: string, body: unknown = { agentId, callId: 'call-1', modes: ['listen', 'whisper', 'barge'] }) =>
    request(t.url, 'POST', API_MONITORING.grants, { token, json: body });
  const audit = async () => {
    const reply = await request(t.url, 'GET', `${API_MONITORING.audit}?limit=50`, { token: tokens.admin });
    expect(reply.status, reply.text).toBe(200);
    return MonitoringAuditResponse.parse(reply.body).entries;
  };

  it('gives the agent’s own supervisor a short grant that the agent’s console can verify', async () => {
    const reply = await ask(tokens.supervisor);
    expect(reply.status, reply.text).toBe(200);
    const issued = GrantResponse.parse(reply.body);
    expect(issued.target).toBe('sip:agent@kalma.test');
    expect(issued.grant).toMatchObject({ agentId, callId: 'call-1', supervisorName: 'Jose Reyes', modes: ['listen', 'whisper', 'barge'], showListening: true });
    expect(Date.parse(issued.grant.expiresAt) - Date.parse(issued.grant.issuedAt)).toBe(60_000);

    const keys = SigningKeysResponse.parse((await request(t.url, 'GET', API_MONITORING.keys, { token: tokens.agent })).body).keys;
    const reading = readGrantToken(issued.token, keys);
    expect(reading).toEqual({ ok: true, grant: issued.grant });
    expect(checkGrant(issued.grant, { now: new Date(), agentId, liveCallIds: ['call-1'], mode: 'barge' })).toBeNull();

    const granted = (await audit()).find((entry) => entry.grantId === issued.grant.id);
    expect(granted).toMatchObject({ event: 'granted', actor: 'Jose Reyes', supervisor: 'Jose Reyes', agent: 'Maria Santos', callId: 'call-1' });
  });

  it('signs with one key, made once and kept: every grant verifies with the same public key', async () => {
    const first = GrantResponse.parse((await ask(tokens.supervisor)).body);
    const second = GrantResponse.parse((await ask(tokens.supervisor)).body);
    expect(second.grant.keyId).toBe(first.grant.keyId);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signing_keys WHERE purpose = 'monitoring'`);
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses agents, trainers and admins: only supervisors monitor', async () => {
    for (const role of ['agent', 'trainer', 'admin'] as const) {
      const reply = await ask(tokens[role]);
      expect(reply.status, role).toBe(403);
      expect(errorOf(reply).code).toBe('FORBIDDEN');
    }
  });

  it('refuses a supervisor of another team, and audits the refusal', async () => {
    const reply = await ask(tokens.otherSupervisor, { agentId, callId: 'call-other-team', modes: ['listen'] });
    expect(reply.status).toBe(403);
    expect(errorOf(reply).message).toMatch(/not in a team you lead/);
    const refused = (await audit()).find((entry) => entry.callId === 'call-other-team');
    expect(refused).toMatchObject({ event: 'grant-refused', supervisor: 'sp.lead', agent: 'Maria Santos', grantId: null });
  });

  it('refuses a grant for a call that is not the agent’s live call now', async () => {
    const reply = await ask(tokens.supervisor, { agentId, callId: 'call-long-gone', modes: ['listen'] });
    expect(reply.status).toBe(404);
    expect(errorOf(reply).message).toMatch(/not on that call now/);
  });

  it('lets a director monitor any team', async () => {
    const reply = await ask(tokens.director);
    expect(reply.status, reply.text).toBe(200);
  });

  it('refuses a grant on someone who is not an active agent, and a malformed request', async () => {
    const supervisorId = (await signIn(t.url, 'supervisor', 'supervisor-demo-2026')).user.id;
    expect((await ask(tokens.supervisor, { agentId: supervisorId, callId: 'c', modes: ['listen'] })).status).toBe(404);
    expect((await ask(tokens.supervisor, { agentId: 'nobody', callId: 'c', modes: ['listen'] })).status).toBe(404);
    const bad = await ask(tokens.supervisor, { agentId, callId: 'c', modes: ['record'] });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).code).toBe('INVALID_INPUT');
  });

  it('keeps what the agent’s console reports through the outbox, once however often it is pushed', async () => {
    const issued = GrantResponse.parse((await ask(tokens.supervisor)).body);
    const supervisorId = issued.grant.supervisorId;
    const mutations = [
      { id: randomUUID(), kind: 'monitoring.event', payload: { at: new Date().toISOString(), event: 'answered', grantId: issued.grant.id, supervisorId, callId: 'call-1', mode: 'listen' } },
      { id: randomUUID(), kind: 'monitoring.event', payload: { at: new Date().toISOString(), event: 'mode-refused', grantId: issued.grant.id, supervisorId, callId: 'call-1', mode: 'barge' } },
      { id: randomUUID(), kind: 'monitoring.event', payload: { at: new Date().toISOString(), event: 'refused', refusal: 'bad-signature', supervisorId: 'forged-id' } },
    ];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const pushed = await request(t.url, 'POST', API_SYNC.push, { token: tokens.agent, json: { mutations } });
      expect(pushed.status, pushed.text).toBe(200);
      expect(PushResponse.parse(pushed.body).results.map((r) => r.status)).toEqual(attempt === 0 ? ['applied', 'applied', 'applied'] : ['duplicate', 'duplicate', 'duplicate']);
    }
    const entries = await audit();
    const reported = entries.filter((entry) => mutations.some((m) => m.id === entry.id));
    expect(reported.map((entry) => entry.event).sort()).toEqual(['answered', 'mode-refused', 'refused']);
    expect(reported.every((entry) => entry.actor === 'Maria Santos' && entry.agent === 'Maria Santos')).toBe(true);
    // A forged token's supervisor is not an account: the audit keeps no name for it.
    expect(reported.find((entry) => entry.event === 'refused')).toMatchObject({ supervisor: null, detail: 'bad-signature' });
  });

  it('orders a take-over only for the supervisor the grant was for, on a call still live, signed like a grant', async () => {
    const issued = GrantResponse.parse((await ask(tokens.supervisor)).body);
    const reply = await request(t.url, 'POST', API_MONITORING.takeOvers, { token: tokens.supervisor, json: { grantId: issued.grant.id } });
    expect(reply.status, reply.text).toBe(200);
    const ordered = TakeOverResponse.parse(reply.body);
    expect(ordered.order).toMatchObject({ kind: 'take-over', grantId: issued.grant.id, agentId, callId: 'call-1', supervisorName: 'Jose Reyes' });
    const keys = SigningKeysResponse.parse((await request(t.url, 'GET', API_MONITORING.keys, { token: tokens.agent })).body).keys;
    expect(readTakeOverToken(ordered.token, keys)).toEqual({ ok: true, value: ordered.order });
    // A grant token is not a take-over order, nor the other way round.
    expect(readTakeOverToken(issued.token, keys)).toEqual({ ok: false, refusal: 'malformed' });
    expect(readGrantToken(ordered.token, keys)).toEqual({ ok: false, refusal: 'malformed' });

    const someoneElses = await request(t.url, 'POST', API_MONITORING.takeOvers, { token: tokens.director, json: { grantId: issued.grant.id } });
    expect(someoneElses.status).toBe(404);
    const byAgent = await request(t.url, 'POST', API_MONITORING.takeOvers, { token: tokens.agent, json: { grantId: issued.grant.id } });
    expect(byAgent.status).toBe(403);
    await onCalls(t.db, agentId, ['call-other-team']);
    const callOver = await request(t.url, 'POST', API_MONITORING.takeOvers, { token: tokens.supervisor, json: { grantId: issued.grant.id } });
    expect(callOver.status).toBe(404);
    await onCalls(t.db, agentId, ['call-1', 'call-other-team']);
    expect((await audit()).filter((entry) => entry.event === 'take-over' && entry.grantId === issued.grant.id)).toHaveLength(1);
  });

  it('shows the audit to admins only', async () => {
    expect((await request(t.url, 'GET', API_MONITORING.audit, { token: tokens.supervisor })).status).toBe(403);
    expect((await request(t.url, 'GET', API_MONITORING.audit, { token: tokens.agent })).status).toBe(403);
  });
});

describe('a floor that does not show listening', () => {
  it('says so in the signed grant, which is what the agent’s phone goes by', async () => {
    const t = await startTestServer('pglite', { sip: SIP, showListening: false });
    try {
      const supervisor = (await signIn(t.url, 'supervisor', 'supervisor-demo-2026')).token;
      const agentId = (await signIn(t.url, 'agent', 'agent-demo-2026')).user.id;
      await onCalls(t.db, agentId, ['c-1']);
      const reply = await request(t.url, 'POST', API_MONITORING.grants, { token: supervisor, json: { agentId, callId: 'c-1', modes: ['listen'] } });
      expect(GrantResponse.parse(reply.body).grant.showListening).toBe(false);
    } finally {
      await t.close();
    }
  });
});

describe('monitoring grants in PBX mode', () => {
  it('hand the supervisor the PBX’s feature codes for the modes the site offers, still checked and audited', async () => {
    const pbxMonitoring = { codes: { listen: '*222', whisper: '*223' }, switchDigits: { listen: '4', whisper: '5', barge: '6' } };
    const t = await startTestServer('pglite', { sip: SIP, pbxMonitoring });
    try {
      const supervisor = (await signIn(t.url, 'supervisor', 'supervisor-demo-2026')).token;
      const agentId = (await signIn(t.url, 'agent', 'agent-demo-2026')).user.id;
      await onCalls(t.db, agentId, ['c-1']);
      const reply = await request(t.url, 'POST', API_MONITORING.grants, { token: supervisor, json: { agentId, callId: 'c-1', modes: ['listen', 'whisper', 'barge'] } });
      expect(reply.status, reply.text).toBe(200);
      const issued = GrantResponse.parse(reply.body);
      expect(issued.grant.modes).toEqual(['listen', 'whisper']);
      expect(issued.pbx).toEqual({ dial: { listen: 'sip:*222agent@kalma.test', whisper: 'sip:*223agent@kalma.test' }, switchDigits: pbxMonitoring.switchDigits });
      const bargeOnly = await request(t.url, 'POST', API_MONITORING.grants, { token: supervisor, json: { agentId, callId: 'c-1', modes: ['barge'] } });
      expect(bargeOnly.status).toBe(403);
      expect(errorOf(bargeOnly).message).toMatch(/offers only listen, whisper/);
    } finally {
      await t.close();
    }
  });
});

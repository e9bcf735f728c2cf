import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveClientFrame } from '../../../shared/api/presence';
import { API_SYNC, LiveMessage } from '../../../shared/api/sync';
import { API_WALLBOARD, TeamFigures, Wallboard, type WallboardAgent } from '../../../shared/api/wallboard';
import type { LiveCall, PresenceReport } from '../../../shared/domain/presence';
import { callReference } from '../../../shared/phone/call-reference';
import { findLiveCall } from '../../../server/presence/presence-store';
import { backends, request, signIn, startTestServer, type TestServer } from './harness';

/**
 * The wallboard route and agent presence on a real server: who may see which team, a console's
 * presence frames on its live socket showing on a supervisor's board (and poking the supervisor's
 * socket), and a console that closes or goes quiet showing as unreachable within the stale limit,
 * never as available.
 */

const STALE_MS = 600;

interface Console {
  socket: WebSocket;
  pokes: () => number;
  send(report: PresenceReport): void;
  close(): void;
}

async function openConsole(url: string, token: string): Promise<Console> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${API_SYNC.live}`, { headers: { authorization: `Bearer ${token}` } });
  let pokes = 0;
  socket.on('message', (data) => {
    if (LiveMessage.parse(JSON.parse(String(data))).type === 'presence') pokes++;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    pokes: () => pokes,
    send: (report) => socket.send(JSON.stringify({ type: 'presence', report } satisfies LiveClientFrame)),
    close: () => socket.terminate(),
  };
}

function liveCall(callId: string, overrides: Partial<LiveCall> = {}): LiveCall {
  const startedAt = new Date(Date.now() - 65_000).toISOString();
  return {
    callId,
    reference: callReference(callId, startedAt),
    line: 1,
    direction: 'inbound',
    customerId: 'c-42',
    customerName: 'Ana Reyes',
    startedAt,
    answeredAt: startedAt,
    onHold: false,
    triggers: [{ trigger: 'customer-level-rise', at: new Date().toISOString() }],
    scripts: [],
    ...overrides,
  };
}

describe.each(backends)('wallboard (%s)', (backend) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function board(who: string): Promise<Wallboard> {
    const reply = await request(t.url, 'GET', API_WALLBOARD.board, { token: tokens[who] });
    expect(reply.status, reply.text).toBe(200);
    return Wallboard.parse(reply.body);
  }

  async function agentOn(who: string, username: string): Promise<WallboardAgent | undefined> {
    return (await board(who)).agents.find((agent) => agent.id === ids[username]);
  }

  beforeAll(async () => {
    t = await startTestServer(backend, { presence: { staleMs: STALE_MS, sweepMs: 100 } });
    // A second team with its own agent and supervisor, and a director who belongs to that team only.
    await t.db.query(`INSERT INTO teams (id, name) VALUES ('team-cebu', 'Cebu Care')`);
    for (const [username, role, level] of [
      ['cebu-agent', 'agent', null],
      ['cebu-lead', 'supervisor', null],
      ['director', 'supervisor', 'director'],
    ] as const) {
      await t.db.query(
        `INSERT INTO users (id, username, display_name, role, password_hash, approval_level)
         SELECT $1, $1, initcap(replace($1, '-', ' ')), $2, password_hash, $3 FROM users WHERE username = 'agent'`,
        [username, role, level],
      );
      await t.db.query(`INSERT INTO team_members (team_id, user_id) VALUES ('team-cebu', $1)`, [username]);
    }
    const { rows } = await t.db.query<{ id: string; username: string }>(`SELECT id, username FROM users`);
    for (const row of rows) ids[row.username] = row.id;
    const passwords: Record<string, string> = { agent: 'agent-demo-2026', agent2: 'agent2-demo-2026', supervisor: 'supervisor-demo-2026', trainer: 'trainer-demo-2026' };
    for (const username of ['agent', 'agent2', 'supervisor', 'trainer', 'cebu-agent', 'cebu-lead', 'director']) {
      tokens[username] = (await signIn(t.url, username, passwords[username] ?? 'agent-demo-2026')).token;
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('shows supervisors their own teams, a director every team, and refuses agents and trainers', async () => {
    const manila = await board('supervisor');
    expect(manila.agents.map((agent) => agent.name).sort()).toEqual(['Joana Souza', 'Maria Santos']);
    expect(manila.allTeams).toBe(false);

    const cebu = await board('cebu-lead');
    expect(cebu.agents.map((agent) => agent.name)).toEqual(['Cebu Agent']);

    const everyone = await board('director');
    expect(everyone.allTeams).toBe(true);
    expect(everyone.agents.map((agent) => agent.name).sort()).toEqual(['Cebu Agent', 'Joana Souza', 'Maria Santos']);

    for (const who of ['agent', 'trainer']) {
      expect((await request(t.url, 'GET', API_WALLBOARD.board, { token: tokens[who] })).status).toBe(403);
      expect((await request(t.url, 'GET', API_WALLBOARD.figures, { token: tokens[who] })).status).toBe(403);
    }
    expect((await request(t.url, 'GET', API_WALLBOARD.board)).status).toBe(401);
  });

  it('shows an agent who never connected as offline, not available', async () => {
    expect(await agentOn('supervisor', 'agent2')).toMatchObject({ status: 'offline', calls: [] });
  });

  it("shows a console's state and live call as it reports them, pokes the supervisor, and answers findLiveCall", async () => {
    const supervisor = await openConsole(t.url, tokens.supervisor!);
    const agent = await openConsole(t.url, tokens.agent!);
    try {
      const since = new Date(Date.now() - 3_000).toISOString();
      agent.send({ state: 'available', stateSince: since, calls: [] });
      await expect.poll(() => agentOn('supervisor', 'agent').then((a) => a?.status)).toBe('available');
      await expect.poll(() => supervisor.pokes()).toBeGreaterThan(0);

      const call = liveCall('sip-call-1@kalma', { onHold: true });
      agent.send({ state: 'on_call', stateSince: new Date().toISOString(), calls: [call] });
      await expect.poll(() => agentOn('supervisor', 'agent').then((a) => a?.status)).toBe('on_call');
      expect((await agentOn('supervisor', 'agent'))?.calls).toEqual([call]);
      // Another team's supervisor sees none of it.
      expect(await agentOn('cebu-lead', 'agent')).toBeUndefined();

      expect(await findLiveCall(t.db, ids.agent!, 'sip-call-1@kalma')).toEqual(call);
      expect(await findLiveCall(t.db, ids.agent!, 'another-call')).toBeNull();
      expect(await findLiveCall(t.db, ids.agent2!, 'sip-call-1@kalma')).toBeNull();

      // A frame that is not a presence report changes nothing and keeps the socket open.
      agent.socket.send(JSON.stringify({ type: 'presence', report: { state: 'dancing' } }));
      agent.socket.send('not json');
      agent.send({ state: 'on_call', stateSince: new Date().toISOString(), calls: [call] });
      expect((await agentOn('supervisor', 'agent'))?.status).toBe('on_call');

      // The console's process dies: its socket closes, and the agent is unreachable at once.
      const pokesBefore = supervisor.pokes();
      agent.close();
      await expect.poll(() => agentOn('supervisor', 'agent').then((a) => a?.status), { timeout: 2_000 }).toBe('unreachable');
      const gone = await agentOn('supervisor', 'agent');
      expect(gone).toMatchObject({ lastState: 'on_call', calls: [] });
      await expect.poll(() => supervisor.pokes()).toBeGreaterThan(pokesBefore);
      expect(await findLiveCall(t.db, ids.agent!, 'sip-call-1@kalma')).toBeNull();
    } finally {
      supervisor.close();
      agent.close();
    }
  });

  it('marks a console that goes quiet without closing unreachable after the stale limit, and back when it speaks', async () => {
    const agent = await openConsole(t.url, tokens['cebu-agent']!);
    try {
      const report: PresenceReport = { state: 'available', stateSince: new Date().toISOString(), calls: [] };
      agent.send(report);
      await expect.poll(() => agentOn('cebu-lead', 'cebu-agent').then((a) => a?.status)).toBe('available');
      // Heartbeats keep it reachable past the stale limit…
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, STALE_MS / 3));
        agent.send(report);
      }
      expect((await agentOn('cebu-lead', 'cebu-agent'))?.status).toBe('available');
      // …and silence (a dead network: no close, no frames) does not.
      const quietAt = Date.now();
      await expect.poll(() => agentOn('cebu-lead', 'cebu-agent').then((a) => a?.status), { timeout: 5_000 }).toBe('unreachable');
      expect(Date.now() - quietAt).toBeLessThan(STALE_MS + 2_000);
      agent.send(report);
      await expect.poll(() => agentOn('cebu-lead', 'cebu-agent').then((a) => a?.status)).toBe('available');
    } finally {
      agent.close();
    }
  });

  it("marks an agent unreachable at once when the console says its page is gone, and back with the page's next report", async () => {
    const agent = await openConsole(t.url, tokens['cebu-agent']!);
    try {
      const report: PresenceReport = { state: 'available', stateSince: new Date().toISOString(), calls: [] };
      agent.send(report);
      await expect.poll(() => agentOn('cebu-lead', 'cebu-agent').then((a) => a?.status)).toBe('available');
      agent.socket.send(JSON.stringify({ type: 'gone' } satisfies LiveClientFrame));
      await expect.poll(() => agentOn('cebu-lead', 'cebu-agent').then((a) => a?.status), { timeout: STALE_MS }).toBe('unreachable');
      agent.send(report);
      await expect.poll(() => agentOn('cebu-lead', 'cebu-agent').then((a) => a?.status)).toBe('available');
    } finally {
      agent.close();
    }
  });

  it('shows a signed-out agent as offline', async () => {
    const agent = await openConsole(t.url, tokens.agent2!);
    agent.send({ state: 'available', stateSince: new Date().toISOString(), calls: [] });
    await expect.poll(() => agentOn('supervisor', 'agent2').then((a) => a?.status)).toBe('available');
    agent.send({ state: 'offline', stateSince: new Date().toISOString(), calls: [] });
    agent.socket.close(1000);
    await expect.poll(() => agentOn('supervisor', 'agent2').then((a) => a?.status)).toBe('offline');
  });

  it("answers today's figures from the synced records", async () => {
    const hourAgo = Date.now() - 3_600_000;
    await t.db.query(
      `INSERT INTO call_records (agent_id, call_id, direction, number, remote_uri, line, started_at, answered_at, ended_at, end_cause)
       VALUES ($1, 'fig-1', 'inbound', '+63917', 'sip:x', 1, $2, $3, $4, 'hangup')`,
      [ids.agent, new Date(hourAgo), new Date(hourAgo + 5_000), new Date(hourAgo + 125_000)],
    );
    await t.db.query(
      `INSERT INTO agent_state_log (id, agent_id, state, at) VALUES
         (gen_random_uuid(), $1, 'on_call', $2), (gen_random_uuid(), $1, 'after_call_work', $3), (gen_random_uuid(), $1, 'available', $4)`,
      [ids.agent, new Date(hourAgo + 5_000), new Date(hourAgo + 125_000), new Date(hourAgo + 155_000)],
    );
    const reply = await request(t.url, 'GET', `${API_WALLBOARD.figures}?since=${encodeURIComponent(new Date(hourAgo - 60_000).toISOString())}`, {
      token: tokens.supervisor,
    });
    expect(reply.status, reply.text).toBe(200);
    const figures = TeamFigures.parse(reply.body);
    const maria = figures.agents.find((agent) => agent.agentId === ids.agent);
    expect(maria).toMatchObject({ callsHandled: 1, averageAfterCallSeconds: 30, averageHandleSeconds: 150 });
    expect(maria?.secondsByState.on_call).toBe(120);
    expect(figures.team.callsHandled).toBe(1);
    expect(figures.callsByHour.reduce((sum, hour) => sum + hour.calls, 0)).toBe(1);
  });
});

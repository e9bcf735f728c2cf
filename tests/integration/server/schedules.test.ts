import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { API_SCHEDULES, MyShift, TeamWeek, type SaveTeamWeek } from '../../../shared/api/schedules';
import { API_SYNC } from '../../../shared/api/sync';
import { Wallboard } from '../../../shared/api/wallboard';
import type { AgentStateName } from '../../../shared/domain/agent-state';
import { DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import { EMPTY_WEEK, type ShiftInput } from '../../../shared/schedules/shift';
import { localDateAt } from '../../../shared/schedules/shift-time';
import { backends, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

/**
 * Schedules on a real server: a supervisor saves a week for a team of 20 agents and reads it back;
 * another team's supervisor and an agent may not; the wallboard shows lateness and adherence from
 * the state log by console time, so an agent whose console logged "available" offline before the
 * shift, and pushed it hours later, is on time.
 */

const ZONE = 'America/Sao_Paulo';
const MINUTE = 60_000;
const OTHER_TEAM = { id: 'team-recife-1', name: 'Recife 1' };
const hhmm = (at: number) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
const weekdayShift: ShiftInput = { start: '09:00', end: '18:00', breaks: [{ start: '10:30', minutes: 15 }, { start: '15:30', minutes: 15 }], meal: { start: '12:00', minutes: 60 } };

describe.each(backends)('schedules (%s)', (backend) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let agents: { id: string; name: string }[] = [];
  const ids: Record<string, string> = {};

  const createUser = async (username: string, role: 'agent' | 'supervisor', teamId: string) => {
    const created = await request(t.url, 'POST', API.adminUsers, {
      token: tokens.admin,
      json: { username, displayName: username, password: `${username}-password`, role, teamIds: [teamId] },
    });
    expect(created.status, created.text).toBe(201);
    const signed = await signIn(t.url, username, `${username}-password`);
    tokens[username] = signed.token;
    ids[username] = signed.user.id;
  };

  const pushState = async (who: string, state: AgentStateName, at: number) => {
    const reply = await request(t.url, 'POST', API_SYNC.push, {
      token: tokens[who],
      json: { mutations: [{ id: randomUUID(), kind: 'agent.state', payload: { id: randomUUID(), state, reason: null, at: new Date(at).toISOString() } }] },
    });
    expect(reply.status, reply.text).toBe(200);
  };

  const board = async () => {
    const reply = await request(t.url, 'GET', '/api/v1/wallboard', { token: tokens.supervisor });
    expect(reply.status, reply.text).toBe(200);
    return Wallboard.parse(reply.body);
  };

  beforeAll(async () => {
    t = await startTestServer(backend);
    for (const role of ['agent', 'supervisor', 'admin'] as const) tokens[role] = (await signIn(t.url, role, `${role}-demo-2026`)).token;
    await t.db.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [OTHER_TEAM.id, OTHER_TEAM.name]);
    await createUser('other.supervisor', 'supervisor', OTHER_TEAM.id);
    // The demo team has two agents; eighteen more make twenty.
    for (let i = 1; i <= 18; i++) await createUser(`shift.agent${String(i).padStart(2, '0')}`, 'agent', DEMO_TEAM.id);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it("saves a week for the team's 20 agents and reads it back", async () => {
    const empty = await request(t.url, 'GET', API_SCHEDULES.team(DEMO_TEAM.id), { token: tokens.supervisor });
    expect(empty.status, empty.text).toBe(200);
    const before = TeamWeek.parse(empty.body);
    agents = before.agents;
    expect(agents).toHaveLength(20);
    expect(before.schedule.agents.every((agent) => agent.pattern.mon === null)).toBe(true);

    const week = { ...EMPTY_WEEK, mon: weekdayShift, tue: weekdayShift, wed: weekdayShift, thu: weekdayShift, fri: weekdayShift };
    const body: SaveTeamWeek = {
      timeZone: ZONE,
      graceMinutes: 5,
      agents: agents.map((agent, i) => ({ agentId: agent.id, pattern: week, changes: i === 0 ? [{ date: '2026-12-25', shift: null }] : [] })),
    };
    const saved = await request(t.url, 'PUT', API_SCHEDULES.team(DEMO_TEAM.id), { token: tokens.supervisor, json: body });
    expect(saved.status, saved.text).toBe(200);
    const again = TeamWeek.parse((await request(t.url, 'GET', API_SCHEDULES.team(DEMO_TEAM.id), { token: tokens.supervisor })).body);
    expect(again.schedule.timeZone).toBe(ZONE);
    expect(again.schedule.agents).toHaveLength(20);
    expect(again.schedule.agents.every((agent) => agent.pattern.wed?.meal?.start === '12:00' && agent.pattern.sat === null)).toBe(true);
    expect(again.schedule.agents.find((agent) => agent.agentId === agents[0]?.id)?.changes).toEqual([{ date: '2026-12-25', shift: null }]);
    expect(again.updatedAt).not.toBeNull();
  });

  it("refuses another team's supervisor, an agent, strangers and bad shifts", async () => {
    const body: SaveTeamWeek = { timeZone: ZONE, graceMinutes: 5, agents: [] };
    const other = await request(t.url, 'PUT', API_SCHEDULES.team(DEMO_TEAM.id), { token: tokens['other.supervisor'], json: body });
    expect(other.status).toBe(403);
    expect((await request(t.url, 'GET', API_SCHEDULES.team(DEMO_TEAM.id), { token: tokens['other.supervisor'] })).status).toBe(403);
    expect((await request(t.url, 'PUT', API_SCHEDULES.team(DEMO_TEAM.id), { token: tokens.agent, json: body })).status).toBe(403);
    const stranger = await request(t.url, 'PUT', API_SCHEDULES.team(DEMO_TEAM.id), {
      token: tokens.supervisor,
      json: { ...body, agents: [{ agentId: ids['other.supervisor'], pattern: EMPTY_WEEK, changes: [] }] },
    });
    expect(stranger.status).toBe(400);
    const bad = await request(t.url, 'PUT', API_SCHEDULES.team(DEMO_TEAM.id), {
      token: tokens.supervisor,
      json: { ...body, timeZone: 'Mars/Olympus' },
    });
    expect(errorOf(bad).code).toBe('INVALID_INPUT');
  });

  it('shows late log-ins beyond the grace period, not a console that was running offline, and adherence', async () => {
    // Today's shift began two hours ago, as a one-off change for three agents.
    const start = Math.floor(Date.now() / MINUTE) * MINUTE - 120 * MINUTE;
    const today = { start: hhmm(start), end: hhmm(start + 8 * 60 * MINUTE), breaks: [], meal: null };
    const [late, outage, simple] = ['shift.agent01', 'shift.agent02', 'shift.agent03'];
    const change = [{ date: localDateAt(start, ZONE), shift: today }];
    const saved = await request(t.url, 'PUT', API_SCHEDULES.team(DEMO_TEAM.id), {
      token: tokens.supervisor,
      json: { timeZone: ZONE, graceMinutes: 5, agents: [late, outage, simple].map((who) => ({ agentId: ids[who], pattern: EMPTY_WEEK, changes: change })) },
    });
    expect(saved.status, saved.text).toBe(200);

    await pushState(late!, 'available', start + 20 * MINUTE);
    // Logged by a console that could not reach the server two minutes before the shift; heard now.
    await pushState(outage!, 'available', start - 2 * MINUTE);
    // Available for the first hour, then an unscheduled break until now.
    await pushState(simple!, 'available', start);
    await pushState(simple!, 'break', start + 60 * MINUTE);

    const agentsOnBoard = new Map((await board()).agents.map((agent) => [agent.id, agent.adherence]));
    expect(agentsOnBoard.get(ids[late!]!)).toMatchObject({ lateMinutes: 20, inAdherence: true });
    expect(agentsOnBoard.get(ids[outage!]!)).toMatchObject({ lateMinutes: 0, percent: 100, inAdherence: true });
    const simpleDay = agentsOnBoard.get(ids[simple!]!);
    expect(simpleDay).toMatchObject({ lateMinutes: 0, inAdherence: false });
    expect(simpleDay?.percent).toBeGreaterThanOrEqual(49);
    expect(simpleDay?.percent).toBeLessThanOrEqual(51);

    const mine = await request(t.url, 'GET', API_SCHEDULES.myShift, { token: tokens[late!] });
    expect(mine.status, mine.text).toBe(200);
    expect(MyShift.parse(mine.body)).toMatchObject({ timeZone: ZONE, start: new Date(start).toISOString(), shift: { start: today.start } });
  });
});

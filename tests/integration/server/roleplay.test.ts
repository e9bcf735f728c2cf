import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { API_MONITORING, SigningKeysResponse } from '../../../shared/api/monitoring';
import {
  API_ROLEPLAY,
  MAX_RECORDING_BYTES,
  ProgressResponse,
  RolePlaySession,
  ScenariosResponse,
  SessionsResponse,
  StartSessionResponse,
  TraineesResponse,
} from '../../../shared/api/roleplay';
import { LANGUAGES } from '../../../shared/domain/user';
import { Scenario } from '../../../shared/roleplay/scenario';
import { checkTicket } from '../../../shared/roleplay/session-ticket';
import { readRolePlayTicket } from '../../../electron/services/monitoring/grant-verifier';
import type { Db } from '../../../server/db/db';
import { seedDemoCustomersOnStart } from '../../../server/demo-data/seed-on-start';
import { backends, errorOf, freshDatabase, request, signIn, startTestServer, type TestServer } from './harness';

const SIP = { secret: 'roleplay-test-secret-012345', wsServers: ['ws://127.0.0.1:5066'], domain: 'kalma.test', iceServers: [], turn: null, credentialTtlSeconds: 3600 };
const SCENARIOS_DIR = join(import.meta.dirname, '../../../resources/roleplay/scenarios');
const irateCustomer = () => Scenario.parse(JSON.parse(readFileSync(join(SCENARIOS_DIR, 'irate-customer.json'), 'utf8')));

/** The tables of real work; training must leave every row as it was. */
const REAL_WORK = ['customers', 'interactions', 'call_records', 'agent_state_log'] as const;

async function realWork(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of REAL_WORK) {
    const { rows } = await db.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
    );
    out[table] = `${rows[0]?.n ?? 0}:${rows[0]?.digest ?? '-'}`;
  }
  return out;
}

/**
 * The role-play API on a real server: scenarios (defaults seeded, drafts, publishing checks),
 * training calls with a ticket the trainee's console can verify, who may start, read, mark and
 * score a session, the recording, progress, and that none of it touches the records of real work.
 */
describe.each(backends)('role-play (%s)', (backend) => {
  let t: TestServer;
  const tokens = { agent: '', agent2: '', supervisor: '', trainer: '', admin: '', otherAgent: '', otherTrainer: '' };
  const ids = { agent: '', agent2: '', trainer: '', otherAgent: '' };
  const OTHER_TEAM = { id: 'team-recife-1', name: 'Recife 1' };
  let before: Record<string, string> = {};
  let trainerSession: StartSessionResponse;
  let peerSession: StartSessionResponse;

  beforeAll(async () => {
    t = await startTestServer(backend, { sip: SIP });
    for (const role of ['agent', 'agent2', 'supervisor', 'trainer', 'admin'] as const) {
      const signed = await signIn(t.url, role, `${role}-demo-2026`);
      tokens[role] = signed.token;
      if (role === 'agent' || role === 'agent2' || role === 'trainer') ids[role] = signed.user.id;
    }
    await t.db.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [OTHER_TEAM.id, OTHER_TEAM.name]);
    for (const [username, role] of [['other.agent', 'agent'], ['other.trainer', 'trainer']] as const) {
      const created = await request(t.url, 'POST', API.adminUsers, {
        token: tokens.admin,
        json: { username, displayName: username, password: `${username}-password`, role, teamIds: [OTHER_TEAM.id] },
      });
      expect(created.status, created.text).toBe(201);
    }
    const other = await signIn(t.url, 'other.agent', 'other.agent-password');
    tokens.otherAgent = other.token;
    ids.otherAgent = other.user.id;
    tokens.otherTrainer = (await signIn(t.url, 'other.trainer', 'other.trainer-password')).token;
    // Some real work on the server, so "unchanged" compares rows and not only empty tables.
    await seedDemoCustomersOnStart(t.db, { info: () => {} }, { KALMA_DEMO_CUSTOMERS: '20' }, () => {});
    before = await realWork(t.db);
    expect(before.customers).toMatch(/^20:/);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (token: string, path: string) => request(t.url, 'GET', path, { token });
  const post = (token: string, path: string, json: unknown) => request(t.url, 'POST', path, { token, json });
  const start = (token: string, traineeId: string, scenarioId = 'irate-customer', language = 'fil') =>
    post(token, API_ROLEPLAY.sessions, { scenarioId, traineeId, language });
  const putRecording = (token: string, id: string, audio: Uint8Array<ArrayBuffer>, durationMs = 1234, contentType = 'audio/webm') =>
    fetch(`${t.url}${API_ROLEPLAY.recording(id)}?durationMs=${durationMs}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: audio,
    });

  it('lists the six default scenarios to everyone signed in, every text in the three languages', async () => {
    for (const token of [tokens.agent, tokens.trainer, tokens.supervisor, tokens.admin]) {
      const reply = await get(token, API_ROLEPLAY.scenarios);
      expect(reply.status, reply.text).toBe(200);
      const { scenarios } = ScenariosResponse.parse(reply.body);
      expect(scenarios.map((s) => s.id)).toEqual([
        'asks-for-manager',
        'cancellation-win-back',
        'defective-product-walkthrough',
        'irate-customer',
        'refund-outside-window',
        'repeat-complaint',
      ]);
      for (const scenario of scenarios) {
        expect(scenario).toMatchObject({ status: 'published', version: 1 });
        for (const language of LANGUAGES) {
          expect(scenario.title[language], `${scenario.id} title ${language}`).toBeTruthy();
          expect(scenario.summary[language], `${scenario.id} summary ${language}`).toBeTruthy();
          expect(scenario.objective[language], `${scenario.id} objective ${language}`).toBeTruthy();
        }
      }
    }
  });

  it('keeps a trainer’s draft as it is, shows it to trainers only, and refuses to publish it with every issue listed', async () => {
    const draft = { ...irateCustomer(), id: 'gift-before-sunday', status: 'draft' as const };
    draft.rubric = draft.rubric.map((c, i) => (i === 0 ? { ...c, weight: c.weight + 5 } : c));
    draft.customer = { ...draft.customer, training: false };
    const saved = await request(t.url, 'PUT', API_ROLEPLAY.scenario(draft.id), { token: tokens.trainer, json: draft });
    expect(saved.status, saved.text).toBe(200);
    expect(Scenario.parse(saved.body)).toMatchObject({ id: draft.id, status: 'draft', version: 1 });

    const forTrainer = ScenariosResponse.parse((await get(tokens.trainer, API_ROLEPLAY.scenarios)).body).scenarios;
    expect(forTrainer.find((s) => s.id === draft.id)?.status).toBe('draft');
    const forAgent = ScenariosResponse.parse((await get(tokens.agent, API_ROLEPLAY.scenarios)).body).scenarios;
    expect(forAgent.some((s) => s.id === draft.id)).toBe(false);
    // A draft cannot be played.
    expect((await start(tokens.trainer, ids.agent, draft.id)).status).toBe(404);

    const refused = await request(t.url, 'PUT', API_ROLEPLAY.scenario(draft.id), { token: tokens.trainer, json: { ...draft, status: 'published' } });
    expect(refused.status).toBe(400);
    const error = errorOf(refused);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/cannot be published/);
    expect(error.issues?.map((issue) => issue.message).join('\n')).toMatch(/add up|100/);
    expect(error.issues?.map((issue) => issue.message).join('\n')).toMatch(/training data/);

    const fixed = { ...irateCustomer(), id: draft.id, status: 'published' as const };
    const published = await request(t.url, 'PUT', API_ROLEPLAY.scenario(draft.id), { token: tokens.trainer, json: fixed });
    expect(published.status, published.text).toBe(200);
    expect(Scenario.parse(published.body)).toMatchObject({ status: 'published', version: 1 });
    const again = await request(t.url, 'PUT', API_ROLEPLAY.scenario(draft.id), { token: tokens.trainer, json: { ...fixed, passThreshold: 80 } });
    expect(Scenario.parse(again.body)).toMatchObject({ status: 'published', version: 2, passThreshold: 80 });
    const { rows } = await t.db.query<{ version: number; status: string }>('SELECT version, status FROM roleplay_scenarios WHERE id = $1 ORDER BY version', [draft.id]);
    expect(rows).toEqual([
      { version: 1, status: 'published' },
      { version: 2, status: 'published' },
    ]);
  });

  it('lets only trainers edit scenarios, and refuses a body that names another scenario', async () => {
    for (const token of [tokens.agent, tokens.supervisor, tokens.admin]) {
      expect((await request(t.url, 'PUT', API_ROLEPLAY.scenario('irate-customer'), { token, json: irateCustomer() })).status).toBe(403);
    }
    const mismatch = await request(t.url, 'PUT', API_ROLEPLAY.scenario('something-else'), { token: tokens.trainer, json: irateCustomer() });
    expect(mismatch.status).toBe(400);
  });

  it('lists a trainer’s agents and an agent’s team-mates; supervisors and admins have no trainees', async () => {
    const forTrainer = TraineesResponse.parse((await get(tokens.trainer, API_ROLEPLAY.trainees)).body).trainees;
    expect(forTrainer.map((x) => x.id).sort()).toEqual([ids.agent, ids.agent2].sort());
    const forAgent = TraineesResponse.parse((await get(tokens.agent, API_ROLEPLAY.trainees)).body).trainees;
    expect(forAgent).toEqual([{ id: ids.agent2, name: 'Joana Souza', teamId: 'team-manila-1' }]);
    expect((await get(tokens.supervisor, API_ROLEPLAY.trainees)).status).toBe(403);
    expect((await get(tokens.admin, API_ROLEPLAY.trainees)).status).toBe(403);
  });

  it('starts a trainer’s session with an agent of the team, with a ticket the agent’s console verifies', async () => {
    const reply = await start(tokens.trainer, ids.agent);
    expect(reply.status, reply.text).toBe(200);
    trainerSession = StartSessionResponse.parse(reply.body);
    const { session, ticket, token, target } = trainerSession;
    expect(target).toBe('sip:agent@kalma.test');
    expect(session).toMatchObject({
      scenarioId: 'irate-customer',
      scenarioVersion: 1,
      language: 'fil',
      caller: { id: ids.trainer, name: 'Ana Lima' },
      trainee: { id: ids.agent, name: 'Maria Santos' },
      teamId: 'team-manila-1',
      peer: false,
      status: 'ready',
      marks: [],
      score: null,
      recording: null,
    });
    expect(ticket).toMatchObject({ kind: 'role-play', id: session.id, traineeId: ids.agent, callerId: ids.trainer, callerName: 'Ana Lima', peer: false, scenarioVersion: 1 });

    const keys = SigningKeysResponse.parse((await get(tokens.agent, API_MONITORING.keys)).body).keys;
    expect(readRolePlayTicket(token, keys)).toEqual({ ok: true, value: ticket });
    expect(checkTicket(ticket, { now: new Date(), userId: ids.agent })).toBeNull();
    expect(checkTicket(ticket, { now: new Date(), userId: ids.agent2 })).toBe('other-trainee');
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signing_keys`);
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses a trainer an agent of another team, an unknown scenario, and a language the scenario is not played in', async () => {
    expect((await start(tokens.trainer, ids.otherAgent)).status).toBe(403);
    expect((await start(tokens.otherTrainer, ids.agent)).status).toBe(403);
    expect((await start(tokens.trainer, ids.agent, 'no-such-scenario')).status).toBe(404);
    expect((await start(tokens.trainer, ids.agent, 'irate-customer', 'pt-BR')).status).toBe(400);
    expect((await start(tokens.trainer, ids.trainer)).status).toBe(400);
  });

  it('makes an agent’s session a peer session with a team-mate; supervisors and admins start none', async () => {
    const reply = await start(tokens.agent, ids.agent2, 'irate-customer', 'en');
    expect(reply.status, reply.text).toBe(200);
    peerSession = StartSessionResponse.parse(reply.body);
    expect(peerSession.session).toMatchObject({ peer: true, caller: { id: ids.agent }, trainee: { id: ids.agent2 }, teamId: 'team-manila-1' });
    expect(peerSession.ticket.peer).toBe(true);
    expect(peerSession.target).toBe('sip:agent2@kalma.test');

    expect((await start(tokens.agent, ids.otherAgent)).status).toBe(403);
    expect((await start(tokens.agent, ids.agent)).status).toBe(400);
    expect((await start(tokens.supervisor, ids.agent)).status).toBe(403);
    expect((await start(tokens.admin, ids.agent)).status).toBe(403);
  });

  it('shows a session to its trainee, its caller, and the team’s trainers and supervisors; another trainee gets 403', async () => {
    const id = trainerSession.session.id;
    for (const token of [tokens.agent, tokens.trainer, tokens.supervisor]) {
      const reply = await get(token, API_ROLEPLAY.session(id));
      expect(reply.status, reply.text).toBe(200);
      expect(RolePlaySession.parse(reply.body).id).toBe(id);
    }
    for (const token of [tokens.agent2, tokens.otherAgent, tokens.otherTrainer, tokens.admin]) {
      const reply = await get(token, API_ROLEPLAY.session(id));
      expect(reply.status).toBe(403);
      expect(errorOf(reply).code).toBe('FORBIDDEN');
    }
    expect((await get(tokens.trainer, API_ROLEPLAY.session('7d0c3a4e-58a5-4b58-9f55-1a3f2b3c4d5e'))).status).toBe(404);
  });

  it('lists an agent’s own sessions and the peer sessions they placed; trainers and supervisors see their teams’', async () => {
    const listed = async (token: string, query = '') => SessionsResponse.parse((await get(token, `${API_ROLEPLAY.sessions}${query}`)).body).sessions.map((s) => s.id).sort();
    const both = [trainerSession.session.id, peerSession.session.id].sort();
    expect(await listed(tokens.agent)).toEqual(both);
    expect(await listed(tokens.agent2)).toEqual([peerSession.session.id]);
    expect(await listed(tokens.trainer)).toEqual(both);
    expect(await listed(tokens.supervisor)).toEqual(both);
    expect(await listed(tokens.trainer, `?traineeId=${ids.agent2}`)).toEqual([peerSession.session.id]);
    expect(await listed(tokens.otherTrainer)).toEqual([]);
    expect((await get(tokens.admin, API_ROLEPLAY.sessions)).status).toBe(403);
  });

  it('takes the call’s events from the caller only, once', async () => {
    const id = trainerSession.session.id;
    const answeredAt = new Date(Date.now() - 120_000).toISOString();
    expect((await post(tokens.agent, API_ROLEPLAY.callEvent(id), { event: 'answered', at: answeredAt })).status).toBe(403);
    const answered = RolePlaySession.parse((await post(tokens.trainer, API_ROLEPLAY.callEvent(id), { event: 'answered', at: answeredAt })).body);
    expect(answered).toMatchObject({ status: 'in-call', answeredAt });
    const repeated = RolePlaySession.parse((await post(tokens.trainer, API_ROLEPLAY.callEvent(id), { event: 'answered', at: new Date().toISOString() })).body);
    expect(repeated).toMatchObject({ status: 'in-call', answeredAt });
  });

  it('takes marks from the session’s trainer, refusing a criterion or level the scenario does not have', async () => {
    const id = trainerSession.session.id;
    const unknown = await post(tokens.trainer, API_ROLEPLAY.marks(id), { criterionId: 'spoke-loudly', levelId: 'named', atMs: 1_000 });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toMatch(/no criterion "spoke-loudly"/);
    expect((await post(tokens.trainer, API_ROLEPLAY.marks(id), { criterionId: 'acknowledged-feeling', levelId: 'shouted', atMs: 1_000 })).status).toBe(400);
    expect((await post(tokens.agent, API_ROLEPLAY.marks(id), { criterionId: 'acknowledged-feeling', levelId: 'named', atMs: 1_000 })).status).toBe(403);
    expect((await post(tokens.otherTrainer, API_ROLEPLAY.marks(id), { criterionId: 'acknowledged-feeling', levelId: 'named', atMs: 1_000 })).status).toBe(403);

    // Rubric of irate-customer: acknowledged-feeling 30, found-real-problem 20, applied-policy 15,
    // right-exception-or-escalation 20, closed-with-reference 15; levels 0/1/2; pass at 75.
    const marks = [
      { criterionId: 'acknowledged-feeling', levelId: 'generic', atMs: 10_000 },
      { criterionId: 'acknowledged-feeling', levelId: 'named', atMs: 30_000, note: 'named the gift' },
      { criterionId: 'found-real-problem', levelId: 'partly', atMs: 60_000 },
      { criterionId: 'applied-policy', levelId: 'right', atMs: 80_000 },
      { criterionId: 'right-exception-or-escalation', levelId: 'right', atMs: 90_000 },
    ];
    let session: RolePlaySession | undefined;
    for (const mark of marks) {
      const reply = await post(tokens.trainer, API_ROLEPLAY.marks(id), mark);
      expect(reply.status, reply.text).toBe(200);
      session = RolePlaySession.parse(reply.body);
    }
    expect(session?.marks).toHaveLength(5);
    expect(session?.marks.every((mark) => mark.by === ids.trainer)).toBe(true);
    expect(session?.marks[1]).toMatchObject({ note: 'named the gift' });
  });

  it('scores the session from the marks on finishing, and keeps it', async () => {
    const id = trainerSession.session.id;
    const ended = RolePlaySession.parse((await post(tokens.trainer, API_ROLEPLAY.callEvent(id), { event: 'ended', at: new Date().toISOString() })).body);
    expect(ended.status).toBe('ended');
    expect((await post(tokens.agent, API_ROLEPLAY.finish(id), { feedback: 'Good' })).status).toBe(403);

    const reply = await post(tokens.trainer, API_ROLEPLAY.finish(id), { feedback: 'You named the gift; close with the reference next time.' });
    expect(reply.status, reply.text).toBe(200);
    const scored = RolePlaySession.parse(reply.body);
    expect(scored).toMatchObject({ status: 'scored', feedback: 'You named the gift; close with the reference next time.', scoredBy: { id: ids.trainer, name: 'Ana Lima' } });
    // 30·2/2 + 20·1/2 + 15·2/2 + 20·2/2 + 15·0 = 75 of 100: exactly the threshold.
    expect(scored.score?.percent).toBeCloseTo(75, 9);
    expect(scored.score).toMatchObject({ threshold: 75, outcome: 'pass', notScored: ['closed-with-reference'] });
    expect(scored.score?.criteria.find((c) => c.criterionId === 'acknowledged-feeling')).toMatchObject({ scored: true, levelId: 'named', points: 2 });

    expect((await post(tokens.trainer, API_ROLEPLAY.finish(id), { feedback: 'Again' })).status).toBe(409);
    expect((await post(tokens.trainer, API_ROLEPLAY.marks(id), { criterionId: 'closed-with-reference', levelId: 'full', atMs: 1 })).status).toBe(409);
    // The agent sees it as the trainer left it.
    expect(RolePlaySession.parse((await get(tokens.agent, API_ROLEPLAY.session(id))).body).score?.outcome).toBe('pass');
  });

  it('lets a trainer of the team review a peer session; not one of another team', async () => {
    const id = peerSession.session.id;
    const mark = { criterionId: 'acknowledged-feeling', levelId: 'missed', atMs: 5_000 };
    expect((await post(tokens.otherTrainer, API_ROLEPLAY.marks(id), mark)).status).toBe(403);
    expect((await post(tokens.trainer, API_ROLEPLAY.marks(id), mark)).status).toBe(200);
    const finished = RolePlaySession.parse((await post(tokens.trainer, API_ROLEPLAY.finish(id), { feedback: 'Slow down and name what they feel.' })).body);
    expect(finished).toMatchObject({ status: 'scored', peer: true, scoredBy: { id: ids.trainer } });
    expect(finished.score).toMatchObject({ percent: 0, outcome: 'retry' });
  });

  it('keeps the recording the trainee agreed to and plays it back to whoever may read the session', async () => {
    const id = trainerSession.session.id;
    const audio = new Uint8Array(50_000).map((_, i) => (i * 7) % 256);
    // Made on the trainee's console, where they agreed to it: nobody else sends it.
    for (const token of [tokens.trainer, tokens.agent2, tokens.supervisor]) expect((await putRecording(token, id, audio)).status).toBe(403);
    expect((await putRecording(tokens.agent, id, audio, 1234, 'application/octet-stream')).status).toBe(415);

    const put = await putRecording(tokens.agent, id, audio, 61_500);
    expect(put.status, await put.clone().text()).toBe(200);
    expect(RolePlaySession.parse(await put.json()).recording).toEqual({ bytes: 50_000, durationMs: 61_500 });

    for (const token of [tokens.agent, tokens.trainer, tokens.supervisor]) {
      const got = await fetch(`${t.url}${API_ROLEPLAY.recording(id)}`, { headers: { authorization: `Bearer ${token}` } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toMatch(/^audio\/webm/);
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(audio);
    }
    for (const token of [tokens.agent2, tokens.otherAgent, tokens.admin]) {
      expect((await get(token, API_ROLEPLAY.recording(id))).status).toBe(403);
    }
    expect((await get(tokens.agent, API_ROLEPLAY.recording(peerSession.session.id))).status).toBe(404);
  });

  it('refuses a recording larger than the limit', async () => {
    const tooBig = new Uint8Array(MAX_RECORDING_BYTES + 1);
    const reply = await putRecording(tokens.agent, trainerSession.session.id, tooBig);
    expect(reply.status).toBe(413);
    expect((await reply.json()) as unknown).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'The recording is larger than the 20 MiB a training session may keep.' } });
  });

  it('shows progress: an agent their own criteria, a trainer and a supervisor their team', async () => {
    const mine = ProgressResponse.parse((await get(tokens.agent, API_ROLEPLAY.progress)).body);
    expect(mine.trainees.map((x) => x.traineeId)).toEqual([ids.agent]);
    const [agent] = mine.trainees;
    expect(agent?.sessions).toEqual([expect.objectContaining({ sessionId: trainerSession.session.id, scenarioId: 'irate-customer', outcome: 'pass' })]);
    expect(agent?.criteria.map((c) => c.criterionId)).toEqual([
      'acknowledged-feeling',
      'applied-policy',
      'closed-with-reference',
      'found-real-problem',
      'right-exception-or-escalation',
    ]);
    expect(agent?.criteria.find((c) => c.criterionId === 'found-real-problem')?.points[0]).toMatchObject({ fraction: 0.5, scored: true });

    for (const token of [tokens.trainer, tokens.supervisor]) {
      const team = ProgressResponse.parse((await get(token, API_ROLEPLAY.progress)).body);
      expect(team.trainees.map((x) => x.traineeId).sort()).toEqual([ids.agent, ids.agent2].sort());
      expect(team.teams.map((x) => x.teamId)).toEqual(['team-manila-1']);
    }
    expect(ProgressResponse.parse((await get(tokens.otherTrainer, API_ROLEPLAY.progress)).body)).toEqual({ trainees: [], teams: [] });
    expect((await get(tokens.admin, API_ROLEPLAY.progress)).status).toBe(403);
  });

  it('leaves customers, history, call records and agent states exactly as they were', async () => {
    expect(await realWork(t.db)).toEqual(before);
  });
});

describe.each(backends)('role-play default scenarios across restarts (%s)', (backend) => {
  it('seeds the defaults once, and never puts one back over a trainer’s edit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kalma-roleplay-'));
    const database = await freshDatabase(backend, dataDir);
    try {
      const first = await startTestServer(backend, {}, database);
      const { token } = await signIn(first.url, 'trainer', 'trainer-demo-2026');
      const edited = { ...irateCustomer(), passThreshold: 80 };
      expect((await request(first.url, 'PUT', API_ROLEPLAY.scenario(edited.id), { token, json: edited })).status).toBe(200);
      await first.close();

      const second = await startTestServer(backend, {}, database);
      try {
        const { rows } = await second.db.query<{ id: string; version: number }>('SELECT id, version FROM roleplay_scenarios ORDER BY id, version');
        expect(rows).toHaveLength(7);
        expect(rows.filter((row) => row.id === 'irate-customer').map((row) => row.version)).toEqual([1, 2]);
        const listed = ScenariosResponse.parse((await request(second.url, 'GET', API_ROLEPLAY.scenarios, { token })).body).scenarios;
        expect(listed.find((s) => s.id === 'irate-customer')).toMatchObject({ version: 2, passThreshold: 80 });
        expect(second.logs.some((line) => line.includes('default role-play scenarios seeded'))).toBe(false);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api/auth';
import { API_GUIDANCE, GuidanceServed, GuidanceStamp } from '../../../shared/api/guidance';
import { API_POLICY_ADMIN, StoredPolicyPack, TeamThresholds, TeamThresholdsList } from '../../../shared/api/policy-admin';
import { DEMO_TEAM } from '../../../shared/domain/demo-accounts';
import { DEFAULT_GUIDANCE_THRESHOLDS, type GuidanceThresholds } from '../../../shared/guidance/triggers';
import { evaluatePolicy, type PolicyPack, type WindowRule } from '../../../shared/policy';
import { openDb } from '../../../server/db/db';
import { migrate, readMigrations } from '../../../server/db/migrate';
import { thresholdsFor } from '../../../server/guidance/policy-admin-store';
import { backends, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

/**
 * Admins edit the floor's returns policy and supervisors their team's trigger thresholds, on a
 * real server: what agents are served changes, the stamp consoles poll moves, and who may do it
 * is checked by role and by team.
 */
describe.each(backends)('policy pack and team thresholds editing (%s)', (backend) => {
  let t: TestServer;
  const tokens = { agent: '', supervisor: '', admin: '', otherSupervisor: '', otherAgent: '' };
  const OTHER_TEAM = { id: 'team-cebu-2', name: 'Cebu Care 2' };

  beforeAll(async () => {
    t = await startTestServer(backend, { policyPack: 'ph' });
    for (const role of ['agent', 'supervisor', 'admin'] as const) tokens[role] = (await signIn(t.url, role, `${role}-demo-2026`)).token;
    await t.db.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [OTHER_TEAM.id, OTHER_TEAM.name]);
    for (const [username, role] of [
      ['cebu.lead', 'supervisor'],
      ['cebu.agent', 'agent'],
    ] as const) {
      const created = await request(t.url, 'POST', API.adminUsers, {
        token: tokens.admin,
        json: { username, displayName: username, password: `${username}-password`, role, teamIds: [OTHER_TEAM.id] },
      });
      expect(created.status, created.text).toBe(201);
    }
    tokens.otherSupervisor = (await signIn(t.url, 'cebu.lead', 'cebu.lead-password')).token;
    tokens.otherAgent = (await signIn(t.url, 'cebu.agent', 'cebu.agent-password')).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const served = async (token = tokens.agent) => GuidanceServed.parse((await request(t.url, 'GET', API_GUIDANCE.content, { token })).body);
  const stamp = async (token = tokens.agent) => GuidanceStamp.parse((await request(t.url, 'GET', API_GUIDANCE.stamp, { token })).body).stamp;
  const stored = async () => {
    const reply = await request(t.url, 'GET', API_POLICY_ADMIN.pack, { token: tokens.admin });
    expect(reply.status, reply.text).toBe(200);
    return StoredPolicyPack.parse(reply.body);
  };
  const changeOfMind = (pack: PolicyPack) => pack.rules.find((r): r is WindowRule => r.id === 'ph-change-of-mind' && r.kind === 'window')!;
  /** A change-of-mind return of an unopened item delivered five days before "today", receipt and box in hand. */
  const fiveDaysIn = (pack: PolicyPack) =>
    evaluatePolicy(pack, {
      customer: { tags: [] },
      order: { placedAt: '2026-03-01T02:00:00Z', deliveredAt: '2026-03-03T02:00:00Z', channel: 'online', currency: 'PHP' },
      item: { sku: 'TV-32', category: 'electronics', quantity: 1, unitPriceMinor: 129_900 },
      request: { kind: 'return', reason: 'changed_mind', proof: ['receipt', 'original_packaging'], itemCondition: 'unopened' },
      today: '2026-03-08',
    });

  it('lets an admin shorten a return window: agents are served the new pack, their stamp moves, and the change is audited', async () => {
    const before = await stored();
    expect(before.updatedBy).toBeNull();
    expect(fiveDaysIn(before.pack).outcome).toBe('eligible');
    const stampBefore = await stamp();

    const pack = structuredClone(before.pack);
    changeOfMind(pack).days = 3;
    const reply = await request(t.url, 'PUT', API_POLICY_ADMIN.pack, { token: tokens.admin, json: { pack, baseVersion: before.pack.version } });
    expect(reply.status, reply.text).toBe(200);
    const saved = StoredPolicyPack.parse(reply.body);
    expect(saved.pack.version).toBe(before.pack.version + 1);

    const agentPack = (await served()).policyPack!;
    expect(changeOfMind(agentPack).days).toBe(3);
    expect(agentPack.version).toBe(before.pack.version + 1);
    // What the agent's request form now says about the same return.
    expect(fiveDaysIn(agentPack).outcome).toBe('not-eligible');
    expect(await stamp()).not.toBe(stampBefore);

    const { rows } = await t.db.query<{ pack_version: number; saved_by: string; username: string }>(
      'SELECT c.pack_version, c.saved_by, u.username FROM policy_pack_changes c JOIN users u ON u.id = c.saved_by ORDER BY c.id',
    );
    expect(rows).toEqual([expect.objectContaining({ pack_version: before.pack.version + 1, username: 'admin' })]);
  });

  it('refuses an admin who saves over a newer version', async () => {
    const current = await stored();
    const reply = await request(t.url, 'PUT', API_POLICY_ADMIN.pack, { token: tokens.admin, json: { pack: current.pack, baseVersion: current.pack.version - 1 } });
    expect(reply.status).toBe(409);
    expect(errorOf(reply).code).toBe('CONFLICT');
    expect((await stored()).pack.version).toBe(current.pack.version);
  });

  it('refuses agents and supervisors (403), and leaves the pack as it was', async () => {
    const current = await stored();
    const pack = structuredClone(current.pack);
    changeOfMind(pack).days = 90;
    for (const token of [tokens.agent, tokens.supervisor]) {
      expect((await request(t.url, 'GET', API_POLICY_ADMIN.pack, { token })).status).toBe(403);
      const reply = await request(t.url, 'PUT', API_POLICY_ADMIN.pack, { token, json: { pack, baseVersion: current.pack.version } });
      expect(reply.status).toBe(403);
      expect(errorOf(reply).code).toBe('FORBIDDEN');
    }
    expect(changeOfMind((await served()).policyPack!).days).toBe(3);
  });

  it('refuses an invalid pack with the fields at fault, and stores nothing', async () => {
    const current = await stored();
    const pack = structuredClone(current.pack) as unknown as { rules: Record<string, unknown>[]; notLegalAdvice: unknown };
    const window = pack.rules.find((r) => r.id === 'ph-change-of-mind')!;
    window.days = -2;
    window.sources = ['no-such-source'];
    const reply = await request(t.url, 'PUT', API_POLICY_ADMIN.pack, { token: tokens.admin, json: { pack, baseVersion: current.pack.version } });
    expect(reply.status).toBe(400);
    const issues = errorOf(reply).issues ?? [];
    const index = current.pack.rules.findIndex((r) => r.id === 'ph-change-of-mind');
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining([`pack.rules.${index}.days`]));

    // Dropping the "not legal advice" marking is not a pack either.
    const unmarked = { ...structuredClone(current.pack), notLegalAdvice: false };
    const second = await request(t.url, 'PUT', API_POLICY_ADMIN.pack, { token: tokens.admin, json: { pack: unmarked, baseVersion: current.pack.version } });
    expect(second.status).toBe(400);
    expect(errorOf(second).issues?.some((i) => i.path === 'pack.notLegalAdvice')).toBe(true);
    expect((await stored()).pack).toEqual(current.pack);
  });

  const tuned: GuidanceThresholds = { ...DEFAULT_GUIDANCE_THRESHOLDS, longHoldSeconds: 30, maxPromptsPerMinute: 2 };

  it("serves each agent their own team's thresholds, set by that team's supervisor", async () => {
    const listed = TeamThresholdsList.parse((await request(t.url, 'GET', API_POLICY_ADMIN.thresholds, { token: tokens.supervisor })).body).teams;
    expect(listed.map((team) => team.teamId)).toEqual([DEMO_TEAM.id]);
    expect(listed[0]).toMatchObject({ custom: false, thresholds: DEFAULT_GUIDANCE_THRESHOLDS });
    const stamps = { mine: await stamp(), other: await stamp(tokens.otherAgent) };

    const reply = await request(t.url, 'PUT', API_POLICY_ADMIN.team(DEMO_TEAM.id), { token: tokens.supervisor, json: { thresholds: tuned } });
    expect(reply.status, reply.text).toBe(200);
    expect(TeamThresholds.parse(reply.body)).toMatchObject({ teamId: DEMO_TEAM.id, custom: true, thresholds: tuned });

    expect((await served()).thresholds).toEqual(tuned);
    expect(await stamp()).not.toBe(stamps.mine);
    // The other team's agent keeps the defaults, and their console has nothing new to fetch.
    expect((await served(tokens.otherAgent)).thresholds).toEqual(DEFAULT_GUIDANCE_THRESHOLDS);
    expect(await stamp(tokens.otherAgent)).toBe(stamps.other);

    const { rows } = await t.db.query<{ team_id: string; username: string }>(
      'SELECT c.team_id, u.username FROM team_threshold_changes c JOIN users u ON u.id = c.changed_by ORDER BY c.id',
    );
    expect(rows).toEqual([{ team_id: DEMO_TEAM.id, username: 'supervisor' }]);
  });

  it("refuses a supervisor of another team, and an agent, and checks the thresholds' fields", async () => {
    const byOther = await request(t.url, 'PUT', API_POLICY_ADMIN.team(DEMO_TEAM.id), {
      token: tokens.otherSupervisor,
      json: { thresholds: { ...tuned, longHoldSeconds: 600 } },
    });
    expect(byOther.status).toBe(403);
    expect((await request(t.url, 'PUT', API_POLICY_ADMIN.team(DEMO_TEAM.id), { token: tokens.agent, json: { thresholds: tuned } })).status).toBe(403);
    expect((await request(t.url, 'GET', API_POLICY_ADMIN.thresholds, { token: tokens.agent })).status).toBe(403);

    const bad = await request(t.url, 'PUT', API_POLICY_ADMIN.team(DEMO_TEAM.id), { token: tokens.supervisor, json: { thresholds: { ...tuned, longHoldSeconds: 2 } } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).issues?.some((i) => i.path === 'thresholds.longHoldSeconds')).toBe(true);
    expect((await served()).thresholds.longHoldSeconds).toBe(30);

    // The other team's supervisor sees and tunes only their own team; an admin tunes any.
    const theirs = TeamThresholdsList.parse((await request(t.url, 'GET', API_POLICY_ADMIN.thresholds, { token: tokens.otherSupervisor })).body).teams;
    expect(theirs.map((team) => team.teamId)).toEqual([OTHER_TEAM.id]);
    const byAdmin = await request(t.url, 'PUT', API_POLICY_ADMIN.team(OTHER_TEAM.id), { token: tokens.admin, json: { thresholds: { ...tuned, longHoldSeconds: 90 } } });
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect((await served(tokens.otherAgent)).thresholds.longHoldSeconds).toBe(90);
    expect((await served()).thresholds.longHoldSeconds).toBe(30);
    const all = TeamThresholdsList.parse((await request(t.url, 'GET', API_POLICY_ADMIN.thresholds, { token: tokens.admin })).body).teams;
    expect(all.map((team) => team.teamId).sort()).toEqual([OTHER_TEAM.id, DEMO_TEAM.id].sort());
  });
});

describe('migration 014 (policy pack changes, team thresholds)', () => {
  it('upgrades a database written before it: teams and the stored pack stay, every team starts on the defaults', async () => {
    const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
    const db = await openDb({ kind: 'pglite', dataDir: 'memory://' }, silent as never);
    try {
      const all = readMigrations();
      await migrate(db, silent, all.filter((m) => m.version < 14));
      await db.query("INSERT INTO teams (id, name) VALUES ('team-a', 'Team A')");
      await db.query("INSERT INTO policies (id, kind, title, body, published) VALUES ('policy-pack', 'policy-pack-ph', 'PH', '{\"version\": 1}'::jsonb, true)");

      expect((await migrate(db, silent, all)).applied).toEqual(all.filter((m) => m.version >= 14).map((m) => m.version));
      expect((await db.query('SELECT id FROM teams')).rows).toEqual([{ id: 'team-a' }]);
      expect((await db.query<{ body: unknown }>("SELECT body FROM policies WHERE id = 'policy-pack'")).rows[0]?.body).toEqual({ version: 1 });
      expect(await thresholdsFor(db, 'nobody', () => {})).toEqual(DEFAULT_GUIDANCE_THRESHOLDS);
      expect((await db.query('SELECT * FROM team_guidance_thresholds')).rows).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_QA, QaCallsResponse, QaEvaluation, QaEvaluationsResponse } from '../../../shared/api/qa';
import { QA_RUBRIC, QA_RUBRIC_VERSION } from '../../../shared/qa/rubric';
import { backends, errorOf, request, signIn, startTestServer, type TestServer } from './harness';

/**
 * Quality evaluations on a real server: a supervisor of the agent's team lists the agent's calls and
 * scores one with the QA rubric (role-play's scoring, the rubric version kept); another team's
 * supervisor, a trainer or the agent may not; the agent reads their own and acknowledges once.
 */

describe.each(backends)('QA evaluations (%s)', (backend) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let customer: { id: string; name: string };

  /** Full marks on every criterion but one missed: 100 - that criterion's weight. */
  const marksMissing = (missed: string) =>
    QA_RUBRIC.map((c) => ({ criterionId: c.id, levelId: (c.id === missed ? c.levels[0] : c.levels[c.levels.length - 1])!.id }));

  beforeAll(async () => {
    t = await startTestServer(backend);
    await t.db.query(`INSERT INTO teams (id, name) VALUES ('team-cebu', 'Cebu Care')`);
    for (const [username, role] of [
      ['cebu-agent', 'agent'],
      ['cebu-lead', 'supervisor'],
    ] as const) {
      await t.db.query(
        `INSERT INTO users (id, username, display_name, role, password_hash)
         SELECT $1, $1, initcap(replace($1, '-', ' ')), $2, password_hash FROM users WHERE username = 'agent'`,
        [username, role],
      );
      await t.db.query(`INSERT INTO team_members (team_id, user_id) VALUES ('team-cebu', $1)`, [username]);
    }
    const { rows } = await t.db.query<{ id: string; username: string }>(`SELECT id, username FROM users`);
    for (const row of rows) ids[row.username] = row.id;
    const passwords: Record<string, string> = { agent: 'agent-demo-2026', agent2: 'agent2-demo-2026', supervisor: 'supervisor-demo-2026', trainer: 'trainer-demo-2026' };
    for (const username of ['agent', 'agent2', 'supervisor', 'trainer', 'cebu-lead']) {
      tokens[username] = (await signIn(t.url, username, passwords[username] ?? 'agent-demo-2026')).token;
    }
    customer = { id: 'c-qa-1', name: 'Ana Reyes' };
    await t.db.query(`INSERT INTO customers (id, name) VALUES ($1, $2)`, [customer.id, customer.name]);
    const hourAgo = Date.now() - 3_600_000;
    await t.db.query(
      `INSERT INTO call_records (agent_id, call_id, direction, number, remote_uri, customer_id, line, started_at, answered_at, ended_at, end_cause, disposition)
       VALUES ($1, 'qa-call-1', 'inbound', '+639170000001', 'sip:x', $2, 1, $3, $4, $5, 'hangup', 'resolved')`,
      [ids.agent, customer.id, new Date(hourAgo), new Date(hourAgo + 5_000), new Date(hourAgo + 185_000)],
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it("lists a team agent's recent calls to their supervisor only", async () => {
    const reply = await request(t.url, 'GET', `${API_QA.calls}?agentId=${ids.agent}`, { token: tokens.supervisor });
    expect(reply.status, reply.text).toBe(200);
    expect(QaCallsResponse.parse(reply.body).calls).toEqual([
      expect.objectContaining({ callId: 'qa-call-1', customerName: customer.name, durationMs: 180_000, disposition: 'resolved', evaluations: 0 }),
    ]);
    expect((await request(t.url, 'GET', `${API_QA.calls}?agentId=${ids.agent}`, { token: tokens['cebu-lead'] })).status).toBe(403);
    for (const who of ['agent', 'trainer']) expect((await request(t.url, 'GET', `${API_QA.calls}?agentId=${ids.agent}`, { token: tokens[who] })).status).toBe(403);
  });

  it('refuses evaluations from outside the team, of unknown calls, and with marks not in the rubric', async () => {
    const body = { agentId: ids.agent, callId: 'qa-call-1', marks: marksMissing('closed-with-reference'), feedback: 'Good call.' };
    expect((await request(t.url, 'POST', API_QA.evaluations, { token: tokens['cebu-lead'], json: body })).status).toBe(403);
    expect((await request(t.url, 'POST', API_QA.evaluations, { token: tokens.trainer, json: body })).status).toBe(403);
    expect((await request(t.url, 'POST', API_QA.evaluations, { token: tokens.agent2, json: body })).status).toBe(403);
    expect((await request(t.url, 'POST', API_QA.evaluations, { token: tokens.supervisor, json: { ...body, callId: 'nope' } })).status).toBe(404);
    const badCriterion = await request(t.url, 'POST', API_QA.evaluations, { token: tokens.supervisor, json: { ...body, marks: [{ criterionId: 'juggling', levelId: 'done' }] } });
    expect(badCriterion.status).toBe(400);
    expect(errorOf(badCriterion).code).toBe('INVALID_INPUT');
    const badLevel = await request(t.url, 'POST', API_QA.evaluations, { token: tokens.supervisor, json: { ...body, marks: [{ criterionId: 'applied-policy', levelId: 'superb' }] } });
    expect(badLevel.status).toBe(400);
    expect((await t.db.query(`SELECT 1 FROM qa_evaluations`)).rows).toHaveLength(0);
  });

  it('scores with the rubric, shows the agent their own, and keeps the first acknowledgement', async () => {
    const saved = await request(t.url, 'POST', API_QA.evaluations, {
      token: tokens.supervisor,
      json: { agentId: ids.agent, callId: 'qa-call-1', marks: marksMissing('closed-with-reference'), feedback: 'Warm and clear; give the reference before closing.' },
    });
    expect(saved.status, saved.text).toBe(200);
    const evaluation = QaEvaluation.parse(saved.body);
    const weight = QA_RUBRIC.find((c) => c.id === 'closed-with-reference')!.weight;
    expect(evaluation.score.percent).toBeCloseTo(100 - weight);
    expect(evaluation.score.outcome).toBe('pass');
    expect(evaluation).toMatchObject({ rubricVersion: QA_RUBRIC_VERSION, callId: 'qa-call-1', agent: { id: ids.agent }, evaluator: { id: ids.supervisor }, acknowledgedAt: null });
    expect(evaluation.call).toMatchObject({ customerName: customer.name, durationMs: 180_000, disposition: 'resolved' });

    const mine = QaEvaluationsResponse.parse((await request(t.url, 'GET', API_QA.evaluations, { token: tokens.agent })).body);
    expect(mine.evaluations.map((e) => e.id)).toEqual([evaluation.id]);
    expect(QaEvaluationsResponse.parse((await request(t.url, 'GET', API_QA.evaluations, { token: tokens.agent2 })).body).evaluations).toEqual([]);
    expect((await request(t.url, 'GET', `${API_QA.evaluations}?agentId=${ids.agent}`, { token: tokens.agent2 })).status).toBe(403);
    expect(QaEvaluationsResponse.parse((await request(t.url, 'GET', API_QA.evaluations, { token: tokens['cebu-lead'] })).body).evaluations).toEqual([]);
    expect((await request(t.url, 'GET', `${API_QA.evaluations}?agentId=${ids.agent}`, { token: tokens['cebu-lead'] })).status).toBe(403);

    const ack = API_QA.acknowledge(evaluation.id);
    expect((await request(t.url, 'POST', ack, { token: tokens.agent2, json: {} })).status).toBe(403);
    expect((await request(t.url, 'POST', ack, { token: tokens.supervisor, json: {} })).status).toBe(403);
    const first = QaEvaluation.parse((await request(t.url, 'POST', ack, { token: tokens.agent, json: { comment: 'Will do.' } })).body);
    expect(first.acknowledgedAt).not.toBeNull();
    expect(first.acknowledgeComment).toBe('Will do.');
    const again = QaEvaluation.parse((await request(t.url, 'POST', ack, { token: tokens.agent, json: { comment: 'Changed my mind' } })).body);
    expect(again).toMatchObject({ acknowledgedAt: first.acknowledgedAt, acknowledgeComment: 'Will do.' });

    const team = QaEvaluationsResponse.parse((await request(t.url, 'GET', `${API_QA.evaluations}?agentId=${ids.agent}`, { token: tokens.supervisor })).body);
    expect(team.evaluations[0]).toMatchObject({ id: evaluation.id, acknowledgeComment: 'Will do.' });
    const calls = QaCallsResponse.parse((await request(t.url, 'GET', `${API_QA.calls}?agentId=${ids.agent}`, { token: tokens.supervisor })).body);
    expect(calls.calls[0]?.evaluations).toBe(1);
  });
});

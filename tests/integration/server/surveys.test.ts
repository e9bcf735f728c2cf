import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import { API_SURVEYS, SurveyOutbox, type SurveyOutboxEntry } from '../../../shared/api/surveys';
import { API_WALLBOARD, TeamFigures } from '../../../shared/api/wallboard';
import { STANDARD_SURVEY } from '../../../shared/surveys/standard-survey';
import { importCustomers } from '../../../server/customers/import';
import { customer, pullAll, pushOk } from '../sync-server/sync-harness';
import { backends, request, signIn, startTestServer, type TestServer } from './harness';

/** An answered inbound call with this customer, and its wrap-up, as a console pushes them. */
function callAndWrapUp(customerId: string | null, surveyRequested: boolean, callId = `call-${randomUUID()}`): PushEnvelope[] {
  const start = Date.now() - 10 * 60_000;
  return [
    {
      id: randomUUID(),
      kind: 'call.record',
      payload: {
        id: callId,
        direction: 'inbound',
        number: '+639171234567',
        remoteUri: 'sip:+639171234567@pbx.example',
        customerId,
        line: 1,
        startedAt: new Date(start).toISOString(),
        answeredAt: new Date(start + 5_000).toISOString(),
        endedAt: new Date(start + 185_000).toISOString(),
        endCause: 'hangup-remote',
        transfers: [],
      },
    },
    {
      id: randomUUID(),
      kind: 'call.wrapUp',
      payload: { callId, disposition: 'no_disposition', surveyRequested, wrappedUpAt: new Date(start + 200_000).toISOString(), automatic: false },
    },
  ];
}

/** The page as a phone's browser gets it. */
async function open(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

function answer(url: string, fields: Record<string, string>) {
  return open(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

describe.each(backends)('post-call surveys (%s)', (backend) => {
  let t: TestServer;
  const tokens: Record<string, string> = {};
  let agentId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    for (const [name, password] of [
      ['agent', 'agent-demo-2026'],
      ['supervisor', 'supervisor-demo-2026'],
      ['admin', 'admin-demo-2026'],
    ] as const) {
      const session = await signIn(t.url, name, password);
      tokens[name] = session.token;
      if (name === 'agent') agentId = session.user.id;
    }
    await importCustomers(t.db, {
      customers: [
        customer('br-1', { name: 'Joana Pereira', language: 'pt-BR', emails: ['joana@example.com.br'], phones: [{ number: '+55 11 91234-5678', label: 'mobile' }] }),
        customer('ph-1', { name: 'Ligaya Dela Cruz', language: 'fil' }),
        customer('ph-2', { name: 'Bayani Santos', language: 'fil' }),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function exported(): Promise<SurveyOutboxEntry[]> {
    const reply = await request(t.url, 'GET', API_SURVEYS.outbox, { token: tokens.admin });
    expect(reply.status, reply.text).toBe(200);
    return SurveyOutbox.parse(reply.body).invitations;
  }

  async function surveyLinkFor(customerId: string): Promise<{ link: string; callId: string }> {
    const callId = `call-${randomUUID()}`;
    const results = await pushOk(t.url, tokens.agent!, callAndWrapUp(customerId, true, callId));
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const entry = (await exported()).find((e) => e.customerId === customerId);
    if (!entry) throw new Error(`no survey link for ${customerId}`);
    return { link: entry.link, callId };
  }

  it('makes one link for a wrap-up with the survey flag, none without it or without a customer; the export is for admins', async () => {
    const callId = `call-${randomUUID()}`;
    const pushes = callAndWrapUp('ph-1', true, callId);
    await pushOk(t.url, tokens.agent!, pushes);
    // The same wrap-up again under a new id (a console that crashed before its ack) is still one.
    await pushOk(t.url, tokens.agent!, [{ ...pushes[1]!, id: randomUUID() }]);
    await pushOk(t.url, tokens.agent!, callAndWrapUp('ph-2', false));
    await pushOk(t.url, tokens.agent!, callAndWrapUp(null, true));
    const { rows } = await t.db.query<{ customer_id: string; language: string; agent_id: string; team_id: string | null; expires_in_days: number }>(
      `SELECT customer_id, language, agent_id, team_id, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS expires_in_days FROM survey_invitations`,
    );
    expect(rows).toEqual([{ customer_id: 'ph-1', language: 'fil', agent_id: agentId, team_id: expect.any(String), expires_in_days: 7 }]);

    for (const who of ['agent', 'supervisor'] as const) expect((await request(t.url, 'GET', API_SURVEYS.outbox, { token: tokens[who] })).status).toBe(403);
    expect((await request(t.url, 'GET', API_SURVEYS.outbox)).status).toBe(401);

    const csv = await fetch(`${t.url}${API_SURVEYS.outbox}?format=csv`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`"ph-1","\\+639171234567","ph-1@example.com","fil","${t.url}/s/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}"`));
    // Exported once: the next export has nothing new.
    expect(await exported()).toEqual([]);
  });

  it('shows the survey in the customer language: Portuguese for a Brazilian customer, Filipino for a Filipino one', async () => {
    const br = await open((await surveyLinkFor('br-1')).link);
    expect(br.status).toBe(200);
    expect(br.html).toContain('<html lang="pt-BR">');
    expect(br.html).toContain(STANDARD_SURVEY.questions[0]!.text['pt-BR']);
    expect(br.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(br.headers.get('referrer-policy')).toBe('no-referrer');
    expect(br.html).not.toMatch(/<script/i);

    const ph = await open((await surveyLinkFor('ph-2')).link);
    expect(ph.html).toContain('<html lang="fil">');
    expect(ph.html).toContain(STANDARD_SURVEY.texts.title.fil);
    // The token stays out of the request log.
    expect(t.logs.join('\n')).not.toMatch(/\/s\/[A-Za-z0-9_-]{22}\./);
  });

  it('stores one answer: the timeline gets a survey interaction through the feed, the figures count it, a second answer is refused', async () => {
    const { cursor } = await pullAll(t.url, tokens.agent!);
    const { link, callId } = await surveyLinkFor('br-1');

    const incomplete = await answer(link, { recommend: '9' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.html).toContain(STANDARD_SURVEY.texts.required['pt-BR']);
    expect(incomplete.html).toContain('value="9" checked');

    const done = await answer(link, { satisfaction: '4', recommend: '9', comment: 'A atendente foi muito atenciosa.' });
    expect(done.status).toBe(200);
    expect(done.html).toContain(STANDARD_SURVEY.texts.thanksTitle['pt-BR']);

    const { rows } = await t.db.query<{ agent_id: string; team_id: string | null; call_id: string; csat: number; nps: number; comment: string; scripts: unknown[]; policy_version: string | null }>(
      `SELECT r.agent_id, r.team_id, r.call_id, r.csat, r.nps, r.comment, r.scripts, r.policy_version FROM survey_responses r
         JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.call_id = $1`,
      [callId],
    );
    expect(rows).toEqual([
      { agent_id: agentId, team_id: expect.any(String), call_id: callId, csat: 4, nps: 9, comment: 'A atendente foi muito atenciosa.', scripts: [], policy_version: expect.any(String) },
    ]);

    const feed = await pullAll(t.url, tokens.agent!, cursor);
    const surveys = feed.rows.filter((row) => row.entity === 'interaction' && (row.data as { kind?: string }).kind === 'survey');
    expect(surveys.map((row) => row.data)).toEqual([
      expect.objectContaining({ customerId: 'br-1', csat: 4, nps: 9, text: 'A atendente foi muito atenciosa.', callId, author: null }),
    ]);

    const figures = await request(t.url, 'GET', `${API_WALLBOARD.figures}?since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`, {
      token: tokens.supervisor,
    });
    expect(figures.status, figures.text).toBe(200);
    const parsed = TeamFigures.parse(figures.body);
    expect(parsed.agents.find((a) => a.agentId === agentId)).toMatchObject({ surveyAnswers: 1, averageSatisfaction: 4 });
    expect(parsed.team).toMatchObject({ surveyAnswers: 1, averageSatisfaction: 4 });

    const again = await answer(link, { satisfaction: '1', recommend: '0' });
    expect(again.status).toBe(410);
    expect(again.html).toContain(STANDARD_SURVEY.texts.answeredTitle['pt-BR']);
    expect((await open(link)).status).toBe(410);
  });

  it('lets only one of two simultaneous answers through', async () => {
    const { link, callId } = await surveyLinkFor('ph-1');
    const replies = await Promise.all([answer(link, { satisfaction: '5', recommend: '10' }), answer(link, { satisfaction: '2', recommend: '3' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 410]);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id WHERE i.call_id = $1`,
      [callId],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses a tampered link (404) and an expired one (410), with a page the customer can read', async () => {
    const { link } = await surveyLinkFor('br-1');
    const last = link.at(-1) === 'A' ? 'B' : 'A';
    const tampered = await open(link.slice(0, -1) + last, { headers: { 'accept-language': 'pt-BR,pt;q=0.9' } });
    expect(tampered.status).toBe(404);
    expect(tampered.html).toContain(STANDARD_SURVEY.texts.invalidTitle['pt-BR']);
    expect((await answer(link.slice(0, -1) + last, { satisfaction: '5', recommend: '10' })).status).toBe(404);
    expect((await open(`${t.url}/s/not-a-token`)).status).toBe(404);

    const { link: old, callId } = await surveyLinkFor('ph-2');
    await t.db.query(`UPDATE survey_invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE call_id = $1`, [callId]);
    const expired = await open(old);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('<html lang="fil">');
    expect(expired.html).toContain(STANDARD_SURVEY.texts.expiredTitle.fil);
    expect((await answer(old, { satisfaction: '5', recommend: '10' })).status).toBe(410);
  });
});

describe.each(backends)('survey invitations posted to a webhook (%s)', (backend) => {
  let t: TestServer;
  let hook: Server;
  const received: unknown[] = [];
  let failuresLeft = 1;

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        // The first post fails: the sender must try again.
        if (failuresLeft-- > 0) {
          res.writeHead(503).end();
          return;
        }
        received.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as AddressInfo).port;
    t = await startTestServer(backend, {
      surveys: { webhookUrl: `http://127.0.0.1:${port}/invitations`, publicUrl: 'https://survey.example.ph', webhookBackoffMs: 100, sweepMs: 200 },
    });
    await importCustomers(t.db, { customers: [customer('ph-9', { language: 'fil' })] });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => hook?.close(resolve));
  });

  it('posts the invitation after the push, retrying after a failure, and keeps it out of the export', async () => {
    const agent = await signIn(t.url, 'agent', 'agent-demo-2026');
    await pushOk(t.url, agent.token, callAndWrapUp('ph-9', true));
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(received[0]).toMatchObject({
      customerId: 'ph-9',
      phone: '+639171234567',
      email: 'ph-9@example.com',
      language: 'fil',
      link: expect.stringMatching(/^https:\/\/survey\.example\.ph\/s\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/),
    });
    // The gateway has the post before the sender has written down that it was delivered.
    const outbox = async () => (await t.db.query<{ attempts: number; delivered: boolean }>('SELECT attempts, delivered_at IS NOT NULL AS delivered FROM survey_outbox')).rows;
    await expect.poll(outbox, { timeout: 10_000 }).toEqual([{ attempts: 2, delivered: true }]);
    expect(t.logs.some((line) => line.includes('survey invitation not delivered'))).toBe(true);
    const admin = await signIn(t.url, 'admin', 'admin-demo-2026');
    const reply = await request(t.url, 'GET', API_SURVEYS.outbox, { token: admin.token });
    expect(SurveyOutbox.parse(reply.body).invitations).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import { EscalationView } from '../../../shared/domain/escalation';
import type { SyncRow } from '../../../shared/domain/sync-row';
import { importCustomers } from '../../../server/customers/import';
import { backends, customer, pull, pullAll, pushOk, signIn, startTestServer, type TestServer } from './sync-harness';

/**
 * Escalations through the sync layer: an agent raises one from the call, the supervisors' consoles
 * pull it into their queue, one decides, and the agent's next pull brings the decision back. Only
 * the people who may decide at its level can, a retried decision changes nothing, the manager's
 * approval limit sends larger amounts to a director, and every step is in the audit table.
 */

const ORDER = { id: 'o-esc', customerId: 'c-esc', number: 'SO-ESC-1', status: 'delivered' as const, placedAt: '2025-01-10T02:00:00Z', currency: 'PHP' };
const ITEM = { sku: 'FAN-16', name: 'Stand fan 16"', quantity: 1, unitPriceMinor: 249_900 };

function raiseMutation(fields: { amountMinor?: number; reason?: string; customerId?: string } = {}): { envelope: PushEnvelope; escalationId: string } {
  const escalationId = randomUUID();
  const customerId = fields.customerId ?? 'c-esc';
  return {
    escalationId,
    envelope: {
      id: randomUUID(),
      kind: 'escalation.raise',
      payload: {
        id: escalationId,
        customerId,
        orderId: ORDER.id,
        occurredAt: new Date().toISOString(),
        packet: {
          customer: { id: customerId, name: 'Lorna Dizon', tags: ['vip'] },
          order: { id: ORDER.id, number: ORDER.number, status: ORDER.status, placedAt: '2025-01-10T02:00:00.000Z', currency: 'PHP' },
          item: ITEM,
          reason: fields.reason ?? 'Refund asked 40 days after delivery; the fan rattles',
          request: { text: 'Full refund', amountMinor: fields.amountMinor ?? 120_000, currency: 'PHP' },
          policy: { outcome: 'needs-approval', level: 'manager', ruleIds: ['ph-window-30'] },
          scriptSteps: ['listen', 'acknowledge'],
          triggers: ['customer-upset'],
          notes: 'Second call this week',
          callId: 'k3j2h1@kalma-test',
          callReference: '0110-K7QX-3MPA',
        },
      },
    },
  };
}

function decideMutation(escalationId: string, decision: 'approve' | 'deny' | 'raise', fields: { reason?: string; seenLevel?: 'manager' | 'director' } = {}): PushEnvelope {
  return {
    id: randomUUID(),
    kind: 'escalation.decide',
    payload: { id: randomUUID(), escalationId, decision, reason: fields.reason ?? '', seenLevel: fields.seenLevel ?? 'manager', at: new Date().toISOString() },
  };
}

function escalationIn(rows: SyncRow[], id: string): EscalationView | undefined {
  const row = rows.filter((r) => r.entity === 'interaction' && r.data.id === id).at(-1);
  return row ? EscalationView.parse({ ...row.data, pendingSync: false }) : undefined;
}

describe.each(backends)('escalations through sync (%s)', (backend) => {
  let t: TestServer;
  const people: Record<'agent' | 'supervisor' | 'admin', { token: string; id: string }> = {} as never;

  beforeAll(async () => {
    t = await startTestServer(backend);
    for (const [name, password] of [
      ['agent', 'agent-demo-2026'],
      ['supervisor', 'supervisor-demo-2026'],
      ['admin', 'admin-demo-2026'],
    ] as const) {
      const session = await signIn(t.url, name, password);
      people[name] = { token: session.token, id: session.user.id };
    }
    await importCustomers(t.db, { customers: [customer('c-esc', { name: 'Lorna Dizon' })], orders: [{ ...ORDER, items: [ITEM] }] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function auditOf(escalationId: string) {
    const { rows } = await t.db.query<{ user_id: string; role: string; acted_as: string; decision: string; reason: string; level_before: string; level_after: string; over_limit: boolean }>(
      `SELECT user_id, role, acted_as, decision, reason, level_before, level_after, over_limit
         FROM escalation_decisions WHERE escalation_id = $1 ORDER BY recorded_at, decided_at`,
      [escalationId],
    );
    return rows;
  }

  it('goes from the agent to the queue, is approved by a supervisor, and the agent pulls the decision', async () => {
    const { cursor: agentCursor } = await pullAll(t.url, people.agent.token);
    const { envelope, escalationId } = raiseMutation();
    expect(await pushOk(t.url, people.agent.token, [envelope])).toEqual([{ id: envelope.id, status: 'applied' }]);

    // The supervisor's console pulls it: waiting for a manager, with the packet the agent filled in.
    const queued = escalationIn((await pullAll(t.url, people.supervisor.token)).rows, escalationId);
    expect(queued).toMatchObject({ level: 'manager', status: 'open', author: { id: people.agent.id, name: 'Maria Santos' } });
    expect(queued?.packet).toMatchObject({ reason: expect.stringContaining('40 days'), request: { amountMinor: 120_000, currency: 'PHP' }, callReference: '0110-K7QX-3MPA' });
    expect(queued?.trail).toEqual([expect.objectContaining({ action: 'raise', from: 'representative', to: 'manager', byLevel: 'representative' })]);

    const approve = decideMutation(escalationId, 'approve', { reason: 'Goodwill for a repeat customer' });
    expect(await pushOk(t.url, people.supervisor.token, [approve])).toEqual([{ id: approve.id, status: 'applied' }]);

    // The agent's next pull, from where it stood, carries the decision.
    const back = escalationIn((await pull(t.url, people.agent.token, { cursor: agentCursor })).rows, escalationId);
    expect(back).toMatchObject({ status: 'resolved', level: 'manager' });
    expect(back?.trail?.at(-1)).toMatchObject({
      action: 'approve',
      by: { id: people.supervisor.id, name: 'Jose Reyes' },
      byLevel: 'manager',
      reason: 'Goodwill for a repeat customer',
    });

    expect(await auditOf(escalationId)).toEqual([
      expect.objectContaining({ user_id: people.agent.id, role: 'agent', acted_as: 'representative', decision: 'raise', level_before: 'representative', level_after: 'manager' }),
      expect.objectContaining({ user_id: people.supervisor.id, role: 'supervisor', acted_as: 'manager', decision: 'approve', level_after: 'manager' }),
    ]);
  });

  it('refuses a decision from an agent, with a reason their console keeps, and changes nothing', async () => {
    const { envelope, escalationId } = raiseMutation();
    await pushOk(t.url, people.agent.token, [envelope]);
    const results = await pushOk(t.url, people.agent.token, [decideMutation(escalationId, 'approve')]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/Only supervisors, managers and admins/) });
    const stored = escalationIn((await pullAll(t.url, people.agent.token)).rows, escalationId);
    expect(stored).toMatchObject({ status: 'open' });
    expect(await auditOf(escalationId)).toHaveLength(1);
  });

  it('treats a retried decision as a no-op, and a later second decision as too late', async () => {
    const { envelope, escalationId } = raiseMutation();
    await pushOk(t.url, people.agent.token, [envelope]);
    const deny = decideMutation(escalationId, 'deny', { reason: 'Outside the 30-day window and not defective' });
    expect(await pushOk(t.url, people.supervisor.token, [deny])).toEqual([{ id: deny.id, status: 'applied' }]);
    expect(await pushOk(t.url, people.supervisor.token, [deny])).toEqual([{ id: deny.id, status: 'duplicate' }]);
    // The same step under a new outbox id (a console that re-queued it after a crash) is one step.
    const requeued = { ...deny, id: randomUUID() };
    expect(await pushOk(t.url, people.supervisor.token, [requeued])).toEqual([{ id: requeued.id, status: 'applied' }]);
    const late = await pushOk(t.url, people.admin.token, [decideMutation(escalationId, 'approve')]);
    expect(late[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/already denied by Jose Reyes/) });

    const stored = escalationIn((await pullAll(t.url, people.agent.token)).rows, escalationId);
    expect(stored?.trail?.map((s) => s.action)).toEqual(['raise', 'deny']);
    expect(stored?.trail?.at(-1)?.reason).toBe('Outside the 30-day window and not defective');
    expect((await auditOf(escalationId)).map((a) => a.decision)).toEqual(['raise', 'deny']);
  });

  it('refuses a denial without a reason the agent can read out', async () => {
    const { envelope, escalationId } = raiseMutation();
    await pushOk(t.url, people.agent.token, [envelope]);
    const results = await pushOk(t.url, people.supervisor.token, [decideMutation(escalationId, 'deny', { reason: '  ' })]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/reason/) });
  });

  it("sends an amount over the manager's limit to a director, whom only a director-level person decides", async () => {
    // The default limit for pesos is 10,000.00.
    const { envelope, escalationId } = raiseMutation({ amountMinor: 1_500_000 });
    await pushOk(t.url, people.agent.token, [envelope]);
    const routed = escalationIn((await pullAll(t.url, people.supervisor.token)).rows, escalationId);
    expect(routed).toMatchObject({ level: 'director', status: 'open' });
    expect(routed?.trail?.[0]).toMatchObject({ from: 'representative', to: 'director', overLimit: true });

    const tooLow = await pushOk(t.url, people.supervisor.token, [decideMutation(escalationId, 'approve', { seenLevel: 'director' })]);
    expect(tooLow[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/waits for a director/) });
    const byAdmin = decideMutation(escalationId, 'approve', { seenLevel: 'director' });
    expect(await pushOk(t.url, people.admin.token, [byAdmin])).toEqual([{ id: byAdmin.id, status: 'applied' }]);
    expect((await auditOf(escalationId)).map((a) => [a.decision, a.acted_as, a.over_limit])).toEqual([
      ['raise', 'representative', true],
      ['approve', 'director', false],
    ]);
  });

  it('is raised to the next level by a manager, and a supervisor made a director decides it', async () => {
    const { envelope, escalationId } = raiseMutation();
    await pushOk(t.url, people.agent.token, [envelope]);
    const up = decideMutation(escalationId, 'raise', { reason: 'Needs a director: third refund this year' });
    expect((await pushOk(t.url, people.supervisor.token, [up]))[0]?.status).toBe('applied');
    // A second raise from a screen that still showed it at manager level is too late.
    const stale = await pushOk(t.url, people.supervisor.token, [decideMutation(escalationId, 'raise')]);
    expect(stale[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/already raised to a director/) });

    await t.db.query(`UPDATE users SET approval_level = 'director' WHERE id = $1`, [people.supervisor.id]);
    try {
      const director = await signIn(t.url, 'supervisor', 'supervisor-demo-2026');
      expect(director.user.approvalLevel).toBe('director');
      const approve = decideMutation(escalationId, 'approve', { seenLevel: 'director' });
      expect((await pushOk(t.url, director.token, [approve]))[0]?.status).toBe('applied');
      const top = await pushOk(t.url, director.token, [decideMutation(escalationId, 'raise', { seenLevel: 'director' })]);
      expect(top[0]?.status).toBe('rejected');
    } finally {
      await t.db.query(`UPDATE users SET approval_level = NULL WHERE id = $1`, [people.supervisor.id]);
    }
    expect((await auditOf(escalationId)).map((a) => [a.decision, a.level_before, a.level_after, a.acted_as])).toEqual([
      ['raise', 'representative', 'manager', 'representative'],
      ['raise', 'manager', 'director', 'manager'],
      ['approve', 'director', 'director', 'director'],
    ]);
  });

  it('refuses an escalation whose packet names another customer', async () => {
    const { envelope } = raiseMutation();
    const payload = envelope.payload as { packet: { customer: { id: string } } };
    payload.packet.customer.id = 'someone-else';
    const results = await pushOk(t.url, people.agent.token, [envelope]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/another customer/) });
  });

  it("keeps the call's reference number on the server's call record", async () => {
    const callId = `call-${randomUUID()}`;
    const record: PushEnvelope = {
      id: randomUUID(),
      kind: 'call.record',
      payload: {
        id: callId,
        direction: 'inbound',
        number: '+639171234567',
        remoteUri: 'sip:+639171234567@pbx.example',
        customerId: null,
        line: 1,
        startedAt: '2025-03-01T02:00:00.000Z',
        answeredAt: '2025-03-01T02:00:05.000Z',
        endedAt: '2025-03-01T02:03:05.000Z',
        endCause: 'hangup-remote',
        transfers: [],
        reference: '0301-K7QX-3MPA',
      },
    };
    expect((await pushOk(t.url, people.agent.token, [record]))[0]?.status).toBe('applied');
    const { rows } = await t.db.query<{ reference: string }>('SELECT reference FROM call_records WHERE call_id = $1', [callId]);
    expect(rows[0]?.reference).toBe('0301-K7QX-3MPA');
  });
});

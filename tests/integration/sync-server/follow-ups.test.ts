import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import { CallbackInteraction } from '../../../shared/domain/interaction';
import type { SyncRow } from '../../../shared/domain/sync-row';
import type { z } from 'zod';
import { importCustomers } from '../../../server/customers/import';
import { backends, customer, pullAll, pushOk, signIn, startTestServer, type TestServer } from './sync-harness';

/**
 * Retention follow-ups: a supervisor denying a refund escalation schedules, in the same push, one
 * callback for the agent who raised it, due KALMA_FOLLOW_UP_DAYS later, saying it follows a denied
 * refund; the agent's pull brings it. An approval schedules none, and a replayed denial (the same
 * outbox id, or the same step re-queued under a new one) no second. Making it records the outcome.
 */

type Callback = z.output<typeof CallbackInteraction>;

const DAYS = 3;
const DAY_MS = 86_400_000;

function raise(customerId: string, ask: { text: string; amountMinor?: number }): { envelope: PushEnvelope; escalationId: string } {
  const escalationId = randomUUID();
  const request = ask.amountMinor === undefined ? { text: ask.text } : { text: ask.text, amountMinor: ask.amountMinor, currency: 'PHP' };
  return {
    escalationId,
    envelope: {
      id: randomUUID(),
      kind: 'escalation.raise',
      payload: {
        id: escalationId,
        customerId,
        orderId: null,
        occurredAt: new Date().toISOString(),
        packet: { customer: { id: customerId, name: 'Lorna Dizon', tags: [] }, reason: 'Refund asked 40 days after delivery', request },
      },
    },
  };
}

function decide(escalationId: string, decision: 'approve' | 'deny', reason = ''): PushEnvelope {
  return {
    id: randomUUID(),
    kind: 'escalation.decide',
    payload: { id: randomUUID(), escalationId, decision, reason, seenLevel: 'manager', at: new Date().toISOString() },
  };
}

function followUpsOf(rows: SyncRow[], escalationId: string): Callback[] {
  const latest = new Map<string, Callback>();
  for (const row of rows) {
    if (row.entity !== 'interaction' || row.data.deleted !== false || row.data.kind !== 'callback') continue;
    const callback = CallbackInteraction.parse(row.data);
    if (callback.followUp?.escalationId === escalationId) latest.set(callback.id, callback);
  }
  return [...latest.values()];
}

describe.each(backends)('retention follow-ups (%s)', (backend) => {
  let t: TestServer;
  const people: Record<'agent' | 'supervisor', { token: string; id: string }> = {} as never;

  beforeAll(async () => {
    t = await startTestServer(backend, { followUpDays: DAYS });
    for (const [name, password] of [
      ['agent', 'agent-demo-2026'],
      ['supervisor', 'supervisor-demo-2026'],
    ] as const) {
      const session = await signIn(t.url, name, password);
      people[name] = { token: session.token, id: session.user.id };
    }
    await importCustomers(t.db, { customers: [customer('c-fu', { name: 'Lorna Dizon', phones: [{ number: '+63 917 555 0101', label: 'mobile' }] })] });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('schedules exactly one follow-up for the raising agent when a refund is denied, due the configured days later', async () => {
    const { envelope, escalationId } = raise('c-fu', { text: 'Full refund', amountMinor: 120_000 });
    await pushOk(t.url, people.agent.token, [envelope]);
    const before = Date.now();
    const deny = decide(escalationId, 'deny', 'Outside the 30-day window');
    expect(await pushOk(t.url, people.supervisor.token, [deny])).toEqual([{ id: deny.id, status: 'applied' }]);
    const after = Date.now();

    const followUps = followUpsOf((await pullAll(t.url, people.agent.token)).rows, escalationId);
    expect(followUps).toHaveLength(1);
    const [followUp] = followUps;
    expect(followUp).toMatchObject({
      customerId: 'c-fu',
      author: { id: people.agent.id, name: 'Maria Santos' },
      status: 'scheduled',
      phone: '+639175550101',
      followUp: { reason: 'denied-refund', escalationId, ask: 'Full refund', decisionReason: 'Outside the 30-day window' },
    });
    const due = Date.parse(followUp!.dueAt);
    expect(due).toBeGreaterThanOrEqual(before - 1_000 + DAYS * DAY_MS);
    expect(due).toBeLessThanOrEqual(after + DAYS * DAY_MS);

    // Replays: the same outbox id, then the same step under a new one. Neither schedules another.
    expect(await pushOk(t.url, people.supervisor.token, [deny])).toEqual([{ id: deny.id, status: 'duplicate' }]);
    const requeued = { ...deny, id: randomUUID() };
    expect(await pushOk(t.url, people.supervisor.token, [requeued])).toEqual([{ id: requeued.id, status: 'applied' }]);
    expect(followUpsOf((await pullAll(t.url, people.agent.token)).rows, escalationId)).toHaveLength(1);
  });

  it('schedules none when the escalation is approved', async () => {
    const { envelope, escalationId } = raise('c-fu', { text: 'Full refund', amountMinor: 50_000 });
    await pushOk(t.url, people.agent.token, [envelope]);
    await pushOk(t.url, people.supervisor.token, [decide(escalationId, 'approve', 'Goodwill')]);
    expect(followUpsOf((await pullAll(t.url, people.agent.token)).rows, escalationId)).toEqual([]);
  });

  it('says a denial with no money asked for is a denied escalation', async () => {
    const { envelope, escalationId } = raise('c-fu', { text: 'A technician visit this week' });
    await pushOk(t.url, people.agent.token, [envelope]);
    await pushOk(t.url, people.supervisor.token, [decide(escalationId, 'deny', 'No technicians free this week')]);
    const [followUp] = followUpsOf((await pullAll(t.url, people.agent.token)).rows, escalationId);
    expect(followUp?.followUp?.reason).toBe('denied-escalation');
  });

  it('records the outcome the agent gives when they make the follow-up, and keeps the first one', async () => {
    const { envelope, escalationId } = raise('c-fu', { text: 'Partial refund', amountMinor: 30_000 });
    await pushOk(t.url, people.agent.token, [envelope]);
    await pushOk(t.url, people.supervisor.token, [decide(escalationId, 'deny', 'Already discounted')]);
    const [scheduled] = followUpsOf((await pullAll(t.url, people.agent.token)).rows, escalationId);
    const done = (result: string, note: string): PushEnvelope => ({
      id: randomUUID(),
      kind: 'callback.status',
      payload: { interactionId: scheduled!.id, status: 'done', at: new Date().toISOString(), outcome: { result, note } },
    });
    expect(await pushOk(t.url, people.agent.token, [done('accepted-alternative', 'Took a store voucher')])).toEqual([
      expect.objectContaining({ status: 'applied' }),
    ]);
    await pushOk(t.url, people.agent.token, [done('still-unhappy', 'second console')]);
    const [settled] = followUpsOf((await pullAll(t.url, people.supervisor.token)).rows, escalationId);
    expect(settled).toMatchObject({ status: 'done', outcome: { result: 'accepted-alternative', note: 'Took a store voucher' } });

    // An outcome this version does not know, or one on a cancellation, is refused at the door.
    const bad = await pushOk(t.url, people.agent.token, [
      { id: randomUUID(), kind: 'callback.status', payload: { interactionId: scheduled!.id, status: 'cancelled', at: new Date().toISOString(), outcome: { result: 'resolved' } } },
    ]);
    expect(bad[0]).toMatchObject({ status: 'rejected' });
  });
});

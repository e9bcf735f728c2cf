import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import { backends, pushOk, signIn, startTestServer, type TestServer } from './sync-harness';

/** A console's record of an ended call, as the phone writes it (shared/phone/call-record.ts). */
function callRecordMutation(fields: Record<string, unknown> = {}): PushEnvelope {
  return {
    id: randomUUID(),
    kind: 'call.record',
    payload: {
      id: `call-${randomUUID()}`,
      direction: 'inbound',
      number: '+639171234567',
      remoteUri: 'sip:+639171234567@pbx.example',
      customerId: null,
      line: 1,
      startedAt: '2025-03-01T02:00:00.000Z',
      answeredAt: '2025-03-01T02:00:05.000Z',
      endedAt: '2025-03-01T02:03:05.000Z',
      endCause: 'hangup-remote',
      transfers: [{ kind: 'blind', target: 'sip:agent2@kalma', at: '2025-03-01T02:03:00.000Z', outcome: 'completed' }],
      ...fields,
    },
  };
}

describe.each(backends)('call records pushed by consoles (%s)', (backend) => {
  let t: TestServer;
  let agent: { token: string; id: string };
  let agent2: { token: string; id: string };

  beforeAll(async () => {
    t = await startTestServer(backend);
    const a = await signIn(t.url, 'agent', 'agent-demo-2026');
    const b = await signIn(t.url, 'agent2', 'agent2-demo-2026');
    agent = { token: a.token, id: a.user.id };
    agent2 = { token: b.token, id: b.user.id };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function recordsOf(agentId: string) {
    const { rows } = await t.db.query<{ call_id: string; end_cause: string; answered_at: Date | null; transfers: unknown[]; customer_id: string | null }>(
      'SELECT call_id, end_cause, answered_at, transfers, customer_id FROM call_records WHERE agent_id = $1 ORDER BY started_at',
      [agentId],
    );
    return rows;
  }

  it('keeps the record under the signed-in agent, with its transfers, once however often it is sent', async () => {
    const record = callRecordMutation();
    expect(await pushOk(t.url, agent.token, [record])).toEqual([{ id: record.id, status: 'applied' }]);
    expect(await pushOk(t.url, agent.token, [record])).toEqual([{ id: record.id, status: 'duplicate' }]);
    // The same call sent again under a new mutation id (a console that crashed before its outbox
    // row was acked and re-queued it) is still one call.
    const again = { ...record, id: randomUUID() };
    expect(await pushOk(t.url, agent.token, [again])).toEqual([{ id: again.id, status: 'applied' }]);

    const stored = await recordsOf(agent.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ call_id: (record.payload as { id: string }).id, end_cause: 'hangup-remote', customer_id: null });
    expect(stored[0]!.transfers).toEqual([expect.objectContaining({ kind: 'blind', outcome: 'completed' })]);
  });

  it('keeps both ends of an internal call: the two agents log the same SIP call id', async () => {
    const callId = `internal-${randomUUID()}`;
    const mine = callRecordMutation({ id: callId, direction: 'outbound', number: 'agent2', remoteUri: 'sip:agent2@kalma' });
    const theirs = callRecordMutation({ id: callId, direction: 'inbound', number: 'agent', remoteUri: 'sip:agent@kalma' });
    expect((await pushOk(t.url, agent.token, [mine]))[0]!.status).toBe('applied');
    expect((await pushOk(t.url, agent2.token, [theirs]))[0]!.status).toBe('applied');
    expect((await recordsOf(agent2.id)).map((r) => r.call_id)).toEqual([callId]);
    expect((await recordsOf(agent.id)).map((r) => r.call_id)).toContain(callId);
  });

  it('refuses a record that cannot be true, with a reason the console keeps', async () => {
    const unknownField = callRecordMutation({ recording: 'http://evil' });
    const endsBeforeStart = callRecordMutation({ answeredAt: null, endedAt: '2025-03-01T01:00:00.000Z' });
    const results = await pushOk(t.url, agent.token, [unknownField, endsBeforeStart]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(results[0]).toMatchObject({ reason: expect.stringMatching(/cannot accept this change/) });
    expect(results[1]).toMatchObject({ reason: expect.stringMatching(/could not store this change/) });
  });
});

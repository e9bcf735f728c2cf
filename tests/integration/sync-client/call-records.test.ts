import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgentStateChange } from '../../../shared/domain/agent-state';
import type { InteractionView } from '../../../shared/domain/interaction';
import type { DispositionChoices } from '../../../shared/contract/wrap-up';
import type { PendingWrapUp, WrapUpRules } from '../../../shared/domain/wrap-up';
import { answeredCall, backends, openHost, seedCustomers, startTestServer, waitForStatus, type HostUnderTest } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const stateOf = async (h: HostUnderTest) => (await h.value<AgentStateChange>('agent.state')).state;

describe.each(backends)('calls, their records and their wrap-up (%s)', (backend) => {
  /** A server with these wrap-up rules, and an agent signed in whose console has fetched them. */
  async function signedInHost(wrapUpRules?: WrapUpRules) {
    const server = await startTestServer(backend, { logLevel: 'warn', wrapUpRules });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 3);
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    await h.signIn();
    await waitForStatus(h, (s) => s.lastSyncedAt !== null);
    await vi.waitFor(async () => expect((await h.value<DispositionChoices>('dispositions.list')).fetchedAt).not.toBeNull());
    return { server, h };
  }

  it('on a call, then wrap-up until it is saved; the call, its disposition and the callback reach the server once', async () => {
    const { server, h } = await signedInHost();
    const call = answeredCall({ id: 'sip-call-known', customerId: 't-c1' });
    expect(await stateOf(h)).toBe('available');
    await h.value('calls.connected', { callId: call.id });
    expect(await stateOf(h)).toBe('on_call');

    expect(await h.value('calls.logEnded', call)).toEqual({ id: call.id });
    expect(await h.value('calls.logEnded', call)).toEqual({ id: call.id });
    expect(await stateOf(h)).toBe('after_call_work');
    const pending = await h.value<PendingWrapUp>('wrapUp.pending');
    expect(pending).toMatchObject({ call: { id: call.id, customerId: 't-c1' }, since: call.endedAt, rules: { targetSeconds: 60 } });

    const followUpAt = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      await h.value('wrapUp.save', { callId: call.id, disposition: 'callback_scheduled', notes: 'Refund status tomorrow', followUpAt, surveyRequested: true }),
    ).toEqual({ next: null });
    expect(await stateOf(h)).toBe('available');
    const history = await h.value<{ items: InteractionView[] }>('customers.history', { id: 't-c1' });
    expect(history.items.slice(0, 2).map((i) => i.kind).sort()).toEqual(['call', 'callback']);

    await waitForStatus(h, (s) => s.pending === 0 && s.rejected === 0);
    const { rows } = await server.db.query(
      'SELECT call_id, customer_id, end_cause, disposition, wrap_up_notes, survey_requested, wrap_up_automatic FROM call_records',
    );
    expect(rows).toEqual([
      {
        call_id: call.id,
        customer_id: 't-c1',
        end_cause: 'hangup-remote',
        disposition: 'callback_scheduled',
        wrap_up_notes: 'Refund status tomorrow',
        survey_requested: true,
        wrap_up_automatic: false,
      },
    ]);
    const timeline = await server.db.query<{ kind: string; details: Record<string, unknown>; text: string }>(
      `SELECT kind, details, text FROM interactions WHERE customer_id = 't-c1' AND kind IN ('call', 'callback') AND author_id IS NOT NULL ORDER BY kind`,
    );
    expect(timeline.rows).toEqual([
      expect.objectContaining({ kind: 'call', text: 'Refund status tomorrow', details: expect.objectContaining({ disposition: 'callback_scheduled', durationSec: 120 }) }),
      expect.objectContaining({ kind: 'callback', details: expect.objectContaining({ dueAt: expect.any(String), status: 'scheduled' }) }),
    ]);
    const states = await server.db.query<{ state: string }>('SELECT state FROM agent_state_log ORDER BY at, received_at');
    expect(states.rows.map((r) => r.state)).toEqual(['available', 'on_call', 'after_call_work', 'available']);
  }, 120_000);

  it('a call nobody answered needs no wrap-up; a forgotten wrap-up is saved by the limit with the default disposition', async () => {
    const { server, h } = await signedInHost({ targetSeconds: 30, limitSeconds: 10, defaultDisposition: 'no_disposition' });
    await h.value('calls.logEnded', answeredCall({ id: 'missed-1', answeredAt: null, endCause: 'missed' }));
    expect(await stateOf(h)).toBe('available');
    expect(await h.value('wrapUp.pending')).toBeNull();

    // Ended nine seconds ago with a ten-second limit: the host wraps it up itself in a second.
    await h.value('calls.connected', { callId: 'forgotten' });
    await h.value('calls.logEnded', answeredCall({ id: 'forgotten' }, 9));
    expect(await stateOf(h)).toBe('after_call_work');
    await vi.waitFor(async () => expect(await stateOf(h)).toBe('available'), { timeout: 10_000 });
    expect(await h.value('wrapUp.pending')).toBeNull();

    await waitForStatus(h, (s) => s.pending === 0 && s.rejected === 0);
    const { rows } = await server.db.query('SELECT call_id, answered_at IS NULL AS missed, disposition, wrap_up_automatic FROM call_records ORDER BY call_id');
    expect(rows).toEqual([
      { call_id: 'forgotten', missed: false, disposition: 'no_disposition', wrap_up_automatic: true },
      { call_id: 'missed-1', missed: true, disposition: null, wrap_up_automatic: null },
    ]);
  }, 120_000);

  it('a floor without wrap-up time: the answered call is saved with the default disposition as it ends', async () => {
    const { server, h } = await signedInHost({ targetSeconds: 0, limitSeconds: 0, defaultDisposition: 'resolved' });
    await h.value('calls.connected', { callId: 'quick' });
    await h.value('calls.logEnded', answeredCall({ id: 'quick', customerId: 't-c2' }));
    await vi.waitFor(async () => expect(await stateOf(h)).toBe('available'), { timeout: 5_000 });
    expect(await h.value('wrapUp.pending')).toBeNull();
    const history = await h.value<{ items: InteractionView[] }>('customers.history', { id: 't-c2' });
    expect(history.items[0]).toMatchObject({ kind: 'call', disposition: 'resolved' });
    await waitForStatus(h, (s) => s.pending === 0 && s.rejected === 0);
    const { rows } = await server.db.query('SELECT disposition, wrap_up_automatic FROM call_records');
    expect(rows).toEqual([{ disposition: 'resolved', wrap_up_automatic: true }]);
  }, 120_000);

  it('refuses a wrap-up with a disposition the floor does not use, keeping the reason for the agent', async () => {
    const { h } = await signedInHost();
    await h.value('calls.logEnded', answeredCall({ id: 'odd' }));
    await h.value('wrapUp.save', { callId: 'odd', disposition: 'made_up_code' });
    const status = await waitForStatus(h, (s) => s.rejected === 1);
    expect(status.pending).toBe(0);
    const rejected = await h.value<{ kind: string; reason: string }[]>('sync.rejected');
    expect(rejected).toEqual([expect.objectContaining({ kind: 'call.wrapUp', reason: expect.stringMatching(/not one this floor uses/) })]);
  }, 120_000);

  it('refuses call calls with a clear error before anyone is signed in', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    expect(await h.call('calls.logEnded', answeredCall({}))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await h.call('wrapUp.save', { callId: 'x', disposition: 'resolved' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

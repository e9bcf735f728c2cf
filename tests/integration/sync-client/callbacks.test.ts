import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallbackDue } from '../../../shared/domain/callback';
import { answeredCall, backends, openHost, seedCustomers, startTestServer, waitForStatus } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(backends)('callbacks (%s)', (backend) => {
  it('a follow-up from wrap-up is on the agent’s list, and made, it is done on the server and on a second console', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 3);
    const first = openHost(server.url);
    const second = openHost(server.url);
    cleanups.push(() => first.close(), () => second.close());
    await first.signIn();
    await second.signIn();
    await waitForStatus(first, (s) => s.lastSyncedAt !== null);

    const ended = Date.now();
    const call = answeredCall({ id: 'call-for-callback', customerId: 't-c1' });
    await first.value('calls.logEnded', call);
    const dueAt = new Date(ended + 3_600_000).toISOString();
    await first.value('wrapUp.save', { callId: call.id, disposition: 'callback_scheduled', notes: 'Refund status', followUpAt: dueAt });

    const mine = await first.value<CallbackDue[]>('callbacks.mine');
    expect(mine).toEqual([expect.objectContaining({ callback: expect.objectContaining({ dueAt, phone: '+639171234567', text: 'Refund status' }) })]);
    expect(mine[0]!.customerName).toMatch(/\S/);
    // The same agent's other console gets it through the server.
    await vi.waitFor(async () => expect(await second.value<CallbackDue[]>('callbacks.mine')).toHaveLength(1), { timeout: 15_000 });

    await first.value('callbacks.settle', { id: mine[0]!.callback.id, status: 'done' });
    expect(await first.value('callbacks.mine')).toEqual([]);
    await waitForStatus(first, (s) => s.pending === 0 && s.rejected === 0);
    const { rows } = await server.db.query<{ status: string; settled_by: string }>(
      `SELECT details->>'status' AS status, details->>'settledBy' AS settled_by FROM interactions WHERE id = $1`,
      [mine[0]!.callback.id],
    );
    expect(rows).toEqual([{ status: 'done', settled_by: expect.any(String) }]);
    await vi.waitFor(async () => expect(await second.value('callbacks.mine')).toEqual([]), { timeout: 15_000 });
  }, 120_000);
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DispositionChoices } from '../../../shared/contract/wrap-up';
import type { CallRecord } from '../../../shared/phone/call-record';
import { answeredCall, backends, openHost, seedCustomers, startTestServer, waitForStatus } from './harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const answered = (): CallRecord => answeredCall({ id: 'sip-call-shared-line', customerId: 't-c1' });

describe.each(backends)('a call linked to another customer after its record went up (%s)', (backend) => {
  it('moves the server’s record to the linked customer with the wrap-up, and the call lands on their timeline only', async () => {
    const server = await startTestServer(backend, { logLevel: 'warn' });
    cleanups.push(() => server.close());
    await seedCustomers(server.db, 3);
    const h = openHost(server.url);
    cleanups.push(() => h.close());
    await h.signIn();
    await waitForStatus(h, (s) => s.lastSyncedAt !== null);
    await vi.waitFor(async () => expect((await h.value<DispositionChoices>('dispositions.list')).fetchedAt).not.toBeNull());

    const call = answered();
    await h.value('calls.connected', { callId: call.id });
    await h.value('calls.logEnded', call);
    // The record reaches the server with the caller ID's guess before the agent corrects it.
    await waitForStatus(h, (s) => s.pending === 0 && s.rejected === 0);
    expect((await server.db.query('SELECT customer_id FROM call_records')).rows).toEqual([{ customer_id: 't-c1' }]);

    await h.value('calls.linkCustomer', { callId: call.id, customerId: 't-c2' });
    await h.value('wrapUp.save', { callId: call.id, disposition: 'resolved', notes: 'It was her daughter on the line' });
    await waitForStatus(h, (s) => s.pending === 0 && s.rejected === 0);

    const { rows } = await server.db.query('SELECT customer_id, disposition FROM call_records');
    expect(rows).toEqual([{ customer_id: 't-c2', disposition: 'resolved' }]);
    const timeline = await server.db.query<{ customer_id: string }>(
      `SELECT customer_id FROM interactions WHERE kind = 'call' AND text = 'It was her daughter on the line'`,
    );
    expect(timeline.rows).toEqual([{ customer_id: 't-c2' }]);
  }, 120_000);
});

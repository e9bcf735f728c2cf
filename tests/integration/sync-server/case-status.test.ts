import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import type { SyncRow } from '../../../shared/domain/sync-row';
import { importCustomers } from '../../../server/customers/import';
import { backends, customer, pullAll, pushOk, signIn, startTestServer, type TestServer } from './sync-harness';

/** A console's `case.status` mutation; the change id doubles as the mutation id, as consoles send it. */
function statusChange(interactionId: string, from: string, to: string, at: string, note = ''): PushEnvelope {
  const id = randomUUID();
  return { id, kind: 'case.status', payload: { id, interactionId, from, to, note, at } };
}

interface PulledCase {
  status: string;
  statusHistory?: { id: string; by: { id: string; name: string }; from: string; to: string; note: string; at: string }[];
  version: string;
}

describe.each(backends)('case status changes pushed by consoles (%s)', (backend) => {
  let t: TestServer;
  let maria: { token: string; id: string };
  let joana: { token: string; id: string };

  beforeAll(async () => {
    t = await startTestServer(backend);
    const a = await signIn(t.url, 'agent', 'agent-demo-2026');
    const b = await signIn(t.url, 'agent2', 'agent2-demo-2026');
    maria = { token: a.token, id: a.user.id };
    joana = { token: b.token, id: b.user.id };
    await importCustomers(t.db, {
      customers: [customer('c1')],
      orders: [{ id: 'o1', customerId: 'c1', number: 'SO-1', status: 'delivered', placedAt: '2025-03-01T00:00:00Z', currency: 'PHP', items: [{ sku: 'TV-32', name: 'TV', quantity: 1, unitPriceMinor: 129_900 }] }],
      interactions: [
        { id: 'k1', customerId: 'c1', kind: 'complaint', occurredAt: '2025-03-02T02:00:00.000Z', text: 'TV arrived cracked' },
        { id: 'k2', customerId: 'c1', kind: 'complaint', occurredAt: '2025-03-02T03:00:00.000Z', text: 'Courier was rude' },
        { id: 'r1', customerId: 'c1', kind: 'refund_request', occurredAt: '2025-03-02T04:00:00.000Z', orderId: 'o1', itemSku: 'TV-32', reason: 'defective' },
        { id: 'n1', customerId: 'c1', kind: 'note', occurredAt: '2025-03-02T05:00:00.000Z', text: 'a note' },
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function pulledCase(token: string, id: string): Promise<PulledCase> {
    const { rows } = await pullAll(t.url, token);
    const found = rows.filter((r: SyncRow) => r.entity === 'interaction' && r.data.id === id).at(-1);
    if (!found) throw new Error(`${id} was not pulled`);
    return found.data as unknown as PulledCase;
  }

  async function recorded(interactionId: string) {
    const { rows } = await t.db.query<{ author_id: string; to_status: string }>(
      'SELECT author_id, to_status FROM case_status_changes WHERE interaction_id = $1 ORDER BY at, id',
      [interactionId],
    );
    return rows;
  }

  it('records a change once, by the signed-in agent, and sends the case back with its history to every console', async () => {
    const change = statusChange('k1', 'open', 'in_progress', '2025-03-04T09:00:00.000Z', 'Asked the courier for photos');
    expect(await pushOk(t.url, maria.token, [change])).toEqual([{ id: change.id, status: 'applied' }]);
    expect(await pushOk(t.url, maria.token, [change])).toEqual([{ id: change.id, status: 'duplicate' }]);
    // The same change under a new mutation id (an outbox row re-queued after a crash) is still one change.
    expect(await pushOk(t.url, maria.token, [{ ...change, id: randomUUID() }])).toMatchObject([{ status: 'applied' }]);
    expect(await recorded('k1')).toEqual([{ author_id: maria.id, to_status: 'in_progress' }]);

    const seenByJoana = await pulledCase(joana.token, 'k1');
    expect(seenByJoana.status).toBe('in_progress');
    expect(seenByJoana.statusHistory).toEqual([
      {
        id: (change.payload as { id: string }).id,
        at: '2025-03-04T09:00:00.000Z',
        by: { id: maria.id, name: 'Maria Santos' },
        from: 'open',
        to: 'in_progress',
        note: 'Asked the courier for photos',
      },
    ]);
  });

  it('keeps both of two concurrent changes; the later one is current whichever arrives last', async () => {
    // Joana resolved it at 10:05 online; Maria, offline, had closed it at 10:00 and uploads afterwards.
    const joanas = statusChange('k2', 'open', 'resolved', '2025-03-04T10:05:00.000Z', 'Voucher given');
    const marias = statusChange('k2', 'open', 'closed', '2025-03-04T10:00:00.000Z', 'Customer withdrew it');
    expect(await pushOk(t.url, joana.token, [joanas])).toMatchObject([{ status: 'applied' }]);
    expect(await pushOk(t.url, maria.token, [marias])).toMatchObject([{ status: 'applied' }]);

    const k2 = await pulledCase(maria.token, 'k2');
    expect(k2.statusHistory?.map((e) => `${e.by.name}: ${e.from}→${e.to}`)).toEqual(['Maria Santos: open→closed', 'Joana Souza: open→resolved']);
    expect(k2.status).toBe('resolved');
    expect((await recorded('k2')).map((r) => r.author_id)).toEqual([maria.id, joana.id]);
  });

  it('takes a refund request through approved to completed', async () => {
    await pushOk(t.url, maria.token, [
      statusChange('r1', 'requested', 'approved', '2025-03-04T11:00:00.000Z', 'Within 7 days'),
      statusChange('r1', 'approved', 'completed', '2025-03-04T11:30:00.000Z'),
    ]);
    const r1 = await pulledCase(joana.token, 'r1');
    expect(r1).toMatchObject({ status: 'completed' });
    expect(r1.statusHistory?.map((e) => e.to)).toEqual(['approved', 'completed']);
  });

  it('does not let a console clock running ahead make its change the latest for good', async () => {
    const ahead = statusChange('k1', 'in_progress', 'resolved', '2099-01-01T00:00:00.000Z');
    await pushOk(t.url, maria.token, [ahead]);
    const k1 = await pulledCase(joana.token, 'k1');
    const stamped = k1.statusHistory?.at(-1)?.at ?? '';
    expect(Date.parse(stamped)).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a status the kind cannot have, a record that is not a case, and an unknown case, with reasons', async () => {
    const results = await pushOk(t.url, maria.token, [
      statusChange('k1', 'open', 'approved', '2025-03-04T12:00:00.000Z'),
      statusChange('r1', 'requested', 'resolved', '2025-03-04T12:00:00.000Z'),
      statusChange('n1', 'open', 'closed', '2025-03-04T12:00:00.000Z'),
      statusChange('nope', 'open', 'closed', '2025-03-04T12:00:00.000Z'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(results[0]).toMatchObject({ reason: 'A complaint cannot be approved; the new status was not saved.' });
    expect(results[1]).toMatchObject({ reason: 'A refund request cannot be resolved; the new status was not saved.' });
    expect(results[2]).toMatchObject({ reason: 'This case is not on the server; its new status was not saved there.' });
    expect(await recorded('n1')).toEqual([]);
    expect((await pulledCase(joana.token, 'k1')).status).toBe('resolved');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import { backends, noteMutation, pullAll, pushOk, signIn, startTestServer, type TestServer } from './sync-harness';

describe.each(backends)('an agent creates a customer on their console (%s)', (backend) => {
  let t: TestServer;
  let agent: { token: string; id: string };
  let agent2: { token: string };

  beforeAll(async () => {
    t = await startTestServer(backend);
    const a = await signIn(t.url, 'agent', 'agent-demo-2026');
    agent = { token: a.token, id: a.user.id };
    agent2 = { token: (await signIn(t.url, 'agent2', 'agent2-demo-2026')).token };
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const create = (id: string, fields: Record<string, unknown> = {}): PushEnvelope => ({
    id: randomUUID(),
    kind: 'customer.create',
    payload: {
      id,
      name: 'Maria dela Cruz',
      emails: ['maria.delacruz@example.ph'],
      accountNumbers: [],
      language: 'fil',
      tags: ['new'],
      phones: [{ number: '+639175550199', label: 'mobile' }],
      addresses: [{ label: 'home', lines: ['12 Mabini St'], city: 'Quezon City', region: null, postalCode: null, country: 'PH' }],
      createdAt: '2025-05-01T01:00:00.000Z',
      ...fields,
    },
  });

  async function customersWithId(id: string): Promise<number> {
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE id = $1', [id]);
    return rows[0]!.n;
  }

  it('stores it once however often the console posts it, and every console pulls it with its number', async () => {
    const id = randomUUID();
    const mutation = create(id);
    expect((await pushOk(t.url, agent.token, [mutation]))[0]?.status).toBe('applied');
    // The answer was lost on the way back; the console posts the same batch again.
    expect((await pushOk(t.url, agent.token, [mutation]))[0]?.status).toBe('duplicate');
    // A note written on the new customer before it was uploaded goes in after it, in the same batch order.
    expect((await pushOk(t.url, agent.token, [noteMutation(id, 'Bagong customer, tumawag tungkol sa TV')]))[0]?.status).toBe('applied');
    expect(await customersWithId(id)).toBe(1);

    const pulled = (await pullAll(t.url, agent2.token)).rows.filter((r) => r.entity === 'customer' && r.data.id === id);
    expect(pulled).toHaveLength(1);
    expect(pulled[0]?.data).toMatchObject({
      id,
      name: 'Maria dela Cruz',
      emails: ['maria.delacruz@example.ph'],
      language: 'fil',
      tags: ['new'],
      phones: [{ number: '+639175550199', label: 'mobile' }],
      addresses: [{ lines: ['12 Mabini St'], city: 'Quezon City', country: 'PH' }],
    });
    const { rows } = await t.db.query<{ e164: string; created_at: Date }>(
      'SELECT p.e164, c.created_at FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE c.id = $1',
      [id],
    );
    expect(rows).toEqual([{ e164: '+639175550199', created_at: new Date('2025-05-01T01:00:00.000Z') }]);
  });

  it('creates nothing more when the same customer arrives again under another mutation id', async () => {
    const id = randomUUID();
    await pushOk(t.url, agent.token, [create(id)]);
    const again = await pushOk(t.url, agent.token, [create(id, { name: 'Maria D. Cruz' })]);
    expect(again[0]?.status).toBe('applied');
    expect(await customersWithId(id)).toBe(1);
    const { rows } = await t.db.query<{ name: string; phones: number }>(
      'SELECT name, (SELECT count(*)::int FROM customer_phones WHERE customer_id = $1) AS phones FROM customers WHERE id = $1',
      [id],
    );
    expect(rows).toEqual([{ name: 'Maria dela Cruz', phones: 1 }]);
  });

  it('refuses a customer whose id the console did not make, or whose number is not E.164', async () => {
    const results = await pushOk(t.url, agent.token, [
      create('not-a-uuid'),
      create(randomUUID(), { phones: [{ number: '0917 555 0199', label: 'mobile' }] }),
      create(randomUUID(), { name: '' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(results[1]).toMatchObject({ reason: expect.stringMatching(/phones/) });
    expect(await customersWithId('not-a-uuid')).toBe(0);
  });

  it('takes an edit of the new customer made before it was uploaded (base version 0)', async () => {
    const id = randomUUID();
    const edit: PushEnvelope = {
      id: randomUUID(),
      kind: 'customer.update',
      payload: { customerId: id, baseVersion: '0', changes: { emails: ['maria@example.ph'] } },
    };
    const results = await pushOk(t.url, agent.token, [create(id), edit]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const pulled = (await pullAll(t.url, agent.token)).rows.find((r) => r.entity === 'customer' && r.data.id === id);
    expect(pulled?.data).toMatchObject({ emails: ['maria@example.ph'], name: 'Maria dela Cruz' });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEnvelope } from '../../../shared/api/sync';
import { deleteCustomer } from '../../../server/customers/customer-store';
import { importCustomers } from '../../../server/customers/import';
import { backends, customer, pullAll, pushOk, signIn, startTestServer, type TestServer } from './sync-harness';

describe.each(backends)('two agents editing one customer (%s)', (backend) => {
  let t: TestServer;
  let maria: { token: string; id: string };
  let jose: { token: string; id: string };

  beforeAll(async () => {
    t = await startTestServer(backend);
    const a = await signIn(t.url, 'agent', 'agent-demo-2026');
    const s = await signIn(t.url, 'supervisor', 'supervisor-demo-2026');
    maria = { token: a.token, id: a.user.id };
    jose = { token: s.token, id: s.user.id };
    await importCustomers(t.db, { customers: ['k1', 'k2', 'k3', 'k4'].map((id) => customer(id, { tags: ['new'] })) });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function versionOf(id: string): Promise<string> {
    const { rows } = await t.db.query<{ version: string }>('SELECT version::text AS version FROM customers WHERE id = $1', [id]);
    return rows[0]!.version;
  }

  async function pulledCustomer(id: string) {
    const row = (await pullAll(t.url, maria.token)).rows.find((r) => r.entity === 'customer' && r.data.id === id);
    if (!row || row.data.deleted) throw new Error(`customer ${id} not pulled`);
    return row.data as Record<string, unknown>;
  }

  async function auditOf(id: string) {
    const { rows } = await t.db.query<{ field: string; user_id: string; old_value: unknown; new_value: unknown; outcome: string; conflict: boolean }>(
      'SELECT field, user_id, old_value, new_value, outcome, conflict FROM customer_field_edits WHERE customer_id = $1 ORDER BY id',
      [id],
    );
    return rows;
  }

  const edit = (customerId: string, baseVersion: string, changes: Record<string, unknown>, editedAt?: string): PushEnvelope => ({
    id: randomUUID(),
    kind: 'customer.update',
    payload: { customerId, baseVersion, changes, ...(editedAt ? { editedAt } : {}) },
  });

  it('keeps both edits when the agents changed different fields', async () => {
    const base = await versionOf('k1');
    expect((await pushOk(t.url, maria.token, [edit('k1', base, { emails: ['ana.reyes@example.ph'] })]))[0]?.status).toBe('applied');
    expect((await pushOk(t.url, jose.token, [edit('k1', base, { tags: ['vip', 'at-risk'] })]))[0]?.status).toBe('applied');
    expect(await pulledCustomer('k1')).toMatchObject({ emails: ['ana.reyes@example.ph'], tags: ['vip', 'at-risk'], name: 'Customer k1' });
    expect(await auditOf('k1')).toEqual([
      { field: 'emails', user_id: maria.id, old_value: ['k1@example.com'], new_value: ['ana.reyes@example.ph'], outcome: 'applied', conflict: false },
      { field: 'tags', user_id: jose.id, old_value: ['new'], new_value: ['vip', 'at-risk'], outcome: 'applied', conflict: false },
    ]);
  });

  it('gives a field edited by both to the later writer and keeps both edits in the audit trail', async () => {
    const base = await versionOf('k2');
    await pushOk(t.url, maria.token, [edit('k2', base, { name: 'Ana Reyes' }, '2025-05-01T01:00:00.000Z')]);
    await pushOk(t.url, jose.token, [edit('k2', base, { name: 'Ana M. Reyes' }, '2025-05-01T01:05:00.000Z')]);
    expect((await pulledCustomer('k2')).name).toBe('Ana M. Reyes');
    expect(await auditOf('k2')).toEqual([
      { field: 'name', user_id: maria.id, old_value: 'Customer k2', new_value: 'Ana Reyes', outcome: 'applied', conflict: false },
      { field: 'name', user_id: jose.id, old_value: 'Ana Reyes', new_value: 'Ana M. Reyes', outcome: 'applied', conflict: true },
    ]);
  });

  it('does not let an older offline edit arriving late undo a newer one', async () => {
    const base = await versionOf('k3');
    await pushOk(t.url, jose.token, [edit('k3', base, { language: 'pt-BR' }, '2025-05-01T10:00:00.000Z')]);
    const late = await pushOk(t.url, maria.token, [edit('k3', base, { language: 'fil', tags: ['repeat'] }, '2025-05-01T09:00:00.000Z')]);
    expect(late[0]?.status).toBe('applied');
    // The field both touched stays with the newer edit; the field only Maria touched takes hers.
    expect(await pulledCustomer('k3')).toMatchObject({ language: 'pt-BR', tags: ['repeat'] });
    expect((await auditOf('k3')).map((e) => [e.field, e.user_id, e.new_value, e.outcome, e.conflict])).toEqual([
      ['language', jose.id, 'pt-BR', 'applied', false],
      ['language', maria.id, 'fil', 'superseded', true],
      ['tags', maria.id, ['repeat'], 'applied', false],
    ]);
  });

  it('takes an edit made after seeing the other one, whatever the clocks say', async () => {
    await pushOk(t.url, jose.token, [edit('k4', await versionOf('k4'), { name: 'First' }, '2025-05-01T10:00:00.000Z')]);
    // Maria pulled Jose's edit (her base version is after it) and then changed the name again.
    await pushOk(t.url, maria.token, [edit('k4', await versionOf('k4'), { name: 'Second' }, '2025-05-01T09:00:00.000Z')]);
    expect((await pulledCustomer('k4')).name).toBe('Second');
  });

  it('replaces phones and re-stamps the customer so every cache gets them', async () => {
    const before = await versionOf('k4');
    const phones = [
      { number: '(11) 91234-5678', label: 'mobile' },
      { number: '123', label: 'home' },
    ];
    await pushOk(t.url, maria.token, [edit('k4', before, { phones, addresses: [{ label: 'home', lines: ['Rua X 1'], country: 'BR' }] })]);
    expect((await pulledCustomer('k4')).phones).toEqual(phones);
    const { rows } = await t.db.query<{ e164: string | null }>('SELECT e164 FROM customer_phones WHERE customer_id = $1 ORDER BY position', ['k4']);
    expect(rows.map((r) => r.e164)).toEqual(['+5511912345678', null]);
    expect(BigInt(await versionOf('k4'))).toBeGreaterThan(BigInt(before));
  });

  it('refuses an edit of a deleted customer and an edit with nothing or something unknown in it', async () => {
    await importCustomers(t.db, { customers: [customer('k5')] });
    const base = await versionOf('k5');
    await deleteCustomer(t.db, 'k5');
    const results = await pushOk(t.url, maria.token, [
      edit('k5', base, { name: 'Too late' }),
      edit('k1', base, {}),
      edit('k1', base, { creditLimit: 5 }),
      edit('k1', base, { emails: ['not an email'] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(results[0]).toMatchObject({ reason: 'This customer was deleted on the server; the edit was not saved there.' });
    expect(results[2]).toMatchObject({ reason: expect.stringMatching(/creditLimit/) });
  });
});

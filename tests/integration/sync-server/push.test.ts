import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SYNC, MAX_PUSH_MUTATIONS } from '../../../shared/api/sync';
import { deleteCustomer } from '../../../server/customers/customer-store';
import { importCustomers } from '../../../server/customers/import';
import {
  backends,
  customer,
  errorOf,
  noteMutation,
  pullAll,
  push,
  pushOk,
  request,
  signIn,
  startTestServer,
  type TestServer,
} from './sync-harness';

describe.each(backends)('pushing what agents wrote (%s)', (backend) => {
  let t: TestServer;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestServer(backend);
    const session = await signIn(t.url, 'agent', 'agent-demo-2026');
    agent = session.token;
    agentId = session.user.id;
    await importCustomers(t.db, {
      customers: ['c1', 'c2', 'c3', 'gone', 'other'].map((id) => customer(id)),
      orders: [{ id: 'o-other', customerId: 'other', number: 'SO-1', status: 'paid', placedAt: '2025-01-01T00:00:00Z', currency: 'BRL', items: [] }],
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  async function interactionsOf(customerId: string) {
    const { rows } = await t.db.query<{ id: string; text: string; author_id: string; author_name: string; kind: string; details: Record<string, unknown> }>(
      'SELECT id, text, author_id, author_name, kind, details FROM interactions WHERE customer_id = $1 ORDER BY version',
      [customerId],
    );
    return rows;
  }

  it('applies a note once: the retry of the same id is a duplicate and changes nothing', async () => {
    const note = noteMutation('c1', 'Called about the late parcel', { author: { id: 'someone-else', name: 'Impostor' } });
    expect(await pushOk(t.url, agent, [note])).toEqual([{ id: note.id, status: 'applied' }]);
    expect(await pushOk(t.url, agent, [note])).toEqual([{ id: note.id, status: 'duplicate' }]);
    const stored = await interactionsOf('c1');
    expect(stored).toEqual([
      // The author is whoever is signed in, whatever the payload claimed.
      expect.objectContaining({ text: 'Called about the late parcel', author_id: agentId, author_name: 'Maria Santos', kind: 'note' }),
    ]);
    const pulled = (await pullAll(t.url, agent)).rows.filter((r) => r.entity === 'interaction' && 'customerId' in r.data && r.data.customerId === 'c1');
    expect(pulled).toHaveLength(1);
    expect(pulled[0]?.data).toMatchObject({ author: { id: agentId, name: 'Maria Santos' }, text: 'Called about the late parcel' });
  });

  it('applies the same mutation posted twice at once exactly once', async () => {
    const note = noteMutation('c2', 'Double-clicked save');
    const [a, b] = await Promise.all([pushOk(t.url, agent, [note]), pushOk(t.url, agent, [note])]);
    expect([a[0]?.status, b[0]?.status].sort()).toEqual(['applied', 'duplicate']);
    expect((await interactionsOf('c2')).filter((i) => i.text === 'Double-clicked save')).toHaveLength(1);
  });

  it('takes batches out of order and repeated, and ends with each record once', async () => {
    const notes = Array.from({ length: 6 }, (_, i) => noteMutation('c3', `note ${i}`));
    const [early, late] = [notes.slice(0, 3), notes.slice(3)];
    expect((await pushOk(t.url, agent, late)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await pushOk(t.url, agent, early)).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await pushOk(t.url, agent, [...early, ...late])).map((r) => r.status)).toEqual(Array(6).fill('duplicate'));
    expect((await interactionsOf('c3')).map((i) => i.text).sort()).toEqual(notes.map((_, i) => `note ${i}`));
  });

  it('creates every kind of record an agent writes, kind fields included', async () => {
    const base = { customerId: 'c3', occurredAt: '2025-03-01T02:00:00.000Z', author: null, orderId: null, version: '0', deleted: false };
    const payloads = [
      { ...base, id: randomUUID(), kind: 'call', direction: 'inbound', durationSec: 312, disposition: 'resolved', text: 'Wrap-up: refund explained' },
      { ...base, id: randomUUID(), kind: 'complaint', status: 'open', text: 'Courier was rude' },
      { ...base, id: randomUUID(), kind: 'return_request', reason: 'wrong size', status: 'requested', text: '' },
      { ...base, id: randomUUID(), kind: 'refund_request', reason: 'damaged', status: 'requested', amountMinor: 129_900, currency: 'PHP', text: '' },
      { ...base, id: randomUUID(), kind: 'exchange_request', reason: 'colour', status: 'requested', text: '' },
      { ...base, id: randomUUID(), kind: 'escalation', level: 'manager', status: 'open', text: 'Wants a supervisor' },
      { ...base, id: randomUUID(), kind: 'callback', dueAt: '2025-03-02T01:00:00.000Z', phone: '+639171234567', status: 'scheduled', text: '' },
    ];
    const results = await pushOk(t.url, agent, payloads.map((payload) => ({ id: randomUUID(), kind: 'interaction.create', payload })));
    expect(results.map((r) => r.status)).toEqual(Array(payloads.length).fill('applied'));
    const pulled = (await pullAll(t.url, agent)).rows.filter((r) => r.entity === 'interaction');
    for (const payload of payloads) {
      const row = pulled.find((r) => r.data.id === payload.id);
      const { author: _a, version: _v, ...fields } = payload;
      expect(row?.data, payload.kind).toMatchObject({ ...fields, author: { id: agentId, name: 'Maria Santos' } });
    }
  });

  it('refuses a note for a customer deleted on the server, with a reason, and keeps refusing its retry', async () => {
    await deleteCustomer(t.db, 'gone');
    const note = noteMutation('gone', 'Customer asked for a callback');
    const expected = { id: note.id, status: 'rejected', reason: 'This customer was deleted on the server; the note was not saved there.' };
    expect(await pushOk(t.url, agent, [note])).toEqual([expected]);
    expect(await pushOk(t.url, agent, [note])).toEqual([expected]);
    expect(await interactionsOf('gone')).toEqual([]);
  });

  it('refuses one bad mutation with its reason and applies the ones around it', async () => {
    const good1 = noteMutation('c1', 'before');
    const unknownCustomer = noteMutation('nobody', 'lost?');
    const wrongType = noteMutation('c1', 'x', { occurredAt: 12 });
    const unknownField = noteMutation('c1', 'x', { mood: 'angry' });
    const unknownKind = { id: randomUUID(), kind: 'telepathy.send', payload: {} };
    const survey = noteMutation('c1', 'x', { kind: 'survey', csat: 5 });
    const notTheirOrder = noteMutation('c1', 'about an order', { orderId: 'o-other' });
    const good2 = noteMutation('c1', 'after');
    const results = await pushOk(t.url, agent, [good1, unknownCustomer, wrongType, unknownField, unknownKind, survey, notTheirOrder, good2]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : ''));
    expect(reasons[1]).toMatch(/not on the server/);
    expect(reasons[2]).toMatch(/payload\.occurredAt/);
    expect(reasons[3]).toMatch(/mood/);
    expect(reasons[4]).toMatch(/telepathy\.send/);
    expect(reasons[5]).toMatch(/payload\.kind/);
    expect(reasons[6]).toMatch(/belongs to another customer/);
    expect((await interactionsOf('c1')).map((i) => i.text)).toEqual(['Called about the late parcel', 'before', 'after']);
  });

  it('stores SQL-like and FTS-like text verbatim', async () => {
    const text = `'; DROP TABLE customers; -- "quoted" NEAR( joao* OR 1=1 \\x00ish ñ 中文`;
    const note = noteMutation('c2', text);
    expect((await pushOk(t.url, agent, [note]))[0]?.status).toBe('applied');
    const pulled = (await pullAll(t.url, agent)).rows.find((r) => r.data.id === (note.payload as { id: string }).id);
    expect(pulled?.data).toMatchObject({ text });
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]?.n).toBe(5);
  });

  it('refuses a malformed request as a whole with 400, 413 or 401', async () => {
    const note = noteMutation('c1', 'x');
    const cases: { body: unknown; raw?: string; status: number; path?: string }[] = [
      { body: undefined, raw: '{"mutations":[', status: 400 },
      { body: { mutations: [note], extra: true }, status: 400, path: 'extra' },
      { body: { mutations: [{ ...note, sneaky: 1 }] }, status: 400, path: 'mutations.0.sneaky' },
      { body: { mutations: [{ ...note, id: 'not-a-uuid' }] }, status: 400, path: 'mutations.0.id' },
      { body: { mutations: 'all of them' }, status: 400, path: 'mutations' },
      { body: { mutations: [] }, status: 400, path: 'mutations' },
      { body: { mutations: Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, () => ({ id: randomUUID(), kind: 'x', payload: null })) }, status: 400, path: 'mutations' },
      { body: { mutations: [noteMutation('c1', 'x'.repeat(300 * 1024))] }, status: 413 },
    ];
    for (const c of cases) {
      const reply = await request(t.url, 'POST', API_SYNC.push, { token: agent, ...(c.raw ? { raw: c.raw } : { json: c.body }) });
      expect(reply.status, JSON.stringify(c.body)?.slice(0, 80)).toBe(c.status);
      if (c.path) expect(errorOf(reply).issues?.map((i) => i.path)).toContain(c.path);
    }
    expect((await push(t.url, 'A'.repeat(43), [note])).status).toBe(401);
    expect((await request(t.url, 'POST', API_SYNC.push, { json: { mutations: [note] } })).status).toBe(401);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_mutations WHERE id = $1', [note.id])).rows[0]?.n).toBe(0);
  });

  it('does not let another person confirm or reuse an agent’s mutation id', async () => {
    const supervisor = (await signIn(t.url, 'supervisor', 'supervisor-demo-2026')).token;
    const note = noteMutation('c1', 'mine');
    await pushOk(t.url, agent, [note]);
    const theirs = await pushOk(t.url, supervisor, [note]);
    expect(theirs[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/someone else/) });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluatePolicy, PolicyPack, type PolicyPackInput } from '../../../shared/policy';
import { loadPack, question, readPackJson } from './policy-cases';

const us = loadPack('US');
const jeansOnDay = (day: number) => question('US', { sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day, proof: ['receipt'] });

afterEach(() => {
  vi.useRealTimers();
});

describe('evaluatePolicy', () => {
  it('answers the same whatever the machine clock says: today is an input', () => {
    const real = evaluatePolicy(us, jeansOnDay(31));
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-01T00:00:00Z'));
    expect(evaluatePolicy(us, jeansOnDay(31))).toEqual(real);
    vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
    expect(evaluatePolicy(us, jeansOnDay(31))).toEqual(real);
  });

  it('takes today as a calendar date in the pack zone, or as an instant it converts', () => {
    const base = jeansOnDay(0);
    // Delivered 3 March 2025; 2 April is day 30. 1 am UTC on 3 April is still 2 April in New York.
    expect(evaluatePolicy(us, { ...base, today: '2025-04-02' }).outcome).toBe('eligible');
    expect(evaluatePolicy(us, { ...base, today: '2025-04-03T01:00:00Z' }).outcome).toBe('eligible');
    expect(evaluatePolicy(us, { ...base, today: '2025-04-03' }).outcome).toBe('needs-approval');
  });

  it('treats a request made before the delivery date as day 0, not as a negative day', () => {
    const d = evaluatePolicy(us, { ...jeansOnDay(0), today: '2025-02-01' });
    expect(d.outcome).toBe('eligible');
  });

  it('lets a category window stand in for the general one', () => {
    const raw = structuredClone(readPackJson('us.json')) as PolicyPackInput;
    raw.rules.push({
      id: 'us-electronics-15',
      kind: 'window',
      basis: 'company',
      requests: ['return', 'refund'],
      reasons: ['changed_mind'],
      item: { categories: ['electronics'] },
      days: 15,
      proof: ['receipt'],
      replaces: ['us-return-30'],
      labels: { en: 'Electronics: 15 days', fil: 'Electronics: 15 araw', 'pt-BR': 'Eletrônicos: 15 dias' },
    });
    const pack = PolicyPack.parse(raw);
    const speaker = question('US', { sku: 'ELE-SPK-BT', kind: 'return', reason: 'changed_mind', day: 16, proof: ['receipt'] });
    expect(evaluatePolicy(pack, speaker)).toMatchObject({ outcome: 'not-eligible', decidedBy: ['us-electronics-15'] });
    expect(evaluatePolicy(pack, jeansOnDay(16))).toMatchObject({ outcome: 'eligible', decidedBy: ['us-return-30'] });
  });

  it('weighs a partial refund by the amount asked, not the item price', () => {
    const laptop = question('US', { sku: 'ELE-LAP-14', kind: 'refund', reason: 'changed_mind', day: 5, proof: ['receipt'] });
    expect(evaluatePolicy(us, laptop)).toMatchObject({ outcome: 'needs-approval', level: 'manager' });
    expect(evaluatePolicy(us, { ...laptop, request: { ...laptop.request, amountMinor: 10_000 } }).outcome).toBe('eligible');
  });

  it('sends an order in a foreign currency to a manager, since thresholds cannot be compared', () => {
    const q = jeansOnDay(5);
    const d = evaluatePolicy(us, { ...q, order: { ...q.order, currency: 'PHP' } });
    expect(d).toMatchObject({ outcome: 'needs-approval', level: 'manager' });
    expect(d.reasons.map((r) => r.key)).toContain('policy.reason.currencyMismatch');
  });

  it('refuses to answer for more items than the order line holds', () => {
    const q = jeansOnDay(5);
    expect(() => evaluatePolicy(us, { ...q, request: { ...q.request, quantity: 2 } })).toThrow(/more items than the order line holds/);
  });

  it('takes the domain rows as they are: extra fields are ignored, missing facts get their defaults', () => {
    const customer = { id: 'c1', name: 'Ana', tags: ['VIP'], version: '7' };
    const order = { id: 'o1', number: 'SO-2025-1', placedAt: '2025-02-27T15:00:00Z', currency: 'USD', status: 'delivered' };
    const item = { sku: 'FAS-JNS-SL', name: 'Slim-fit jeans', quantity: 1, unitPriceMinor: 3499 };
    const d = evaluatePolicy(us, {
      customer,
      order,
      item,
      request: { kind: 'return', reason: 'changed_mind', proof: ['receipt'], itemCondition: 'unopened' },
      today: '2025-05-10',
    });
    // No delivery date: counted from purchase (27 Feb), day 72; the tag is read case-insensitively.
    expect(d).toMatchObject({ outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-return-30-vip'] });
    expect(d.reasons[0]).toEqual({ key: 'policy.reason.countedFromPurchase', ruleId: 'us-return-30', params: { startDay: '2025-02-27' } });
  });
});

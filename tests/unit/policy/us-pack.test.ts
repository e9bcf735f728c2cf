import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../shared/policy';
import { decide, expectDecision, loadPack, question, type PolicyCase } from './policy-cases';

const pack = loadPack('US');
const RECEIPT: PolicyCase['proof'] = ['receipt'];

// Jeans $34.99 · speaker $48.99 · skin-care set $41.99 · laptop $548.99 · X9 phone $648.99.
const cases: PolicyCase[] = [
  {
    name: 'change of mind on day 30 with the receipt',
    sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day: 30, proof: RECEIPT,
    expect: { outcome: 'eligible', decidedBy: ['us-return-30'], reasons: ['withinWindow'], notices: [] },
  },
  {
    name: 'change of mind on day 31: beyond the window, a manager may approve',
    sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day: 31, proof: RECEIPT,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-return-30-late'], reasons: ['exception'] },
  },
  {
    name: 'change of mind on day 60: still a manager\'s call',
    sku: 'FAS-JNS-SL', kind: 'refund', reason: 'changed_mind', day: 60, proof: RECEIPT,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-return-30-late'] },
  },
  {
    name: 'change of mind on day 61: closed',
    sku: 'FAS-JNS-SL', kind: 'refund', reason: 'changed_mind', day: 61, proof: RECEIPT,
    expect: { outcome: 'not-eligible', decidedBy: ['us-return-30'], reasons: ['windowClosed'], notices: ['checkDefect'] },
  },
  {
    name: 'a VIP on day 61: the VIP extension runs to day 90 with a manager',
    sku: 'FAS-JNS-SL', kind: 'refund', reason: 'changed_mind', day: 61, proof: RECEIPT, tags: ['vip'],
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-return-30-vip'], reasons: ['loyalCustomer'] },
  },
  {
    name: 'a VIP on day 91: closed',
    sku: 'FAS-JNS-SL', kind: 'refund', reason: 'changed_mind', day: 91, proof: RECEIPT, tags: ['vip'],
    expect: { outcome: 'not-eligible', decidedBy: ['us-return-30'] },
  },
  {
    name: 'an opened speaker refunded for a change of mind: 15% restocking fee',
    sku: 'ELE-SPK-BT', kind: 'refund', reason: 'changed_mind', day: 10, proof: RECEIPT, condition: 'opened',
    expect: { outcome: 'eligible', decidedBy: ['us-return-30', 'us-restocking-electronics'], reasons: ['restockingFee'], fees: [{ ruleId: 'us-restocking-electronics', percent: 15, amountMinor: 735 }] },
  },
  {
    name: 'an opened speaker exchanged instead: no fee',
    sku: 'ELE-SPK-BT', kind: 'exchange', reason: 'changed_mind', day: 10, proof: RECEIPT, condition: 'opened',
    expect: { outcome: 'eligible', decidedBy: ['us-return-30'] },
  },
  {
    name: 'an opened speaker that is defective: no fee',
    sku: 'ELE-SPK-BT', kind: 'refund', reason: 'defective', day: 10, condition: 'opened',
    expect: { outcome: 'eligible', decidedBy: ['us-defect'] },
  },
  {
    name: 'an unopened speaker refunded for a change of mind: no fee',
    sku: 'ELE-SPK-BT', kind: 'refund', reason: 'changed_mind', day: 10, proof: RECEIPT,
    expect: { outcome: 'eligible', decidedBy: ['us-return-30'] },
  },
  {
    name: 'final-sale clearance returned for a change of mind: not returnable',
    sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day: 3, proof: RECEIPT, finalSale: true,
    expect: { outcome: 'not-eligible', decidedBy: ['us-final-sale'], reasons: ['excluded.finalSale'], notices: ['checkDefect'] },
  },
  {
    name: 'final-sale clearance that is defective: covered',
    sku: 'FAS-JNS-SL', kind: 'exchange', reason: 'defective', day: 10, finalSale: true,
    expect: { outcome: 'eligible', decidedBy: ['us-defect'] },
  },
  {
    name: 'a defect on day 91: a manager reviews it against the warranty',
    sku: 'ELE-SPK-BT', kind: 'exchange', reason: 'defective', day: 91,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-defect', 'us-defect-warranty-review'] },
  },
  {
    name: 'a $548.99 laptop returned unopened on day 5: over $250 needs a manager',
    sku: 'ELE-LAP-14', kind: 'return', reason: 'changed_mind', day: 5, proof: RECEIPT,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-amount-review'], reasons: ['amountOverThreshold'] },
  },
  {
    name: 'an opened $548.99 laptop refunded: manager, with the restocking fee on the refund',
    sku: 'ELE-LAP-14', kind: 'refund', reason: 'changed_mind', day: 5, proof: RECEIPT, condition: 'opened',
    expect: {
      outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-restocking-electronics', 'us-amount-review'],
      fees: [{ ruleId: 'us-restocking-electronics', percent: 15, amountMinor: 8235 }],
    },
  },
  {
    name: 'a $648.99 phone returned on day 5: above the manager\'s $600 limit, a director decides',
    sku: 'MOB-X9-256', kind: 'return', reason: 'changed_mind', day: 5, proof: RECEIPT,
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['us-return-30', 'us-amount-review', 'us-manager-limit'], reasons: ['aboveManagerLimit'] },
  },
  {
    name: 'a $648.99 phone on day 45: an exception beyond the window, and over the manager\'s limit',
    sku: 'MOB-X9-256', kind: 'return', reason: 'changed_mind', day: 45, proof: RECEIPT,
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['us-return-30', 'us-return-30-late', 'us-amount-review', 'us-manager-limit'] },
  },
  {
    name: 'two $548.99 laptops returned together: $1,097.98 goes to a director',
    sku: 'ELE-LAP-14', kind: 'return', reason: 'changed_mind', day: 5, proof: RECEIPT, quantity: 2,
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['us-return-30', 'us-amount-review', 'us-manager-limit'] },
  },
  {
    name: 'two laptops bought, one returned: the amount is one laptop, so a manager decides',
    sku: 'ELE-LAP-14', kind: 'return', reason: 'changed_mind', day: 5, proof: RECEIPT, quantity: 2, requestQuantity: 1,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-amount-review'] },
  },
  {
    name: 'an opened skin-care set, change of mind: hygiene exclusion',
    sku: 'BEA-SKN-SET', kind: 'return', reason: 'changed_mind', day: 5, proof: RECEIPT, condition: 'opened',
    expect: { outcome: 'not-eligible', decidedBy: ['us-hygiene'], reasons: ['excluded.hygiene'] },
  },
  {
    name: 'used jeans, change of mind: a manager may take them back',
    sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day: 5, proof: RECEIPT, condition: 'used',
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['us-return-30', 'us-used'], reasons: ['excluded.used'] },
  },
  {
    name: 'no receipt or order number: the agent asks for it',
    sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day: 5,
    expect: { outcome: 'not-eligible', decidedBy: ['us-return-30'], reasons: ['proofMissing'] },
  },
  {
    name: 'damaged in shipping, with a photo, on day 3',
    sku: 'ELE-SPK-BT', kind: 'exchange', reason: 'damaged_in_transit', day: 3, proof: ['photo'],
    expect: { outcome: 'eligible', decidedBy: ['us-shipping-problem'] },
  },
  {
    name: 'an order still not delivered 20 days after purchase: cancel for a refund',
    sku: 'ELE-SPK-BT', kind: 'refund', reason: 'late_delivery', day: 20, delivered: false,
    expect: { outcome: 'eligible', decidedBy: ['us-late-delivery'] },
  },
  {
    name: 'an exchange because the parcel came late: not something the policy covers',
    sku: 'ELE-SPK-BT', kind: 'exchange', reason: 'late_delivery', day: 3,
    expect: { outcome: 'not-eligible', decidedBy: ['us-not-covered'], reasons: ['notCovered'] },
  },
];

describe('US retail pack', () => {
  for (const c of cases) {
    it(c.name, () => {
      expectDecision(decide('US', c, pack), c.expect);
    });
  }

  it('counts days in New York across the DST change: delivered 11:30 pm EST on 28 Feb', () => {
    const ask = (today: string) =>
      evaluatePolicy(pack, {
        ...question('US', { sku: 'FAS-JNS-SL', kind: 'return', reason: 'changed_mind', day: 0, proof: ['receipt'] }),
        order: { placedAt: '2025-02-25T15:00:00Z', deliveredAt: '2025-03-01T04:30:00Z', channel: 'online', currency: 'USD' },
        today,
      });
    // Day 30 is 30 March (EDT by then): its last minute is still eligible, midnight is day 31.
    expect(ask('2025-03-31T03:59:00Z').outcome).toBe('eligible');
    expect(ask('2025-03-31T04:00:00Z')).toMatchObject({ outcome: 'needs-approval', level: 'manager' });
  });
});

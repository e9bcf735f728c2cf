import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../../server/demo-data/catalog';
import { evaluatePolicy, ITEM_CONDITIONS, REQUEST_KINDS } from '../../../shared/policy';
import { decide, expectDecision, loadPack, question, type PolicyCase } from './policy-cases';

const pack = loadPack('PH');
const BOXED: PolicyCase['proof'] = ['receipt', 'original_packaging'];
const CLOSED_NOTICES = ['noReturnNoExchange', 'checkDefect'];

// Rice cooker ₱1,999 · skin-care set ₱2,399 · speaker ₱2,699 · TV 55" ₱27,899 · X9 phone ₱36,299.
const cases: PolicyCase[] = [
  {
    name: 'change of mind on day 7, unopened, with receipt and box: the agent can go ahead',
    sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 7, proof: BOXED,
    expect: { outcome: 'eligible', decidedBy: ['ph-change-of-mind'], reasons: ['withinWindow'], notices: [] },
  },
  {
    name: 'change of mind on day 8: the 7-day window has closed, and the agent is reminded to check for a defect',
    sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 8, proof: BOXED,
    expect: { outcome: 'not-eligible', decidedBy: ['ph-change-of-mind'], reasons: ['windowClosed'], notices: CLOSED_NOTICES },
  },
  {
    name: 'a VIP on day 8 gets the longer window, but only with a manager',
    sku: 'APP-RC-18', kind: 'exchange', reason: 'changed_mind', day: 8, proof: BOXED, tags: ['vip'],
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-change-of-mind', 'ph-change-of-mind-vip'], reasons: ['loyalCustomer'] },
  },
  {
    name: 'a VIP on day 30 is still within the extension',
    sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 30, proof: BOXED, tags: ['vip'],
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-change-of-mind', 'ph-change-of-mind-vip'] },
  },
  {
    name: 'a VIP on day 31 is past the extension too',
    sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 31, proof: BOXED, tags: ['vip'],
    expect: { outcome: 'not-eligible', decidedBy: ['ph-change-of-mind'], reasons: ['windowClosed'] },
  },
  {
    name: 'a defective rice cooker on day 40, far outside the change-of-mind window, is the seller\'s duty',
    sku: 'APP-RC-18', kind: 'exchange', reason: 'defective', day: 40,
    expect: { outcome: 'eligible', decidedBy: ['ph-defect'], reasons: ['withinWindow'] },
  },
  {
    name: 'a defect on day 180 is still the agent\'s to handle',
    sku: 'APP-RC-18', kind: 'return', reason: 'defective', day: 180,
    expect: { outcome: 'eligible', decidedBy: ['ph-defect'] },
  },
  {
    name: 'a defect on day 181 is never refused for time: a manager reviews it against the warranty',
    sku: 'APP-RC-18', kind: 'return', reason: 'defective', day: 181,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-defect', 'ph-defect-warranty-review'], reasons: ['exception'] },
  },
  {
    name: 'a defective opened skin-care set bought on final sale: no exclusion touches a defect',
    sku: 'BEA-SKN-SET', kind: 'refund', reason: 'defective', day: 20, condition: 'opened', finalSale: true,
    expect: { outcome: 'eligible', decidedBy: ['ph-defect'] },
  },
  {
    name: 'an opened skin-care set returned for a change of mind: hygiene exclusion',
    sku: 'BEA-SKN-SET', kind: 'return', reason: 'changed_mind', day: 2, condition: 'opened', proof: BOXED,
    expect: { outcome: 'not-eligible', decidedBy: ['ph-hygiene-opened'], reasons: ['excluded.hygiene'], notices: CLOSED_NOTICES },
  },
  {
    name: 'final-sale item, unopened, change of mind: excluded',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'changed_mind', day: 2, proof: BOXED, finalSale: true,
    expect: { outcome: 'not-eligible', decidedBy: ['ph-final-sale'], reasons: ['excluded.finalSale'] },
  },
  {
    name: 'used sneakers, change of mind: excluded',
    sku: 'FAS-SNK-RUN', kind: 'return', reason: 'changed_mind', day: 2, proof: BOXED, condition: 'used',
    expect: { outcome: 'not-eligible', decidedBy: ['ph-used-change-of-mind'], reasons: ['excluded.used'] },
  },
  {
    name: 'an opened but unused speaker, change of mind: a manager may take it back',
    sku: 'ELE-SPK-BT', kind: 'return', reason: 'changed_mind', day: 3, proof: BOXED, condition: 'opened',
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-change-of-mind', 'ph-opened-change-of-mind'], reasons: ['excluded.opened'] },
  },
  {
    name: 'change of mind without the original packaging: the agent asks for it',
    sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 3, proof: ['receipt'],
    expect: { outcome: 'not-eligible', decidedBy: ['ph-change-of-mind'], reasons: ['withinWindow', 'proofMissing'] },
  },
  {
    name: 'a ₱27,899 TV refunded for a change of mind: over ₱20,000 needs a manager',
    sku: 'ELE-TV-55', kind: 'refund', reason: 'changed_mind', day: 3, proof: BOXED,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-change-of-mind', 'ph-amount-review'], reasons: ['amountOverThreshold'] },
  },
  {
    name: 'a ₱36,299 phone refunded for a change of mind: above the manager\'s ₱30,000 limit, a director decides',
    sku: 'MOB-X9-256', kind: 'refund', reason: 'changed_mind', day: 3, proof: BOXED,
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['ph-change-of-mind', 'ph-amount-review', 'ph-manager-limit'], reasons: ['aboveManagerLimit'] },
  },
  {
    name: 'a defective ₱36,299 phone on day 200: the late-defect review goes to a director by amount',
    sku: 'MOB-X9-256', kind: 'exchange', reason: 'defective', day: 200,
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['ph-defect', 'ph-defect-warranty-review', 'ph-manager-limit'] },
  },
  {
    name: 'a defective ₱36,299 phone within 6 months: a statutory remedy is not held up by amount thresholds',
    sku: 'MOB-X9-256', kind: 'refund', reason: 'defective', day: 10,
    expect: { outcome: 'eligible', decidedBy: ['ph-defect'] },
  },
  {
    name: 'damaged in transit without a photo: the agent asks for one',
    sku: 'APP-RC-18', kind: 'exchange', reason: 'damaged_in_transit', day: 2,
    expect: { outcome: 'not-eligible', decidedBy: ['ph-transit-damage'], reasons: ['proofMissing'] },
  },
  {
    name: 'damaged in transit with a photo on day 7',
    sku: 'APP-RC-18', kind: 'exchange', reason: 'damaged_in_transit', day: 7, proof: ['photo'],
    expect: { outcome: 'eligible', decidedBy: ['ph-transit-damage'] },
  },
  {
    name: 'damaged in transit reported on day 8: reviewed by a manager, not refused',
    sku: 'APP-RC-18', kind: 'exchange', reason: 'damaged_in_transit', day: 8, proof: ['photo'],
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-transit-damage', 'ph-transit-damage-review'] },
  },
  {
    name: 'wrong item on day 30: the agent sends the right one',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'wrong_item', day: 30,
    expect: { outcome: 'eligible', decidedBy: ['ph-wrong-item'] },
  },
  {
    name: 'wrong item reported on day 31: a manager reviews it',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'wrong_item', day: 31,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-wrong-item', 'ph-wrong-item-review'] },
  },
  {
    name: 'a reason no rule names goes to a manager, case by case',
    sku: 'APP-RC-18', kind: 'refund', reason: 'other', day: 3,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['ph-case-by-case'], reasons: ['caseByCase'] },
  },
  {
    name: 'no delivery date: the 7 days count from the purchase',
    sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 7, proof: BOXED, delivered: false,
    expect: { outcome: 'eligible', decidedBy: ['ph-change-of-mind'], reasons: ['countedFromPurchase', 'withinWindow'] },
  },
];

describe('Philippines pack', () => {
  for (const c of cases) {
    it(c.name, () => {
      expectDecision(decide('PH', c, pack), c.expect);
    });
  }

  it('counts days in Manila: delivered at 1 am Manila (still the day before in UTC)', () => {
    const ask = (today: string) =>
      evaluatePolicy(pack, {
        ...question('PH', { sku: 'APP-RC-18', kind: 'return', reason: 'changed_mind', day: 0, proof: ['receipt', 'original_packaging'] }),
        order: { placedAt: '2025-02-27T02:00:00Z', deliveredAt: '2025-03-01T17:00:00Z', channel: 'online', currency: 'PHP' },
        today,
      });
    // Delivered 2 March in Manila: 9 March 23:59 Manila is day 7, one minute later is day 8.
    expect(ask('2025-03-09T15:59:00Z').outcome).toBe('eligible');
    expect(ask('2025-03-09T16:00:00Z').outcome).toBe('not-eligible');
  });

  it('never refuses a defect, a wrong item or transit damage, whatever the item, its state, final sale or the day', () => {
    const refused: string[] = [];
    for (const product of PRODUCTS) {
      for (const condition of ITEM_CONDITIONS) {
        for (const finalSale of [false, true]) {
          for (const day of [8, 181, 2000]) {
            for (const kind of REQUEST_KINDS) {
              for (const reason of ['defective', 'not_as_described', 'wrong_item', 'damaged_in_transit'] as const) {
                const d = evaluatePolicy(pack, question('PH', { sku: product.sku, kind, reason, day, condition, finalSale, proof: ['photo'] }));
                if (d.outcome === 'not-eligible') refused.push(`${product.sku} ${condition} ${finalSale} day ${day} ${kind} ${reason}`);
              }
            }
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });
});

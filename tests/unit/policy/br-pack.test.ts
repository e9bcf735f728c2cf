import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../../server/demo-data/catalog';
import { evaluatePolicy, ITEM_CONDITIONS, POLICY_REQUEST_REASONS, type WindowRule } from '../../../shared/policy';
import { decide, expectDecision, loadPack, question, type PolicyCase } from './policy-cases';

const pack = loadPack('BR');
const PROTOCOL = ['protocol'];

// Air fryer R$ 409,90 · TV 32" R$ 1.029,90 · TV 55" R$ 2.589,90 · X9 phone R$ 3.369,90 ·
// sunscreen R$ 69,90 · skin-care set R$ 219,90 · running shoes R$ 309,90.
const cases: PolicyCase[] = [
  {
    name: 'online purchase, change of mind, refund on day 7: withdrawal right, full refund',
    sku: 'APP-AF-5L', kind: 'refund', reason: 'changed_mind', day: 7,
    expect: { outcome: 'eligible', decidedBy: ['br-cdc49-arrependimento'], reasons: ['withinWindow'], notices: ['protocol', 'fullRefund'] },
  },
  {
    name: 'online purchase, change of mind, refund on day 8: the withdrawal period has ended',
    sku: 'APP-AF-5L', kind: 'refund', reason: 'changed_mind', day: 8,
    expect: { outcome: 'not-eligible', decidedBy: ['br-cdc49-arrependimento'], reasons: ['windowClosed'], notices: ['protocol', 'checkDefect'] },
  },
  {
    name: 'phone order, returned for no stated reason on day 5',
    sku: 'APP-AF-5L', kind: 'return', reason: 'other', day: 5, channel: 'phone',
    expect: { outcome: 'eligible', decidedBy: ['br-cdc49-arrependimento'] },
  },
  {
    name: 'store purchase, change of mind, refund on day 2: no withdrawal right in the store',
    sku: 'APP-AF-5L', kind: 'refund', reason: 'changed_mind', day: 2, channel: 'store',
    expect: { outcome: 'not-eligible', decidedBy: ['br-fora-da-politica'], reasons: ['notCovered'], notices: PROTOCOL },
  },
  {
    name: 'channel not recorded: treated as online (the store ships parcels) and the agent is told to confirm',
    sku: 'APP-AF-5L', kind: 'refund', reason: 'changed_mind', day: 3, channel: null,
    expect: { outcome: 'eligible', decidedBy: ['br-cdc49-arrependimento'], notices: ['channelAssumed', 'protocol', 'fullRefund'] },
  },
  {
    name: 'courtesy exchange on day 20 in the original packaging',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'changed_mind', day: 20, proof: ['original_packaging'],
    expect: { outcome: 'eligible', decidedBy: ['br-troca-cortesia'] },
  },
  {
    name: 'courtesy exchange on day 30: last day',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'changed_mind', day: 30, proof: ['original_packaging'],
    expect: { outcome: 'eligible', decidedBy: ['br-troca-cortesia'] },
  },
  {
    name: 'courtesy exchange on day 31: closed for a customer who is not VIP',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'changed_mind', day: 31, proof: ['original_packaging'],
    expect: { outcome: 'not-eligible', decidedBy: ['br-troca-cortesia'], reasons: ['windowClosed'] },
  },
  {
    name: 'a VIP asking for a courtesy exchange on day 45: a manager may grant it',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'changed_mind', day: 45, proof: ['original_packaging'], tags: ['vip'],
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['br-troca-cortesia', 'br-troca-cortesia-vip'], reasons: ['loyalCustomer'] },
  },
  {
    name: 'defective TV (durable) on day 90',
    sku: 'ELE-TV-32', kind: 'exchange', reason: 'defective', day: 90,
    expect: { outcome: 'eligible', decidedBy: ['br-cdc26-duraveis'] },
  },
  {
    name: 'defective TV (durable) on day 91: a hidden defect counts from when it appeared, so a manager reviews it',
    sku: 'ELE-TV-32', kind: 'exchange', reason: 'defective', day: 91,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['br-cdc26-duraveis', 'br-cdc26-vicio-oculto-duraveis'], reasons: ['hiddenDefect'] },
  },
  {
    name: 'defective sunscreen (non-durable) on day 30',
    sku: 'BEA-SUN-50', kind: 'refund', reason: 'defective', day: 30,
    expect: { outcome: 'eligible', decidedBy: ['br-cdc26-nao-duraveis'] },
  },
  {
    name: 'defective sunscreen (non-durable) on day 31: hidden-defect review',
    sku: 'BEA-SUN-50', kind: 'refund', reason: 'defective', day: 31,
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['br-cdc26-nao-duraveis', 'br-cdc26-vicio-oculto-nao-duraveis'] },
  },
  {
    name: 'wrong shoes, exchange asked on day 91: the 90-day apparent-defect period has lapsed',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'wrong_item', day: 91,
    expect: { outcome: 'not-eligible', decidedBy: ['br-cdc26-duraveis'], reasons: ['windowClosed'] },
  },
  {
    name: 'wrong shoes, returned on day 91: withdrawal and apparent-defect periods both closed, both cited',
    sku: 'FAS-SNK-RUN', kind: 'return', reason: 'wrong_item', day: 91,
    expect: { outcome: 'not-eligible', decidedBy: ['br-cdc49-arrependimento', 'br-cdc26-duraveis'], reasons: ['windowClosed'] },
  },
  {
    name: 'clearance item bought online, change of mind, refund on day 5: withdrawal is a right, clearance or not',
    sku: 'FAS-SNK-RUN', kind: 'refund', reason: 'changed_mind', day: 5, finalSale: true,
    expect: { outcome: 'eligible', decidedBy: ['br-cdc49-arrependimento'] },
  },
  {
    name: 'clearance item, courtesy exchange: excluded',
    sku: 'FAS-SNK-RUN', kind: 'exchange', reason: 'changed_mind', day: 5, finalSale: true, proof: ['original_packaging'],
    expect: { outcome: 'not-eligible', decidedBy: ['br-liquidacao'], reasons: ['excluded.finalSale'] },
  },
  {
    name: 'opened skin-care set, courtesy exchange: hygiene exclusion',
    sku: 'BEA-SKN-SET', kind: 'exchange', reason: 'changed_mind', day: 10, condition: 'opened', proof: ['original_packaging'],
    expect: { outcome: 'not-eligible', decidedBy: ['br-higiene'], reasons: ['excluded.hygiene'] },
  },
  {
    name: 'opened skin-care set bought online, refund on day 5: the withdrawal right has no hygiene exclusion',
    sku: 'BEA-SKN-SET', kind: 'refund', reason: 'changed_mind', day: 5, condition: 'opened',
    expect: { outcome: 'eligible', decidedBy: ['br-cdc49-arrependimento'] },
  },
  {
    name: 'courtesy exchange of a R$ 2.589,90 TV: over R$ 1.500 needs a manager',
    sku: 'ELE-TV-55', kind: 'exchange', reason: 'changed_mind', day: 10, proof: ['original_packaging'],
    expect: { outcome: 'needs-approval', level: 'manager', decidedBy: ['br-troca-cortesia', 'br-valor-alto'] },
  },
  {
    name: 'courtesy exchange of a R$ 3.369,90 phone: above the manager\'s R$ 3.000, a director decides',
    sku: 'MOB-X9-256', kind: 'exchange', reason: 'changed_mind', day: 10, proof: ['original_packaging'],
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['br-troca-cortesia', 'br-valor-alto', 'br-alcada-gerente'], reasons: ['aboveManagerLimit'] },
  },
  {
    name: 'withdrawal of a R$ 3.369,90 phone on day 3: a legal right needs no approval, whatever the amount',
    sku: 'MOB-X9-256', kind: 'refund', reason: 'changed_mind', day: 3,
    expect: { outcome: 'eligible', decidedBy: ['br-cdc49-arrependimento'] },
  },
  {
    name: 'hidden defect in a R$ 3.369,90 phone on day 120: the review goes to a director by amount',
    sku: 'MOB-X9-256', kind: 'exchange', reason: 'defective', day: 120,
    expect: { outcome: 'needs-approval', level: 'director', decidedBy: ['br-cdc26-duraveis', 'br-cdc26-vicio-oculto-duraveis', 'br-alcada-gerente'] },
  },
  {
    name: 'late delivery, refund on day 10 after it finally arrived',
    sku: 'APP-AF-5L', kind: 'refund', reason: 'late_delivery', day: 10,
    expect: { outcome: 'eligible', decidedBy: ['br-atraso-entrega'] },
  },
];

describe('Brazil pack', () => {
  for (const c of cases) {
    it(c.name, () => {
      expectDecision(decide('BR', c, pack), c.expect);
    });
  }

  it('gives a protocol number on every contact, whatever the outcome', () => {
    for (const c of cases) expect(decide('BR', c, pack).notices.map((n) => n.key)).toContain('policy.notice.protocol');
  });

  it('counts days in São Paulo: delivered at 11:30 pm local time (already the next day in UTC)', () => {
    const ask = (today: string) =>
      evaluatePolicy(pack, {
        ...question('BR', { sku: 'APP-AF-5L', kind: 'refund', reason: 'changed_mind', day: 0 }),
        order: { placedAt: '2025-02-25T12:00:00Z', deliveredAt: '2025-03-01T02:30:00Z', channel: 'online', currency: 'BRL' },
        today,
      });
    // Delivered 28 Feb in São Paulo: 7 March is day 7; 8 March is day 8 (in UTC it would still be day 7).
    expect(ask('2025-03-08T02:59:00Z').outcome).toBe('eligible');
    expect(ask('2025-03-08T13:00:00Z').outcome).toBe('not-eligible');
  });

  it('within 7 days of delivery, an online or phone purchase can always be withdrawn, whatever the item, reason or state', () => {
    const refused: string[] = [];
    for (const product of PRODUCTS) {
      for (const channel of ['online', 'phone'] as const) {
        for (const reason of POLICY_REQUEST_REASONS) {
          for (const condition of ITEM_CONDITIONS) {
            for (const day of [0, 7]) {
              const d = evaluatePolicy(pack, question('BR', { sku: product.sku, kind: 'refund', reason, day, channel, condition, finalSale: true }));
              if (d.outcome !== 'eligible') refused.push(`${product.sku} ${channel} ${reason} ${condition} day ${day}: ${d.outcome}`);
            }
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('classes every demo product as durable (90 days) or non-durable (30 days), never both', () => {
    const windows = pack.rules.filter((r): r is WindowRule => r.kind === 'window');
    const durable = windows.find((w) => w.id === 'br-cdc26-duraveis')!;
    const nonDurable = windows.find((w) => w.id === 'br-cdc26-nao-duraveis')!;
    for (const product of PRODUCTS) {
      const d = decide('BR', { sku: product.sku, kind: 'exchange', reason: 'defective', day: 10, channel: 'store' }, pack);
      expect(d.decidedBy, product.sku).toHaveLength(1);
      expect([durable.id, nonDurable.id], product.sku).toContain(d.decidedBy[0]);
    }
    const nonDurableSkus = PRODUCTS.filter((p) => decide('BR', { sku: p.sku, kind: 'exchange', reason: 'defective', day: 10, channel: 'store' }, pack).decidedBy[0] === nonDurable.id).map((p) => p.sku);
    expect(nonDurableSkus.sort()).toEqual(['BAB-DPR-XL', 'BAB-MLK-900', 'BEA-PRF-50', 'BEA-SKN-SET', 'BEA-SUN-50']);
  });
});

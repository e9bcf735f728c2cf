import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { PRODUCTS, priceMinor } from '../../../server/demo-data/catalog';
import type { DemoCountry } from '../../../server/demo-data/places';
import { addDays } from '../../../shared/policy/calendar-days';
import {
  evaluatePolicy,
  PolicyDecision,
  PolicyPack,
  type ItemCondition,
  type OrderChannel,
  type PolicyFee,
  type PolicyQuestionInput,
  type PolicyRequestKind,
  type PolicyRequestReason,
  type ProofKind,
} from '../../../shared/policy';

/**
 * Builds questions about the demo store's real products and prices, so each case reads like a
 * call: "a VIP returns the rice cooker on day 8, unopened, with the receipt".
 */

export const PACK_FILES = { PH: 'ph.json', BR: 'br.json', US: 'us.json' } as const satisfies Record<DemoCountry, string>;
export const POLICIES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources/policies');

export function readPackJson(file: string): unknown {
  return JSON.parse(readFileSync(resolve(POLICIES_DIR, file), 'utf8'));
}

export function loadPack(country: DemoCountry): PolicyPack {
  return PolicyPack.parse(readPackJson(PACK_FILES[country]));
}

/** Mid-morning local time on a calendar date, in each country's offset (Brazil has no DST now). */
const MORNING: Readonly<Record<DemoCountry, string>> = { PH: 'T10:00:00+08:00', BR: 'T10:00:00-03:00', US: 'T10:00:00-05:00' };

export interface Call {
  sku: string;
  kind: PolicyRequestKind;
  reason: PolicyRequestReason;
  /** Days after delivery (or after purchase when `delivered` is false). */
  day: number;
  condition?: ItemCondition;
  proof?: ProofKind[];
  tags?: string[];
  channel?: OrderChannel | null;
  finalSale?: boolean;
  /** How many the order line holds (default 1). */
  quantity?: number;
  /** How many the customer sends back (default: all). */
  requestQuantity?: number;
  /** False: the parcel has no delivery date; it was placed on the base date. */
  delivered?: boolean;
}

export interface Expected {
  outcome: PolicyDecision['outcome'];
  level?: 'manager' | 'director';
  /** Exactly these rules, in this order. */
  decidedBy: string[];
  /** These reason keys appear (without the `policy.reason.` prefix). */
  reasons?: string[];
  /** These notice keys appear (without the `policy.notice.` prefix); `[]` means none. */
  notices?: string[];
  fees?: Omit<PolicyFee, 'currency'>[];
}

export interface PolicyCase extends Call {
  name: string;
  expect: Expected;
}

export const BASE_DATE = '2025-03-03';

export function question(country: DemoCountry, call: Call): PolicyQuestionInput {
  const product = PRODUCTS.find((p) => p.sku === call.sku);
  if (!product) throw new Error(`no demo product ${call.sku}`);
  const currency = ({ PH: 'PHP', BR: 'BRL', US: 'USD' } as const)[country];
  const quantity = call.quantity ?? 1;
  return {
    customer: { tags: call.tags ?? [] },
    order: {
      placedAt: `${call.delivered === false ? BASE_DATE : addDays(BASE_DATE, -4)}${MORNING[country]}`,
      deliveredAt: call.delivered === false ? null : `${BASE_DATE}${MORNING[country]}`,
      channel: call.channel === undefined ? 'online' : call.channel,
      currency,
    },
    item: { sku: product.sku, category: product.category, quantity, unitPriceMinor: priceMinor(product, country), finalSale: call.finalSale ?? false },
    request: {
      kind: call.kind,
      reason: call.reason,
      proof: call.proof ?? [],
      itemCondition: call.condition ?? 'unopened',
      ...(call.requestQuantity === undefined ? {} : { quantity: call.requestQuantity }),
    },
    today: addDays(BASE_DATE, call.day),
  };
}

export function decide(country: DemoCountry, call: Call, pack = loadPack(country)): PolicyDecision {
  const decision = evaluatePolicy(pack, question(country, call));
  // What the evaluator answers is what an escalation packet will carry: it must pass the schema.
  return PolicyDecision.parse(decision);
}

export function expectDecision(decision: PolicyDecision, expected: Expected): void {
  expect(decision.outcome).toBe(expected.outcome);
  if (decision.outcome === 'needs-approval') expect(decision.level).toBe(expected.level);
  else expect(expected.level).toBeUndefined();
  expect(decision.decidedBy).toEqual(expected.decidedBy);
  const reasonKeys = decision.reasons.map((r) => r.key.replace('policy.reason.', ''));
  for (const key of expected.reasons ?? []) expect(reasonKeys).toContain(key);
  const noticeKeys = decision.notices.map((n) => n.key.replace('policy.notice.', ''));
  if (expected.notices?.length === 0) expect(noticeKeys).toEqual([]);
  for (const key of expected.notices ?? []) expect(noticeKeys).toContain(key);
  expect(decision.fees.map(({ ruleId, percent, amountMinor }) => ({ ruleId, percent, amountMinor }))).toEqual(expected.fees ?? []);
}

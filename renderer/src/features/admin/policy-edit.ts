import { addDays, localDate } from '../../../../shared/policy/calendar-days';
import type {
  ItemCondition,
  OrderChannel,
  PolicyPack,
  PolicyQuestionInput,
  PolicyRequestKind,
  PolicyRequestReason,
  PolicyRule,
  ProofKind,
  WindowExtension,
} from '../../../../shared/policy';

/**
 * The admin's policy editor works on the pack as data: each change replaces one rule (or one
 * exception inside a window) and leaves the rest untouched, so what is saved is exactly the
 * shipped pack plus the admin's edits. Pure, so the editor and its tests share it.
 */

/** The demo store's product categories (shared/policy/README.md); packs may name others. */
export const KNOWN_CATEGORIES = ['mobile', 'electronics', 'appliances', 'home', 'fashion', 'beauty', 'baby', 'sports'] as const;

/** Replaces the rule with this id by `change(rule)`; the pack is not mutated. */
export function updateRule(pack: PolicyPack, ruleId: string, change: (rule: PolicyRule) => PolicyRule): PolicyPack {
  return { ...pack, rules: pack.rules.map((rule) => (rule.id === ruleId ? change(rule) : rule)) };
}

/** Replaces one exception (`beyond` entry) of a window. */
export function updateExtension(pack: PolicyPack, windowId: string, extensionId: string, change: (e: WindowExtension) => WindowExtension): PolicyPack {
  return updateRule(pack, windowId, (rule) =>
    rule.kind === 'window' ? { ...rule, beyond: rule.beyond.map((e) => (e.id === extensionId ? change(e) : e)) } : rule,
  );
}

/** Adds or removes one value of a list field; an emptied optional list becomes "any" (absent). */
export function toggled<T>(list: readonly T[] | undefined, value: T, on: boolean): T[] | undefined {
  const next = on ? [...new Set([...(list ?? []), value])] : (list ?? []).filter((v) => v !== value);
  return next.length > 0 ? next : undefined;
}

/** "beauty, Baby ,," → ['beauty', 'baby']; nothing → undefined (the rule covers every item). */
export function parseList(text: string): string[] | undefined {
  const items = [...new Set(text.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
  return items.length > 0 ? items : undefined;
}

/** A whole number typed in a field, or null when the field is empty or not a number. */
export function parseWhole(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : null;
}

/**
 * Which rule a validation issue is about: the server (and zod) name fields as
 * `pack.rules.3.beyond.0.extraDays`; the editor shows the message beside rule 3.
 */
export function issuesByRule(pack: PolicyPack, issues: readonly { path: string; message: string }[]): Map<string, string[]> {
  const byRule = new Map<string, string[]>();
  for (const issue of issues) {
    const match = /(?:^|\.)rules\.(\d+)(?:\.|$)/.exec(issue.path);
    const rule = match ? pack.rules[Number(match[1])] : undefined;
    const key = rule?.id ?? '';
    const field = match ? issue.path.slice(match.index + match[0].length) : issue.path;
    byRule.set(key, [...(byRule.get(key) ?? []), field ? `${field}: ${issue.message}` : issue.message]);
  }
  return byRule;
}

/** The try-it panel's made-up request: what the admin sets, in the words of the request form. */
export interface SampleRequest {
  kind: PolicyRequestKind;
  reason: PolicyRequestReason;
  category: string;
  /** Days between delivery and today (0: delivered today). */
  daysSinceDelivery: number;
  /** In minor units of the pack's currency. */
  amountMinor: number;
  condition: ItemCondition;
  proof: ProofKind[];
  vip: boolean;
  finalSale: boolean;
  channel: OrderChannel;
}

export const DEFAULT_SAMPLE: SampleRequest = {
  kind: 'return',
  reason: 'changed_mind',
  category: 'electronics',
  daysSinceDelivery: 5,
  amountMinor: 150_000,
  condition: 'unopened',
  proof: ['receipt', 'original_packaging'],
  vip: false,
  finalSale: false,
  channel: 'online',
};

/**
 * The question the evaluator gets for a sample: today is `now` as a calendar day in the pack's time
 * zone, delivered so many days before (at noon UTC, the same calendar day in any zone within eleven hours of it), ordered two days
 * before that, paid in the pack's currency.
 */
export function sampleQuestion(pack: PolicyPack, sample: SampleRequest, now: Date): PolicyQuestionInput {
  const today = localDate(now.toISOString(), pack.timeZone);
  const delivered = addDays(today, -sample.daysSinceDelivery);
  return {
    customer: { tags: sample.vip ? ['vip'] : [] },
    order: {
      placedAt: `${addDays(delivered, -2)}T12:00:00Z`,
      deliveredAt: `${delivered}T12:00:00Z`,
      channel: sample.channel,
      currency: pack.currency,
    },
    item: { sku: 'SAMPLE-1', category: sample.category || null, quantity: 1, unitPriceMinor: sample.amountMinor, finalSale: sample.finalSale },
    request: { kind: sample.kind, reason: sample.reason, proof: [...sample.proof], itemCondition: sample.condition },
    today,
  };
}

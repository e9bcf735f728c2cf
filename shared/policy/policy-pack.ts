import { z } from 'zod';
import { REQUEST_REASONS } from '../domain/interaction';
import { Language } from '../domain/user';

/**
 * A policy pack: a jurisdiction's returns, refunds and exchanges as data that admins can edit and
 * the console evaluates offline (`policy-evaluator.ts`). Every rule has an id and a label in each
 * language, so a decision can cite it in the customer's words.
 */

export const REQUEST_KINDS = ['return', 'refund', 'exchange'] as const;
export const PolicyRequestKind = z.enum(REQUEST_KINDS);
export type PolicyRequestKind = z.infer<typeof PolicyRequestKind>;

/**
 * The reasons the request form offers: the domain's reasons plus damage in transit, which the
 * domain list does not have yet (a parcel crushed by the courier is not a product defect).
 */
export const POLICY_REQUEST_REASONS = [...REQUEST_REASONS, 'damaged_in_transit'] as const;
export const PolicyRequestReason = z.enum(POLICY_REQUEST_REASONS);
export type PolicyRequestReason = z.infer<typeof PolicyRequestReason>;

/** Where the order was placed; Brazil's withdrawal right exists only away from the store. */
export const ORDER_CHANNELS = ['online', 'phone', 'store'] as const;
export const OrderChannel = z.enum(ORDER_CHANNELS);
export type OrderChannel = z.infer<typeof OrderChannel>;

export const ITEM_CONDITIONS = ['unopened', 'opened', 'used'] as const;
export const ItemCondition = z.enum(ITEM_CONDITIONS);
export type ItemCondition = z.infer<typeof ItemCondition>;

export const PROOF_KINDS = ['receipt', 'photo', 'original_packaging'] as const;
export const ProofKind = z.enum(PROOF_KINDS);
export type ProofKind = z.infer<typeof ProofKind>;

/** Who may say yes. A representative decides within the rules; the others grant exceptions. */
export const APPROVAL_LEVELS = ['representative', 'manager', 'director'] as const;
export const ApprovalLevel = z.enum(APPROVAL_LEVELS);
export type ApprovalLevel = z.infer<typeof ApprovalLevel>;

/** An exception's level, or a plain no. */
export const ExceptionLevel = z.enum(['refuse', 'manager', 'director']);
export type ExceptionLevel = z.infer<typeof ExceptionLevel>;

const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, dash or underscore');
export const RuleId = Slug;
const Sku = z.string().trim().min(1).max(64);
const Tag = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);
const MinorUnits = z.number().int().min(0).max(1e13);
const Days = z.number().int().min(0).max(3650);

/** Text in every language the floor speaks; a missing language is a parse error, not a blank. */
export const Labels = z.record(Language, z.string().trim().min(1).max(400));
export type Labels = z.output<typeof Labels>;

export const TimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Asia/Manila');

/** Which items a rule is about. Categories and SKUs add up; `exceptSkus` takes items back out. */
export const ItemMatch = z
  .object({
    categories: z.array(Slug).min(1).max(50).optional(),
    skus: z.array(Sku).min(1).max(500).optional(),
    exceptSkus: z.array(Sku).min(1).max(500).optional(),
    finalSale: z.boolean().optional(),
    conditions: z.array(ItemCondition).min(1).optional(),
  })
  .strict();
export type ItemMatch = z.output<typeof ItemMatch>;

const scope = {
  requests: z.array(PolicyRequestKind).min(1),
  /** Absent: any reason. */
  reasons: z.array(PolicyRequestReason).min(1).optional(),
  /** Absent: any channel. */
  channels: z.array(OrderChannel).min(1).optional(),
  item: ItemMatch.default({}),
};

const ruleBase = {
  id: RuleId,
  labels: Labels,
  /** Ids from the pack's `sources`. */
  sources: z.array(Slug).max(20).default([]),
};

/** An exception past a window's last day: who may grant it, for whom, and for how long. */
export const WindowExtension = z
  .object({
    id: RuleId,
    labels: Labels,
    level: ApprovalLevel,
    /** Days past the window's last day; null: no limit (the exception is always reviewable). */
    extraDays: z.number().int().min(1).max(3650).nullable(),
    /** Absent: any customer; otherwise a customer with any of these tags. */
    tags: z.array(Tag).min(1).max(20).optional(),
    /** Absent: every reason the window covers. */
    reasons: z.array(PolicyRequestReason).min(1).optional(),
    /** What the agent tells the customer. */
    message: z.enum(['exception', 'hiddenDefect', 'loyalCustomer']).default('exception'),
  })
  .strict()
  .refine((e) => e.message !== 'loyalCustomer' || e.extraDays !== null, 'a loyal-customer extension says until when');
export type WindowExtension = z.output<typeof WindowExtension>;

/**
 * The core rule: requests covered for so many days. A `law` window is a statutory right: no
 * company exclusion, fee or amount threshold touches it, and no company window replaces it.
 */
export const WindowRule = z
  .object({
    ...ruleBase,
    kind: z.literal('window'),
    basis: z.enum(['law', 'company']),
    ...scope,
    days: Days,
    /** Delivery falls back to purchase when the delivery date is unknown. */
    from: z.enum(['delivery', 'purchase']).default('delivery'),
    proof: z.array(ProofKind).max(3).default([]),
    beyond: z.array(WindowExtension).max(10).default([]),
    /** Company windows this one stands in for when both apply (a category's own window). */
    replaces: z.array(RuleId).max(20).default([]),
  })
  .strict();
export type WindowRule = z.output<typeof WindowRule>;

/** Items or situations a company window does not cover, or covers only with approval. */
export const ExclusionRule = z
  .object({
    ...ruleBase,
    kind: z.literal('exclusion'),
    ...scope,
    level: ExceptionLevel,
    message: z.enum(['finalSale', 'hygiene', 'perishable', 'used', 'opened', 'other']),
  })
  .strict();
export type ExclusionRule = z.output<typeof ExclusionRule>;

/** A fee kept from the refund (restocking), on company windows only. */
export const FeeRule = z
  .object({ ...ruleBase, kind: z.literal('fee'), ...scope, percent: z.number().gt(0).max(100) })
  .strict();
export type FeeRule = z.output<typeof FeeRule>;

/** Above this amount a company decision needs approval even within the window. */
export const AmountRule = z
  .object({
    ...ruleBase,
    kind: z.literal('amount'),
    requests: scope.requests,
    reasons: scope.reasons,
    overMinor: MinorUnits,
    level: z.enum(['manager', 'director']),
  })
  .strict();
export type AmountRule = z.output<typeof AmountRule>;

/** The most a manager may approve; above it, a director decides. One per pack. */
export const ApprovalLimitRule = z
  .object({ ...ruleBase, kind: z.literal('approval-limit'), managerMaxMinor: MinorUnits })
  .strict();
export type ApprovalLimitRule = z.output<typeof ApprovalLimitRule>;

/** Something the agent must do or say, shown beside the decision (not told as a reason). */
export const NoticeRule = z
  .object({
    ...ruleBase,
    kind: z.literal('notice'),
    when: z.enum(['always', 'eligible', 'not-eligible', 'needs-approval']).default('always'),
    /** Only when this rule took part in the decision. */
    ifRule: RuleId.optional(),
    message: z.enum(['protocol', 'noReturnNoExchange', 'fullRefund', 'checkDefect']),
  })
  .strict();
export type NoticeRule = z.output<typeof NoticeRule>;

/** What happens to a request no window covers. One per pack. */
export const FallbackRule = z.object({ ...ruleBase, kind: z.literal('fallback'), level: ExceptionLevel }).strict();
export type FallbackRule = z.output<typeof FallbackRule>;

export const PolicyRule = z.discriminatedUnion('kind', [
  WindowRule,
  ExclusionRule,
  FeeRule,
  AmountRule,
  ApprovalLimitRule,
  NoticeRule,
  FallbackRule,
]);
export type PolicyRule = z.output<typeof PolicyRule>;

export const PolicySource = z
  .object({
    id: Slug,
    /** The statute or document, as a lawyer would cite it. */
    citation: z.string().trim().min(1).max(300),
    url: z.url().optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type PolicySource = z.output<typeof PolicySource>;

const PackShape = z
  .object({
    id: Slug,
    version: z.number().int().min(1),
    name: Labels,
    /** ISO 3166 country the pack is written for. */
    country: z.string().regex(/^[A-Z]{2}$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** Days are counted in this zone: a parcel delivered at 11 pm in Manila was delivered that day. */
    timeZone: TimeZone,
    /** Packs are examples of company policy; the flag keeps anyone from shipping one as advice. */
    notLegalAdvice: z.literal(true),
    disclaimer: Labels,
    /** How to treat an order whose channel was not recorded; null: rules naming a channel skip it. */
    unknownChannel: OrderChannel.nullable().default(null),
    sources: z.array(PolicySource).min(1).max(50),
    rules: z.array(PolicyRule).min(1).max(200),
  })
  .strict();

export const PolicyPack = PackShape.superRefine((pack, ctx) => {
  for (const problem of packProblems(pack)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});
export type PolicyPack = z.output<typeof PolicyPack>;
export type PolicyPackInput = z.input<typeof PolicyPack>;

interface Problem {
  message: string;
  path: (string | number)[];
}

/** Cross-references a schema cannot see field by field. */
function packProblems(pack: z.output<typeof PackShape>): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  const note = (id: string, at: (string | number)[]) => {
    if (ids.has(id)) problems.push({ message: `rule id "${id}" is used twice`, path: at });
    ids.set(id, 1);
  };
  pack.rules.forEach((rule, i) => {
    note(rule.id, ['rules', i, 'id']);
    if (rule.kind === 'window') rule.beyond.forEach((e, j) => note(e.id, ['rules', i, 'beyond', j, 'id']));
  });

  const sourceIds = new Set<string>();
  pack.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) problems.push({ message: `source id "${s.id}" is used twice`, path: ['sources', i, 'id'] });
    sourceIds.add(s.id);
  });

  const windows = new Map(pack.rules.filter((r) => r.kind === 'window').map((r) => [r.id, r]));
  pack.rules.forEach((rule, i) => {
    rule.sources.forEach((s, j) => {
      if (!sourceIds.has(s)) problems.push({ message: `unknown source "${s}"`, path: ['rules', i, 'sources', j] });
    });
    if (rule.kind === 'window') {
      if (rule.basis === 'law' && rule.sources.length === 0) {
        problems.push({ message: 'a statutory window cites its source', path: ['rules', i, 'sources'] });
      }
      rule.replaces.forEach((id, j) => {
        const target = windows.get(id);
        if (!target || id === rule.id) problems.push({ message: `"${id}" is not another window`, path: ['rules', i, 'replaces', j] });
        else if (target.basis === 'law') problems.push({ message: `"${id}" is a statutory right and cannot be replaced`, path: ['rules', i, 'replaces', j] });
      });
    }
    if (rule.kind === 'notice' && rule.ifRule && !ids.has(rule.ifRule)) {
      problems.push({ message: `unknown rule "${rule.ifRule}"`, path: ['rules', i, 'ifRule'] });
    }
  });

  for (const kind of ['approval-limit', 'fallback'] as const) {
    const count = pack.rules.filter((r) => r.kind === kind).length;
    if (count !== 1) problems.push({ message: `a pack has exactly one ${kind} rule (found ${count})`, path: ['rules'] });
  }
  return problems;
}

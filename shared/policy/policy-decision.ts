import { z } from 'zod';

/**
 * The evaluator's answer. It will travel in the escalation packet and on the call record, so it
 * has a schema like anything else that crosses a boundary.
 */

export const PolicyParam = z.union([z.string().max(400), z.number(), z.array(z.string().max(64)).max(10)]);

/**
 * Something to say, as a message key and its raw params (ISO dates, amounts in minor units, codes),
 * with the rule it comes from. `messages.ts` holds the words; the UI formats the params.
 */
export const PolicyMessage = z.object({
  key: z.string().min(1).max(100),
  ruleId: z.string().min(1).max(64),
  params: z.record(z.string(), PolicyParam).default({}),
});
export type PolicyMessage = z.output<typeof PolicyMessage>;

export const PolicyFee = z.object({
  ruleId: z.string().min(1).max(64),
  percent: z.number(),
  amountMinor: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type PolicyFee = z.output<typeof PolicyFee>;

const common = {
  packId: z.string().min(1).max(64),
  packVersion: z.number().int().min(1),
  /** Every rule that decided, the window first; the UI shows their labels. */
  decidedBy: z.array(z.string().min(1).max(64)).min(1).max(20),
  /** What the agent can tell the customer, in order. */
  reasons: z.array(PolicyMessage).max(20),
  /** What the agent must do or keep in mind (give a protocol number, check for a defect). */
  notices: z.array(PolicyMessage).max(10),
  fees: z.array(PolicyFee).max(10),
};

export const PolicyDecision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('eligible'), ...common }),
  z.object({ outcome: z.literal('not-eligible'), ...common }),
  z.object({ outcome: z.literal('needs-approval'), level: z.enum(['manager', 'director']), ...common }),
]);
export type PolicyDecision = z.output<typeof PolicyDecision>;
export type PolicyOutcome = PolicyDecision['outcome'];

import type { RequestCaseKind } from '../../../../shared/contract/cases';
import type { RequestPolicyDecision, RequestReason } from '../../../../shared/domain/interaction';
import type { Order, OrderItem } from '../../../../shared/domain/order';
import { evaluatePolicy, REQUEST_KIND_OF_INTERACTION, type ItemCondition, type PolicyDecision, type PolicyPack, type ProofKind } from '../../../../shared/policy';

/** What the agent has told the request form so far: the facts the policy decides on. */
export interface RequestFacts {
  kind: RequestCaseKind;
  reason: RequestReason | '';
  condition: ItemCondition;
  proof: readonly ProofKind[];
  /** A refund's amount, when the agent typed a valid one. */
  amountMinor: number | null;
}

/**
 * The policy's answer for this item and what the agent chose, or null while there is nothing to
 * decide (no pack, no reason yet) or the facts do not make a question (the evaluator refused it).
 */
export function decideRequest(
  pack: PolicyPack | null,
  customer: { tags: readonly string[] },
  order: Order,
  item: OrderItem,
  facts: RequestFacts,
  today: Date,
): PolicyDecision | null {
  if (!pack || facts.reason === '') return null;
  try {
    return evaluatePolicy(pack, {
      customer: { tags: [...customer.tags] },
      order: { placedAt: order.placedAt, deliveredAt: order.deliveredAt ?? null, channel: order.channel ?? null, currency: order.currency },
      item: { sku: item.sku, category: item.category ?? null, quantity: item.quantity, unitPriceMinor: Math.max(0, item.unitPriceMinor) },
      request: {
        kind: REQUEST_KIND_OF_INTERACTION[facts.kind],
        reason: facts.reason,
        amountMinor: facts.kind === 'refund_request' ? facts.amountMinor : null,
        proof: [...facts.proof],
        itemCondition: facts.condition,
      },
      today: today.toISOString(),
    });
  } catch (cause) {
    // A malformed question (an odd row from an old import) must not break the form the agent is in.
    console.warn('policy question refused', cause);
    return null;
  }
}

/** The part of the decision kept on the saved request. */
export function keptDecision(decision: PolicyDecision): RequestPolicyDecision {
  return {
    outcome: decision.outcome,
    ...(decision.outcome === 'needs-approval' ? { level: decision.level } : {}),
    ruleIds: decision.decidedBy,
  };
}

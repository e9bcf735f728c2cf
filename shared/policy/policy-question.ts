import { z } from 'zod';
import { Instant } from '../domain/row-version';
import { ItemCondition, OrderChannel, PolicyRequestKind, PolicyRequestReason, ProofKind } from './policy-pack';

/**
 * What the evaluator is asked. Each part accepts the domain's own rows (extra fields are ignored),
 * so the request form passes the customer, order and item it already holds, plus the few facts
 * the shared schemas do not carry yet (delivery date, channel, category, final sale).
 */

export const PolicyCustomer = z.object({ tags: z.array(z.string().trim().toLowerCase()).max(30).default([]) });

export const PolicyOrder = z.object({
  placedAt: Instant,
  /** The server's `orders.delivered_at`; null while the parcel is on its way or when unknown. */
  deliveredAt: Instant.nullable().default(null),
  /** Not on the domain Order yet; null lets the pack's `unknownChannel` decide. */
  channel: OrderChannel.nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const PolicyItem = z.object({
  sku: z.string().trim().min(1).max(64),
  /** The product category (`mobile`, `appliances` …), as the server's `order_items.category`. */
  category: z.string().trim().min(1).max(64).nullable().default(null),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceMinor: z.number().int().min(0).max(1e13),
  /** Sold as final sale / clearance. */
  finalSale: z.boolean().default(false),
});

export const PolicyRequest = z.object({
  kind: PolicyRequestKind,
  reason: PolicyRequestReason,
  /** How many of the item; absent: all of them. */
  quantity: z.number().int().min(1).max(100_000).optional(),
  /** The amount asked back, when it is not the item's price times the quantity (a partial refund). */
  amountMinor: z.number().int().min(0).max(1e13).nullable().default(null),
  /** What the customer has shown or can send. */
  proof: z.array(ProofKind).max(3).default([]),
  itemCondition: ItemCondition,
});

/** Today as a calendar date in the pack's zone, or as an instant (converted in the pack's zone). */
export const PolicyToday = z.union([z.iso.date(), Instant]);

export const PolicyQuestion = z
  .object({
    customer: PolicyCustomer,
    order: PolicyOrder,
    item: PolicyItem,
    request: PolicyRequest,
    today: PolicyToday,
  })
  .refine((q) => (q.request.quantity ?? 1) <= q.item.quantity, {
    message: 'more items than the order line holds',
    path: ['request', 'quantity'],
  });
export type PolicyQuestion = z.output<typeof PolicyQuestion>;
export type PolicyQuestionInput = z.input<typeof PolicyQuestion>;

/** The domain's request interactions, by the evaluator's request kind. */
export const REQUEST_KIND_OF_INTERACTION = {
  return_request: 'return',
  refund_request: 'refund',
  exchange_request: 'exchange',
} as const satisfies Record<string, PolicyRequestKind>;

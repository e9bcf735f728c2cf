import { z } from 'zod';
import { EntityId, Instant, RowVersion, Tombstone } from './row-version';

/** Orders the customer placed, so the agent can talk about the parcel the caller is asking about. */

export const OrderStatus = z.enum([
  'pending',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'returned',
  'refunded',
  'exchanged',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Money in minor units (centavos) so sums never drift; the currency says which. */
const MinorUnits = z.number().int().min(-1e13).max(1e13);

export const OrderItem = z.object({
  sku: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceMinor: MinorUnits,
  /** The product category (`mobile`, `appliances` …): some policies exclude it or give it its own window. Absent: unknown. */
  category: z.string().trim().min(1).max(64).nullable().optional(),
});
export type OrderItem = z.output<typeof OrderItem>;

/** Where the order was placed: Brazil's 7-day withdrawal applies only to purchases made away from the store. */
export const OrderChannel = z.enum(['online', 'phone', 'store']);
export type OrderChannel = z.infer<typeof OrderChannel>;

export const Order = z.object({
  id: EntityId,
  customerId: EntityId,
  /** The number printed on the receipt, which the customer reads out: `SO-2024-001234`. */
  number: z.string().trim().min(1).max(64),
  status: OrderStatus,
  placedAt: Instant,
  /** When the parcel reached the customer; null while on its way, absent from rows written before it was kept. */
  deliveredAt: Instant.nullable().optional(),
  /** Where it was placed; absent from rows written before it was kept (the server counts those as online). */
  channel: OrderChannel.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
  totalMinor: MinorUnits,
  items: z.array(OrderItem).max(500).default([]),
  version: RowVersion,
  deleted: z.literal(false).default(false),
});
export type Order = z.output<typeof Order>;
export type OrderInput = z.input<typeof Order>;

export const OrderRow = z.union([Tombstone, Order]);
export type OrderRow = z.output<typeof OrderRow>;

import type { CustomerInput } from '../../shared/domain/customer';
import type { InteractionInput } from '../../shared/domain/interaction';
import type { OrderInput } from '../../shared/domain/order';
import type { SyncRowInput } from '../../shared/domain/sync-row';
import { demoHistory } from './history';
import { demoIdentity } from './identity';
import type { DemoCountry } from './places';
import { e164Of, type DemoPhone } from './phones';
import { Prng } from './prng';
import { DAY_MS, instant, Timeline, type Draft, type InteractionDraft, type OrderDraft } from './timeline';

/**
 * Demo customers from a seed: customer `index` of seed `seed` is always the same person with the
 * same history, whatever else is generated. Large sets stream in batches; nothing holds a
 * million customers at once.
 */

export const DEFAULT_DEMO_SEED = 'kalma-demo';
/** The day the demo history runs up to. Fixed by default so the same seed gives the same bytes. */
export const DEFAULT_AS_OF = '2025-06-30T00:00:00.000Z';

export interface DemoOptions {
  seed?: string;
  /** History runs up to this instant; callbacks after it are still scheduled. */
  asOf?: string | Date;
}

export type CustomerDraft = Draft<CustomerInput>;

export interface DemoCustomer {
  index: number;
  country: DemoCountry;
  /** The customer's numbers as a caller ID carries them (same order as `customer.phones`). */
  dialable: DemoPhone[];
  customer: CustomerDraft;
  orders: OrderDraft[];
  interactions: InteractionDraft[];
}

const SPEND_FOR_VIP = { PH: 60_000_00, BR: 6_000_00, US: 1_200_00 } as const;
const SIX_YEARS_MS = 6 * 365 * DAY_MS;

function asOfMs(asOf: DemoOptions['asOf']): number {
  const ms = asOf instanceof Date ? asOf.getTime() : Date.parse(asOf ?? DEFAULT_AS_OF);
  if (!Number.isFinite(ms)) throw new Error(`asOf is not a date: ${String(asOf)}`);
  return ms;
}

export function demoCustomer(index: number, options: DemoOptions = {}): DemoCustomer {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`customer index must be a non-negative integer, got ${index}`);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const until = asOfMs(options.asOf);
  const rng = Prng.forItem(seed, 'customer', index);
  const id = rng.uuid();
  const who = demoIdentity(rng, index);
  // Most customers have been around for years; some signed up last month.
  const sinceMs = until - (rng.chance(0.05) ? rng.int(1, 59) * DAY_MS : rng.int(60 * DAY_MS, SIX_YEARS_MS));
  const t = new Timeline(rng, who, until);
  const history = demoHistory(t, index, sinceMs);

  const tags: string[] = [];
  const vip = history.spendMinor >= SPEND_FOR_VIP[who.country] || rng.chance(0.02);
  if (vip) tags.push('vip');
  if (history.escalations > 0 || history.complaints >= 2 || history.lastMood === 'bad') tags.push('at-risk');
  if (history.orders.length >= 3) tags.push('repeat');
  if (until - sinceMs < 60 * DAY_MS) tags.push('new');
  if (rng.chance(0.01)) tags.push('do-not-call');
  if (vip && rng.chance(0.6)) t.note(t.businessTime(sinceMs + rng.float() * (until - sinceMs)), 'vipNote', { year: new Date(sinceMs).getUTCFullYear() });

  // The drafts are this call's own objects: stamping the customer id in place saves a copy of each.
  for (const o of history.orders) o.customerId = id;
  const interactions = t.finish();
  for (const i of interactions) i.customerId = id;
  return {
    index,
    country: who.country,
    dialable: who.dialable,
    customer: {
      id,
      name: who.name.full,
      emails: who.emails,
      accountNumbers: who.accountNumbers,
      language: who.language,
      tags,
      phones: who.phones,
      addresses: who.addresses,
      // Not in the shared schema yet: when the customer first bought (for "customer since").
      ...{ createdAt: instant(sinceMs) },
    },
    orders: history.orders,
    interactions,
  };
}

export interface DemoBatch {
  /** Index of the batch's first customer. */
  firstIndex: number;
  customers: CustomerInput[];
  orders: OrderInput[];
  interactions: InteractionInput[];
  /** Everything, in the order versions were given: each customer, its orders, its history. */
  rowCount: number;
  /** E.164 of each customer's phones (same order), known from generation: no parse needed. */
  phoneE164: string[][];
}

export interface DemoStreamOptions extends DemoOptions {
  customers: number;
  /** Customers per batch (default 1,000). */
  batchSize?: number;
  /** First customer index (default 0): a later run can append to an earlier one. */
  startIndex?: number;
  /** Version of the first row (default 1); each row gets the next one. */
  firstVersion?: number;
}

/** Batches of demo customers with their orders and history, versions in stream order. */
export function* demoBatches(options: DemoStreamOptions): Generator<DemoBatch> {
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 1_000));
  const start = options.startIndex ?? 0;
  const end = start + Math.max(0, Math.trunc(options.customers));
  let version = options.firstVersion ?? 1;
  for (let first = start; first < end; first += batchSize) {
    const batch: DemoBatch = { firstIndex: first, customers: [], orders: [], interactions: [], rowCount: 0, phoneE164: [] };
    for (let index = first; index < Math.min(end, first + batchSize); index++) {
      const demo = demoCustomer(index, options);
      // Fresh objects from demoCustomer: versions are stamped in place rather than copied in.
      const customer = demo.customer as CustomerInput;
      customer.version = version++;
      batch.customers.push(customer);
      batch.phoneE164.push(demo.dialable.map(e164Of));
      for (const o of demo.orders) {
        (o as OrderInput).version = version++;
        batch.orders.push(o as OrderInput);
      }
      for (const i of demo.interactions) {
        (i as InteractionInput).version = version++;
        batch.interactions.push(i as InteractionInput);
      }
    }
    batch.rowCount = batch.customers.length + batch.orders.length + batch.interactions.length;
    yield batch;
  }
}

/** A batch as pull rows (customers, then orders, then history), the shape the cache applies. */
export function syncRowsOf(batch: DemoBatch): SyncRowInput[] {
  return [
    ...batch.customers.map((data): SyncRowInput => ({ entity: 'customer', data })),
    ...batch.orders.map((data): SyncRowInput => ({ entity: 'order', data })),
    ...batch.interactions.map((data): SyncRowInput => ({ entity: 'interaction', data })),
  ];
}

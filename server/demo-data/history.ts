import { CURRENCY, pickProduct, priceMinor, productName } from './catalog';
import type { Mood } from './phrasebook';
import { DAY_MS, instant, money, type OrderDraft, type Slots, type Timeline } from './timeline';

/**
 * A customer's orders and what happened around them. Most orders arrive and nobody calls; some
 * arrive late, broken or not at all, and those turn into calls, complaints, returns, refunds,
 * exchanges, escalations, callbacks and surveys, in the order they would really happen.
 */

type Story = 'smooth' | 'late' | 'damaged' | 'defective' | 'change_mind' | 'cancel' | 'billing';

const STORY_MIX: readonly (readonly [Story, number])[] = [
  ['smooth', 60],
  ['late', 12],
  ['damaged', 6],
  ['defective', 7],
  ['change_mind', 4],
  ['cancel', 6],
  ['billing', 5],
];
const ORDER_COUNT_MIX = [[0, 15], [1, 35], [2, 25], [3, 12], [4, 7], [5, 4], [6, 2]] as const;

export interface History {
  orders: OrderDraft[];
  spendMinor: number;
  complaints: number;
  escalations: number;
  lastMood: Mood | null;
}

export function demoHistory(t: Timeline, index: number, sinceMs: number): History {
  const { rng, who } = t;
  const orderCount = Math.min(rng.weighted(ORDER_COUNT_MIX), Math.ceil((t.asOfMs - sinceMs) / (30 * DAY_MS)));
  const placed = Array.from({ length: orderCount }, () => sinceMs + rng.float() * (t.asOfMs - sinceMs)).sort((a, b) => a - b);
  const stats = { complaints: 0, escalations: 0, lastMood: null as Mood | null };
  const orders = placed.map((at, k) => demoOrder(t, index, k, t.businessTime(at), stats));

  // Calls that are about the account rather than a parcel.
  const general = rng.weighted([[0, 55], [1, 33], [2, 12]] as const);
  for (let i = 0; i < general; i++) {
    const at = t.businessTime(sinceMs + rng.float() * (t.asOfMs - sinceMs));
    const product = pickProduct(rng);
    const topic = rng.weighted([['warranty', 35], ['promo', 30], ['address', 35]] as const);
    t.call(at, topic, null, { product: productName(product, who.country), amount: money(priceMinor(product, who.country) * 2, CURRENCY[who.country]) });
    if (rng.chance(0.15)) {
      stats.lastMood = rng.weighted([['good', 75], ['mixed', 20], ['bad', 5]] as const);
      t.survey(at + DAY_MS, stats.lastMood, null);
    }
  }
  if (rng.chance(0.12)) t.note(t.businessTime(sinceMs + rng.float() * (t.asOfMs - sinceMs)), 'note', { year: new Date(sinceMs).getUTCFullYear() });

  const spendMinor = orders.filter((o) => o.status !== 'cancelled' && o.status !== 'refunded').reduce((sum, o) => sum + o.totalMinor, 0);
  return { orders, spendMinor, ...stats };
}

type Moods = readonly (readonly [Mood, number])[];
const SMOOTH_MOODS: Moods = [['good', 85], ['mixed', 15]];
const LATE_MOODS: Moods = [['bad', 50], ['mixed', 30], ['good', 20]];
const CASE_MOODS: Moods = [['good', 50], ['mixed', 30], ['bad', 20]];
const BILLING_MOODS: Moods = [['mixed', 50], ['good', 30], ['bad', 20]];

/** How the customer felt, remembered: a bad last survey makes them at-risk. */
function mood(t: Timeline, stats: Stats, weights: Moods): Mood {
  stats.lastMood = t.rng.weighted(weights);
  return stats.lastMood;
}

interface Stats {
  complaints: number;
  escalations: number;
  lastMood: Mood | null;
}

/**
 * Mostly online, one in ten by phone, one in ten in a store. Taken from the order's place rather
 * than the random stream, so the rest of the generated data stays what it was before channels.
 */
function demoChannel(index: number, k: number): 'online' | 'phone' | 'store' {
  const slot = (index * 7 + k * 3) % 10;
  return slot === 0 ? 'store' : slot === 1 ? 'phone' : 'online';
}

function demoOrder(t: Timeline, index: number, k: number, placedAt: number, stats: Stats): OrderDraft {
  const { rng, who } = t;
  const currency = CURRENCY[who.country];
  const items = Array.from({ length: rng.weighted([[1, 60], [2, 25], [3, 10], [4, 5]] as const) }, () => {
    const product = pickProduct(rng);
    return {
      sku: product.sku,
      name: productName(product, who.country),
      quantity: rng.weighted([[1, 80], [2, 15], [3, 5]] as const),
      unitPriceMinor: priceMinor(product, who.country),
      category: product.category,
    };
  });
  const order: OrderDraft = {
    id: rng.uuid(),
    customerId: '',
    number: `SO-${new Date(placedAt).getUTCFullYear()}-${String(index).padStart(7, '0')}${k}`,
    status: 'pending',
    placedAt: instant(placedAt),
    channel: demoChannel(index, k),
    currency,
    totalMinor: items.reduce((sum, i) => sum + i.quantity * i.unitPriceMinor, 0),
    items,
  };

  // Manila and São Paulo deliveries take longer than the US's.
  const shippingDays = who.country === 'US' ? rng.int(2, 5) : rng.int(3, 9);
  const story = rng.weighted(STORY_MIX);
  const lateDays = story === 'late' ? rng.int(3, 20) : 0;
  const deliveredAt = t.businessTime(placedAt + (shippingDays + lateDays) * DAY_MS);
  const slots: Slots = { order: order.number, product: items[0]!.name, amount: money(order.totalMinor, currency), days: lateDays };

  let final: OrderDraft['status'] = 'delivered';
  switch (story) {
    case 'smooth':
      if (rng.chance(0.25)) t.call(t.businessTime(placedAt + rng.int(1, shippingDays) * DAY_MS), 'order_status', order, slots);
      if (rng.chance(0.12)) t.survey(deliveredAt + DAY_MS, mood(t, stats, SMOOTH_MOODS), order);
      break;
    case 'late': {
      const expected = placedAt + shippingDays * DAY_MS;
      t.call(t.businessTime(expected + DAY_MS), 'order_status', order, slots);
      const complainedAt = t.businessTime(expected + Math.ceil(lateDays / 2) * DAY_MS);
      t.call(complainedAt, 'late', order, slots, rng.chance(0.5) ? { disposition: 'callback_scheduled' } : {});
      t.complaint(complainedAt, 'delivery', order, slots, deliveredAt);
      stats.complaints += 1;
      if (rng.chance(0.5)) t.callback(complainedAt, order, slots);
      if (lateDays > 10 || rng.chance(0.2)) {
        const at = t.businessTime(complainedAt + 2 * DAY_MS);
        t.escalation(at, 'manager', order, slots, deliveredAt);
        stats.escalations += 1;
        if (rng.chance(0.12)) t.escalation(at + DAY_MS, 'director', order, slots, deliveredAt + DAY_MS);
      }
      if (rng.chance(0.4)) t.survey(deliveredAt + DAY_MS, mood(t, stats, LATE_MOODS), order);
      break;
    }
    case 'damaged':
    case 'defective':
    case 'change_mind': {
      const reportedAt = t.businessTime(deliveredAt + (story === 'defective' ? rng.int(2, 30) : rng.int(0, 5)) * DAY_MS);
      t.call(reportedAt, story, order, slots);
      if (story !== 'change_mind') {
        t.complaint(reportedAt, 'product_quality', order, slots, reportedAt + 10 * DAY_MS);
        stats.complaints += 1;
      }
      const resolvedAt = reportedAt + rng.int(5, 14) * DAY_MS;
      const exchange = story === 'defective' ? rng.chance(0.7) : story === 'damaged' && rng.chance(0.4);
      if (exchange) {
        if (t.request('exchange', reportedAt, order, slots, resolvedAt, 'completed')) final = 'exchanged';
      } else {
        const denied = story === 'change_mind' && rng.chance(0.2);
        const returned = t.request('return', reportedAt, order, slots, resolvedAt, denied ? 'denied' : 'completed');
        if (returned) final = 'returned';
        if (!denied && t.request('refund', resolvedAt - DAY_MS, order, slots, resolvedAt + 3 * DAY_MS, 'completed')) final = 'refunded';
      }
      if (story === 'defective' && rng.chance(0.2)) {
        t.escalation(reportedAt + 3 * DAY_MS, 'manager', order, slots, resolvedAt);
        stats.escalations += 1;
      }
      if (rng.chance(0.35)) t.survey(resolvedAt + DAY_MS, mood(t, stats, CASE_MOODS), order);
      if (rng.chance(0.3)) t.callback(reportedAt, order, slots, exchange ? 'exchange' : 'refund');
      break;
    }
    case 'cancel': {
      const at = t.businessTime(placedAt + rng.int(0, 2) * DAY_MS);
      t.call(at, 'cancel', order, slots);
      if (at <= t.asOfMs) final = 'cancelled';
      if (rng.chance(0.7)) t.request('refund', at, order, slots, at + rng.int(5, 10) * DAY_MS, 'completed');
      return settle(order, t, placedAt, at, final);
    }
    case 'billing': {
      const at = t.businessTime(placedAt + rng.int(2, 10) * DAY_MS);
      t.call(at, 'billing', order, slots);
      t.complaint(at, 'billing', order, slots, at + 7 * DAY_MS);
      stats.complaints += 1;
      t.request('refund', at, order, slots, at + rng.int(5, 10) * DAY_MS, 'completed');
      if (rng.chance(0.3)) t.survey(at + 8 * DAY_MS, mood(t, stats, BILLING_MOODS), order);
      break;
    }
  }
  return settle(order, t, placedAt, deliveredAt, final, { deliveredAt });
}

/** The order's status as of `asOf`: still pending, paid or on its way if its story is not over. */
function settle(order: OrderDraft, t: Timeline, placedAt: number, settledAt: number, final: OrderDraft['status'], extra?: { deliveredAt: number }): OrderDraft {
  let status = final;
  if (settledAt > t.asOfMs) status = t.asOfMs < placedAt + DAY_MS ? (t.rng.chance(0.4) ? 'pending' : 'paid') : final === 'cancelled' ? 'paid' : 'shipped';
  const deliveredAt = extra && extra.deliveredAt <= t.asOfMs && status !== 'cancelled' ? instant(extra.deliveredAt) : null;
  return { ...order, status, deliveredAt } as OrderDraft;
}

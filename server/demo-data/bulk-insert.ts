import { INTERACTION_ENVELOPE_KEYS, type InteractionInput } from '../../shared/domain/interaction';
import type { Queryable } from '../db/db';
import type { DemoBatch } from './generator';

/**
 * The fast way in for demo data: one multi-row INSERT … SELECT FROM unnest(…) per table and batch,
 * columns passed as arrays. Versions come from the feed's sequence and txids from the column
 * default (server/db/migrations/004_customer_data.sql), so the pull feed serves these rows like
 * any others. Rows are not validated again: the generator's output is checked by its tests.
 * An id that exists is left alone, so a seed that was interrupted can simply be run again.
 */

const ENVELOPE = new Set<string>(INTERACTION_ENVELOPE_KEYS);

/** A PostgreSQL array literal of text (`{"vip","at-risk"}`), for columns of type text[]. */
export function textArrayLiteral(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += `"${values[i]!.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

// Versions: reserved from the feed's own sequence, then given customer by customer (the customer,
// its orders, its history), so a pull batch carries whole customers and a console indexes each
// once. txid comes from the column default, as for every insert.
const RESERVE_VERSIONS_SQL = `SELECT v::text AS v FROM (SELECT nextval('sync_version') AS v FROM generate_series(1, $1::int)) r ORDER BY r.v`;

const CUSTOMERS_SQL = `
INSERT INTO customers (id, name, language, tags, emails, account_numbers, addresses, created_at, version)
SELECT id, name, language, tags::text[], emails::text[], accounts::text[], addresses::jsonb, created_at, version
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::bigint[])
       AS x(id, name, language, tags, emails, accounts, addresses, created_at, version)
ON CONFLICT (id) DO NOTHING`;

const PHONES_SQL = `
INSERT INTO customer_phones (customer_id, position, raw, e164, label)
SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])
ON CONFLICT DO NOTHING`;

const ORDERS_SQL = `
INSERT INTO orders (id, customer_id, number, status, placed_at, delivered_at, currency, total_minor, channel, version)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::bigint[], $9::text[], $10::bigint[])
ON CONFLICT (id) DO NOTHING`;

const ITEMS_SQL = `
INSERT INTO order_items (order_id, line, sku, name, category, quantity, unit_price_minor)
SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[])
ON CONFLICT DO NOTHING`;

const INTERACTIONS_SQL = `
INSERT INTO interactions (id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details, version)
SELECT id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details::jsonb, version
  FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[])
       AS x(id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details, version)
ON CONFLICT (id) DO NOTHING`;

/** Columns of one table as arrays, one array per column. */
const columns = (count: number): unknown[][] => Array.from({ length: count }, () => []);

/**
 * Rows of several generated batches as column arrays, ready to be written by `write`. Small
 * generated batches folded into one write keep the object graphs short-lived (cheap for the
 * garbage collector) while the database still gets few, large statements.
 */
export class BulkColumns {
  // The last column of customers, orders and interactions holds each row's place in the stream
  // (its generated version); writeColumns turns it into a reserved server version.
  private c = columns(9);
  private p = columns(5);
  private o = columns(10);
  private it = columns(7);
  private h = columns(10);
  customers = 0;
  rows = 0;

  add(batch: DemoBatch): void {
    const { c, p, o, it, h } = this;
    batch.customers.forEach((customer, n) => {
      c[0]!.push(customer.id);
      c[1]!.push(customer.name);
      c[2]!.push(customer.language ?? null);
      c[3]!.push(textArrayLiteral(customer.tags ?? []));
      c[4]!.push(textArrayLiteral(customer.emails ?? []));
      c[5]!.push(textArrayLiteral(customer.accountNumbers ?? []));
      c[6]!.push(JSON.stringify(customer.addresses ?? []));
      c[7]!.push((customer as { createdAt?: string }).createdAt ?? null);
      c[8]!.push(Number(customer.version));
      const e164s = batch.phoneE164[n] ?? [];
      (customer.phones ?? []).forEach((phone, position) => {
        p[0]!.push(customer.id);
        p[1]!.push(position);
        p[2]!.push(phone.number);
        p[3]!.push(e164s[position] ?? null);
        p[4]!.push(phone.label ?? 'mobile');
      });
    });
    for (const order of batch.orders) {
      o[0]!.push(order.id);
      o[1]!.push(order.customerId);
      o[2]!.push(order.number);
      o[3]!.push(order.status);
      o[4]!.push(order.placedAt);
      o[5]!.push(order.deliveredAt ?? null);
      o[6]!.push(order.currency);
      o[7]!.push(order.totalMinor);
      o[8]!.push(order.channel ?? 'online');
      o[9]!.push(Number(order.version));
      (order.items ?? []).forEach((item, line) => {
        it[0]!.push(order.id);
        it[1]!.push(line);
        it[2]!.push(item.sku);
        it[3]!.push(item.name);
        it[4]!.push(item.category ?? null);
        it[5]!.push(item.quantity);
        it[6]!.push(item.unitPriceMinor);
      });
    }
    for (const i of batch.interactions) {
      h[0]!.push(i.id);
      h[1]!.push(i.customerId);
      h[2]!.push(i.kind);
      h[3]!.push(i.occurredAt);
      h[4]!.push(i.author?.id ?? null);
      h[5]!.push(i.author?.name ?? null);
      h[6]!.push(i.orderId ?? null);
      h[7]!.push(i.text ?? '');
      h[8]!.push(JSON.stringify(detailsOf(i)));
      h[9]!.push(Number(i.version));
    }
    this.customers += batch.customers.length;
    this.rows += batch.rowCount;
  }

  /** What was added, as plain arrays (they cross to another thread as they are), and empties. */
  take(): ColumnSet {
    const set: ColumnSet = { customers: this.c, phones: this.p, orders: this.o, items: this.it, interactions: this.h, customerCount: this.customers, rowCount: this.rows };
    this.c = columns(9);
    this.p = columns(5);
    this.o = columns(10);
    this.it = columns(7);
    this.h = columns(10);
    this.customers = 0;
    this.rows = 0;
    return set;
  }

  async write(q: Queryable): Promise<void> {
    await writeColumns(q, this.take());
  }
}

export interface ColumnSet {
  customers: unknown[][];
  phones: unknown[][];
  orders: unknown[][];
  items: unknown[][];
  interactions: unknown[][];
  customerCount: number;
  rowCount: number;
}

/** Writes a set: customers and phones, orders and items, then history, versioned customer by customer. */
export async function writeColumns(q: Queryable, set: ColumnSet): Promise<void> {
  const places = [set.customers, set.orders, set.interactions].map((table) => table.at(-1) as number[]);
  const count = places.reduce((n, p) => n + p.length, 0);
  if (count === 0) return;
  let first = Number.POSITIVE_INFINITY;
  for (const p of places) for (const place of p) if (place < first) first = place;
  const reserved = (await q.query<{ v: string }>(RESERVE_VERSIONS_SQL, [count])).rows.map((r) => r.v);
  // Places are consecutive within a set (one run of the stream), so each maps onto the reserved
  // versions by its offset; the reserved ones ascend, so the stream order is kept.
  const versioned = (table: unknown[][]) => [...table.slice(0, -1), (table.at(-1) as number[]).map((place) => reserved[place - first])];
  if (set.customers[0]!.length > 0) await q.query(CUSTOMERS_SQL, versioned(set.customers));
  if (set.phones[0]!.length > 0) await q.query(PHONES_SQL, set.phones);
  if (set.orders[0]!.length > 0) await q.query(ORDERS_SQL, versioned(set.orders));
  if (set.items[0]!.length > 0) await q.query(ITEMS_SQL, set.items);
  if (set.interactions[0]!.length > 0) await q.query(INTERACTIONS_SQL, versioned(set.interactions));
}

/** The kind's own fields, stored as `details` (what server/customers/import.ts stores too). */
function detailsOf(i: InteractionInput): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(i)) if (!ENVELOPE.has(key)) details[key] = value;
  return details;
}

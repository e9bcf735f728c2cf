import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { Customer, type CustomerInput } from '../../shared/domain/customer';
import { Interaction, INTERACTION_ENVELOPE_KEYS, type InteractionInput } from '../../shared/domain/interaction';
import { Order, type OrderItem, type OrderInput } from '../../shared/domain/order';
import { toE164, type PhoneRegion } from '../../shared/domain/phone';
import type { Db, Queryable } from '../db/db';

/**
 * Bulk writes of customers, orders and history (demo data, CRM imports). Rows go through the same
 * tables, column defaults and triggers as every other write, so they get versions and txids the
 * ordinary way and reach every console through the pull feed. An id that exists is updated
 * (its version moves on), so importing the same data twice leaves one copy of each row.
 */

/** A phone as imported: `e164` may be given when the caller already knows it (saves the parse). */
export type ImportPhone = { number: string; label?: 'mobile' | 'home' | 'work' | 'other'; e164?: string | null };

export type ImportCustomer = Omit<CustomerInput, 'version' | 'deleted' | 'phones'> & { phones?: ImportPhone[]; deleted?: boolean };
export type ImportOrderItem = z.input<typeof OrderItem> & { category?: string | null };
export type ImportOrder = Omit<OrderInput, 'version' | 'deleted' | 'items' | 'totalMinor'> & {
  items?: ImportOrderItem[];
  /** Defaults to the sum of the items. */
  totalMinor?: number;
  deliveredAt?: string | null;
  deleted?: boolean;
};
export type ImportInteraction = DistributiveOmit<InteractionInput, 'version' | 'deleted'> & { deleted?: boolean };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface CustomerImport {
  customers?: readonly ImportCustomer[];
  orders?: readonly ImportOrder[];
  interactions?: readonly ImportInteraction[];
}

export interface ImportOptions {
  /** Region for phone numbers written without country code when the customer has no address country. */
  defaultRegion?: PhoneRegion;
  /** Rows per INSERT statement. */
  chunkSize?: number;
}

export interface ImportCounts {
  customers: number;
  orders: number;
  interactions: number;
}

/** Thrown for a row the shared schemas refuse: it would otherwise break every console's pull. */
export class ImportError extends Error {
  constructor(entity: string, index: number, id: unknown, issues: z.ZodError) {
    const first = issues.issues[0];
    super(`import: ${entity} #${index} (${String(id)}): ${first ? `${first.path.join('.') || 'row'}: ${first.message}` : 'invalid'}`);
    this.name = 'ImportError';
  }
}

const DEFAULT_CHUNK = 2_000;
const CategoryText = z.string().trim().max(100).nullable().default(null);
const ImportedPhoneE164 = z.string().regex(/^\+[1-9]\d{1,14}$/).nullable().optional();

/** Imports in one transaction: all rows or none. */
export async function importCustomers(db: Db, data: CustomerImport, options: ImportOptions = {}): Promise<ImportCounts> {
  return db.transaction((tx) => importCustomersWith(tx, data, options));
}

/** The same, inside a transaction the caller holds (or statement by statement on a Db). */
export async function importCustomersWith(q: Queryable, data: CustomerImport, options: ImportOptions = {}): Promise<ImportCounts> {
  const size = options.chunkSize ?? DEFAULT_CHUNK;
  const customers = lastOfEachId(data.customers ?? []);
  const orders = lastOfEachId(data.orders ?? []);
  const interactions = lastOfEachId(data.interactions ?? []);
  for (let i = 0; i < customers.length; i += size) await writeCustomers(q, customers.slice(i, i + size), i, options);
  for (let i = 0; i < orders.length; i += size) await writeOrders(q, orders.slice(i, i + size), i);
  for (let i = 0; i < interactions.length; i += size) await writeInteractions(q, interactions.slice(i, i + size), i);
  return { customers: customers.length, orders: orders.length, interactions: interactions.length };
}

/** One statement cannot write the same id twice (ON CONFLICT refuses); the last row given wins. */
function lastOfEachId<T extends { id: string }>(rows: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const row of rows) {
    byId.delete(row.id);
    byId.set(row.id, row);
  }
  return byId.size === rows.length ? [...rows] : [...byId.values()];
}

function regionOf(addresses: readonly { country: string }[], fallback: PhoneRegion | undefined): PhoneRegion | undefined {
  const country = addresses.find((a) => isSupportedCountry(a.country))?.country;
  return (country as PhoneRegion | undefined) ?? fallback;
}

/** E.164 of a stored number: with the customer's country for local numbers; null if impossible. */
export function e164Of(number: string, region: PhoneRegion | undefined): string | null {
  // Without a region only a number with its own country code can be read; 'US' is then ignored.
  if (!region) return number.trim().startsWith('+') ? toE164(number, 'US') : null;
  return toE164(number, region);
}

async function writeCustomers(q: Queryable, rows: readonly ImportCustomer[], offset: number, options: ImportOptions): Promise<void> {
  const records: unknown[] = [];
  const phones: unknown[] = [];
  rows.forEach((row, i) => {
    const parsed = Customer.safeParse({ ...row, version: 0, deleted: false });
    if (!parsed.success) throw new ImportError('customer', offset + i, row.id, parsed.error);
    const c = parsed.data;
    records.push({
      id: c.id,
      name: c.name,
      language: c.language,
      tags: c.tags,
      emails: c.emails,
      account_numbers: c.accountNumbers,
      addresses: c.addresses,
      deleted: row.deleted === true,
    });
    const region = regionOf(c.addresses, options.defaultRegion);
    c.phones.forEach((p, position) => {
      const given = ImportedPhoneE164.safeParse(row.phones?.[position]?.e164);
      const e164 = given.success && given.data !== undefined ? given.data : e164Of(p.number, region);
      phones.push({ customer_id: c.id, position, raw: p.number, e164, label: p.label });
    });
  });
  await q.query(
    `INSERT INTO customers (id, name, language, tags, emails, account_numbers, addresses, deleted)
     SELECT id, name, language, tags, emails, account_numbers, addresses, deleted
       FROM json_to_recordset($1::json) AS x(id text, name text, language text, tags text[], emails text[],
                                             account_numbers text[], addresses jsonb, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, language = excluded.language, tags = excluded.tags,
       emails = excluded.emails, account_numbers = excluded.account_numbers, addresses = excluded.addresses,
       deleted = excluded.deleted`,
    [JSON.stringify(records)],
  );
  await q.query('DELETE FROM customer_phones WHERE customer_id = ANY($1::text[])', [rows.map((r) => r.id)]);
  if (phones.length > 0) {
    await q.query(
      `INSERT INTO customer_phones (customer_id, position, raw, e164, label)
       SELECT customer_id, position, raw, e164, label
         FROM json_to_recordset($1::json) AS x(customer_id text, position int, raw text, e164 text, label text)`,
      [JSON.stringify(phones)],
    );
  }
}

async function writeOrders(q: Queryable, rows: readonly ImportOrder[], offset: number): Promise<void> {
  const records: unknown[] = [];
  const items: unknown[] = [];
  rows.forEach((row, i) => {
    const total = row.totalMinor ?? (row.items ?? []).reduce((sum, it) => sum + it.quantity * it.unitPriceMinor, 0);
    const parsed = Order.safeParse({ ...row, totalMinor: total, version: 0, deleted: false });
    const delivered = z.iso.datetime({ offset: true }).nullable().default(null).safeParse(row.deliveredAt ?? null);
    if (!parsed.success) throw new ImportError('order', offset + i, row.id, parsed.error);
    if (!delivered.success) throw new ImportError('order', offset + i, row.id, delivered.error);
    const o = parsed.data;
    records.push({
      id: o.id,
      customer_id: o.customerId,
      number: o.number,
      status: o.status,
      placed_at: o.placedAt,
      delivered_at: delivered.data,
      channel: o.channel ?? 'online',
      currency: o.currency,
      total_minor: o.totalMinor,
      deleted: row.deleted === true,
    });
    o.items.forEach((item, line) => {
      const category = CategoryText.safeParse(row.items?.[line]?.category ?? null);
      if (!category.success) throw new ImportError('order', offset + i, row.id, category.error);
      items.push({ order_id: o.id, line, sku: item.sku, name: item.name, category: category.data, quantity: item.quantity, unit_price_minor: item.unitPriceMinor });
    });
  });
  await q.query(
    `INSERT INTO orders (id, customer_id, number, status, placed_at, delivered_at, channel, currency, total_minor, deleted)
     SELECT id, customer_id, number, status, placed_at, delivered_at, channel, currency, total_minor, deleted
       FROM json_to_recordset($1::json) AS x(id text, customer_id text, number text, status text, placed_at timestamptz,
                                             delivered_at timestamptz, channel text, currency text, total_minor bigint, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, number = excluded.number, status = excluded.status,
       placed_at = excluded.placed_at, delivered_at = excluded.delivered_at, channel = excluded.channel, currency = excluded.currency,
       total_minor = excluded.total_minor, deleted = excluded.deleted`,
    [JSON.stringify(records)],
  );
  await q.query('DELETE FROM order_items WHERE order_id = ANY($1::text[])', [rows.map((r) => r.id)]);
  if (items.length > 0) {
    await q.query(
      `INSERT INTO order_items (order_id, line, sku, name, category, quantity, unit_price_minor)
       SELECT order_id, line, sku, name, category, quantity, unit_price_minor
         FROM json_to_recordset($1::json) AS x(order_id text, line int, sku text, name text, category text, quantity int, unit_price_minor bigint)`,
      [JSON.stringify(items)],
    );
  }
}

const ENVELOPE = new Set<string>([...INTERACTION_ENVELOPE_KEYS]);

/** An interaction's columns: the envelope as columns, the kind's own fields as `details`. */
export function interactionColumns(i: Interaction): Record<string, unknown> {
  const details = Object.fromEntries(Object.entries(i).filter(([key]) => !ENVELOPE.has(key)));
  return {
    id: i.id,
    customer_id: i.customerId,
    kind: i.kind,
    occurred_at: i.occurredAt,
    author_id: i.author?.id ?? null,
    author_name: i.author?.name ?? null,
    order_id: i.orderId,
    text: i.text,
    details,
  };
}

async function writeInteractions(q: Queryable, rows: readonly ImportInteraction[], offset: number): Promise<void> {
  const records = rows.map((row, i) => {
    const parsed = Interaction.safeParse({ ...row, version: 0, deleted: false });
    if (!parsed.success) throw new ImportError('interaction', offset + i, row.id, parsed.error);
    return { ...interactionColumns(parsed.data), deleted: row.deleted === true };
  });
  await q.query(
    `INSERT INTO interactions (id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details, deleted)
     SELECT id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details, deleted
       FROM json_to_recordset($1::json) AS x(id text, customer_id text, kind text, occurred_at timestamptz, author_id text,
                                             author_name text, order_id text, text text, details jsonb, deleted boolean)
     ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, kind = excluded.kind, occurred_at = excluded.occurred_at,
       author_id = excluded.author_id, author_name = excluded.author_name, order_id = excluded.order_id,
       text = excluded.text, details = excluded.details, deleted = excluded.deleted`,
    [JSON.stringify(records)],
  );
}

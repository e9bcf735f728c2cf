import type { Database, Statement } from 'better-sqlite3';
import { isSupportedCountry } from 'libphonenumber-js';
import type { Customer } from '../../../shared/domain/customer';
import { INTERACTION_ENVELOPE_KEYS, type Interaction } from '../../../shared/domain/interaction';
import type { Order } from '../../../shared/domain/order';
import { phoneDigits, phoneSuffix, toE164, type PhoneRegion } from '../../../shared/domain/phone';
import type { Tombstone } from '../../../shared/domain/row-version';
import type { SyncRow } from '../../../shared/domain/sync-row';
import { foldForSearch, identifierKey } from '../../../shared/search/fold';
import type { SearchIndex } from './search-index';

/**
 * Writes parsed pull rows. Every upsert keeps the newer version (a row the cache already holds at
 * a higher version is left alone), deletes only remove what is not newer than the tombstone, and
 * the customers whose search document changed are collected so each is reindexed once per batch.
 * Runs inside the caller's transaction.
 */

const ENVELOPE = new Set<string>(INTERACTION_ENVELOPE_KEYS);

export interface RowOutcome {
  /** The row changed the cache (false: the cache already held a newer version). */
  changed: boolean;
}

// Positional parameters: binding a statement's values from an object costs a property lookup per
// column, a tenth of a first load's insert time (measured with tests/bench/apply-cost.ts).
const CUSTOMER_VALUES = '(id, name, name_folded, emails, account_numbers, language, tags, addresses, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const ORDER_VALUES = '(id, customer_id, number, number_key, status, placed_at, currency, total_minor, version, delivered_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INTERACTION_VALUES =
  '(id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details, version, local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

function prepareStatements(db: Database) {
  const st = (sql: string): Statement => db.prepare(sql);
  return {
    upsertCustomer: st(`
      INSERT INTO customers ${CUSTOMER_VALUES}
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
        emails = excluded.emails, account_numbers = excluded.account_numbers, language = excluded.language,
        tags = excluded.tags, addresses = excluded.addresses, version = excluded.version
      WHERE excluded.version >= customers.version
      RETURNING rid`),
    // A row the cache has never seen (every row of a first load) is inserted by these, and then has
    // no phones, accounts, items or previous owner to clear or look up: a few index seeks a row saved.
    insertNewCustomer: st(`INSERT INTO customers ${CUSTOMER_VALUES} ON CONFLICT (id) DO NOTHING`),
    deleteCustomer: st('DELETE FROM customers WHERE id = ? AND version <= ? RETURNING rid'),
    clearPhones: st('DELETE FROM customer_phones WHERE customer_id = ?'),
    insertPhone: st(
      'INSERT INTO customer_phones (customer_id, position, number, label, e164, suffix) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    clearAccounts: st('DELETE FROM customer_accounts WHERE customer_id = ?'),
    insertAccount: st(
      'INSERT INTO customer_accounts (customer_id, position, account, account_key) VALUES (?, ?, ?, ?)',
    ),
    upsertOrder: st(`
      INSERT INTO orders ${ORDER_VALUES}
      ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, number = excluded.number,
        number_key = excluded.number_key, status = excluded.status, placed_at = excluded.placed_at,
        currency = excluded.currency, total_minor = excluded.total_minor, version = excluded.version,
        delivered_at = excluded.delivered_at, channel = excluded.channel
      WHERE excluded.version >= orders.version
      RETURNING id`),
    insertNewOrder: st(`INSERT INTO orders ${ORDER_VALUES} ON CONFLICT (id) DO NOTHING`),
    deleteOrder: st('DELETE FROM orders WHERE id = ? AND version <= ? RETURNING id'),
    clearItems: st('DELETE FROM order_items WHERE order_id = ?'),
    insertItem: st(
      'INSERT INTO order_items (order_id, line, sku, name, quantity, unit_price_minor, category) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    interactionOwner: st('SELECT customer_id FROM interactions WHERE id = ?').pluck(),
    upsertInteraction: st(`
      INSERT INTO interactions ${INTERACTION_VALUES}
      ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, kind = excluded.kind,
        occurred_at = excluded.occurred_at, author_id = excluded.author_id, author_name = excluded.author_name,
        order_id = excluded.order_id, text = excluded.text, details = excluded.details,
        version = excluded.version, local = excluded.local
      WHERE excluded.version >= interactions.version
      RETURNING id`),
    insertNewInteraction: st(`INSERT INTO interactions ${INTERACTION_VALUES} ON CONFLICT (id) DO NOTHING`),
    deleteInteraction: st('DELETE FROM interactions WHERE id = ? AND version <= ? RETURNING customer_id').pluck(),
  };
}

export class BatchWriter {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database,
    private readonly region: PhoneRegion,
    private readonly index: SearchIndex,
  ) {
    this.s = prepareStatements(db);
  }

  /** Applies one row; adds the customers whose search document must be rewritten to `touched`. */
  apply(row: SyncRow, touched: Set<string>): RowOutcome {
    switch (row.entity) {
      case 'customer':
        return row.data.deleted ? this.deleteCustomer(row.data, touched) : this.upsertCustomer(row.data, touched);
      case 'order':
        return row.data.deleted ? this.deleteOrder(row.data) : this.upsertOrder(row.data);
      case 'interaction':
        return row.data.deleted
          ? this.deleteInteraction(row.data, touched)
          : this.writeInteraction(row.data, false, touched);
    }
  }

  upsertCustomer(c: Customer, touched: Set<string>): RowOutcome {
    const row = [
      c.id,
      c.name,
      foldForSearch(c.name),
      JSON.stringify(c.emails),
      JSON.stringify(c.accountNumbers),
      c.language,
      JSON.stringify(c.tags),
      JSON.stringify(c.addresses),
      BigInt(c.version),
    ];
    const isNew = this.s.insertNewCustomer.run(row).changes === 1;
    if (!isNew) {
      if (!this.s.upsertCustomer.get(row)) return { changed: false };
      this.s.clearPhones.run(c.id);
      this.s.clearAccounts.run(c.id);
    }
    // A number stored without country code is the customer's local number, not the floor's:
    // read it with the customer's country when the record has one.
    const country = c.addresses.find((a) => isSupportedCountry(a.country))?.country as PhoneRegion | undefined;
    c.phones.forEach((p, position) => {
      const e164 = toE164(p.number, country ?? this.region);
      const suffix = phoneSuffix(e164 ? e164.slice(1) : phoneDigits(p.number));
      this.s.insertPhone.run(c.id, position, p.number, p.label, e164, suffix);
    });
    c.accountNumbers.forEach((a, position) => this.s.insertAccount.run(c.id, position, a, identifierKey(a)));
    touched.add(c.id);
    return { changed: true };
  }

  private deleteCustomer(t: Tombstone, touched: Set<string>): RowOutcome {
    // Its orders and history stay: they carry their own tombstones, and a customer restored
    // later (an undone merge) would otherwise come back without them.
    const removed = this.s.deleteCustomer.get(t.id, BigInt(t.version)) as { rid: number } | undefined;
    if (removed) this.index.removeDocument(removed.rid);
    // Reported as touched so an open card learns the customer is gone (reindexing it is a no-op).
    if (removed) touched.add(t.id);
    return { changed: removed !== undefined };
  }

  private upsertOrder(o: Order): RowOutcome {
    const row = [o.id, o.customerId, o.number, identifierKey(o.number), o.status, o.placedAt, o.currency, o.totalMinor, BigInt(o.version), o.deliveredAt ?? null, o.channel ?? 'online'];
    if (this.s.insertNewOrder.run(row).changes === 0) {
      if (!this.s.upsertOrder.get(row)) return { changed: false };
      this.s.clearItems.run(o.id);
    }
    o.items.forEach((item, line) =>
      this.s.insertItem.run(o.id, line, item.sku, item.name, item.quantity, item.unitPriceMinor, item.category ?? null),
    );
    return { changed: true };
  }

  private deleteOrder(t: Tombstone): RowOutcome {
    return { changed: this.s.deleteOrder.get(t.id, BigInt(t.version)) !== undefined };
  }

  /** Also used for notes written on this machine (`local`), which the pull later confirms. */
  writeInteraction(i: Interaction, local: boolean, touched: Set<string>): RowOutcome {
    const details: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(i)) if (!ENVELOPE.has(key)) details[key] = value;
    const row = [
      i.id,
      i.customerId,
      i.kind,
      i.occurredAt,
      i.author?.id ?? null,
      i.author?.name ?? null,
      i.orderId,
      i.text,
      JSON.stringify(details),
      BigInt(i.version),
      local ? 1 : 0,
    ];
    if (this.s.insertNewInteraction.run(row).changes === 0) {
      const previousOwner = this.s.interactionOwner.get(i.id) as string;
      if (!this.s.upsertInteraction.get(row)) return { changed: false };
      // A merge can move history to another customer; both documents change.
      touched.add(previousOwner);
    }
    touched.add(i.customerId);
    return { changed: true };
  }

  private deleteInteraction(t: Tombstone, touched: Set<string>): RowOutcome {
    const owner = this.s.deleteInteraction.get(t.id, BigInt(t.version)) as string | undefined;
    if (owner !== undefined) touched.add(owner);
    return { changed: owner !== undefined };
  }
}

/**
 * The first load's transaction (sync/pull-batch-group.ts): pull batches, already checked, join one
 * open transaction, each written with its cursor, and commit together. No savepoint per batch: a
 * savepoint makes SQLite copy every page a batch touches first (on random UUID keys, about a page
 * per row and index) so it could be rolled back alone — yet a batch is checked whole before any of
 * it is written, so what can still fail is SQLite itself (disk full, I/O), and then the whole group
 * is rolled back, its cursors with it, and pulled again. Search documents are written once per
 * customer at commit, inside the same transaction: the console's search finds every customer
 * committed so far, and a customer whose rows span several batches is indexed once, not per batch.
 */
export class LoadGroup {
  private touched = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly writer: BatchWriter,
    private readonly index: SearchIndex,
    private readonly saveCursor: (cursor: string) => void,
  ) {}

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.touched = new Set();
  }

  /** Rows and their cursor into the open group; a failure rolls the group back and rethrows. */
  write(rows: readonly SyncRow[], cursor: string): { applied: number; customersTouched: string[] } {
    if (!this.db.inTransaction) throw new Error('no load group is open');
    const touched = new Set<string>();
    let applied = 0;
    try {
      for (const row of rows) if (this.writer.apply(row, touched).changed) applied += 1;
      this.saveCursor(cursor);
    } catch (error) {
      this.rollback();
      throw error;
    }
    for (const id of touched) this.touched.add(id);
    return { applied, customersTouched: [...touched] };
  }

  /** Writes the touched customers' search documents and commits; on failure nothing is kept. */
  commit(): void {
    if (!this.db.inTransaction) return;
    try {
      this.index.reindexCustomers(this.touched);
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.touched = new Set();
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.touched = new Set();
  }
}

/**
 * The physical limit the initial sync is measured against: the same rows written straight into a
 * cache file with the identical schema (the cache's own migrations), as fast as SQLite allows —
 * no HTTP, no JSON, no validation; secondary indexes dropped during the load and rebuilt after,
 * journal off, one big transaction per chunk. Derived columns (E.164, suffixes, folded names,
 * identifier keys, search documents) are computed exactly as the cache computes them, because
 * the final file must hold the same data. Generating the rows is not timed.
 *
 * Runs as a child process of run.ts (IPC command `load`).
 */
import Database from 'better-sqlite3';
import { isSupportedCountry } from 'libphonenumber-js';
import { INITIAL_LOAD_CACHE_MIB } from '../../electron/services/cache/customer-cache';
import { migrate } from '../../electron/services/cache/migrate';
import { MIGRATIONS } from '../../electron/services/cache/migrations';
import { Interaction, INTERACTION_ENVELOPE_KEYS, type InteractionInput } from '../../shared/domain/interaction';
import { phoneDigits, phoneSuffix, toE164, type PhoneRegion } from '../../shared/domain/phone';
import { foldForSearch, identifierKey } from '../../shared/search/fold';
import { demoBatches, type DemoBatch } from '../../server/demo-data/generator';
import { cpuSecondsOf, serveBenchCommands } from './child';

// What SearchIndex puts in a customer's document (electron/services/cache/search-index.ts).
const NOTES_PER_DOCUMENT = 50;
const MAX_NOTES_CHARS = 20_000;

const ENVELOPE = new Set<string>(INTERACTION_ENVELOPE_KEYS);
/** Each kind's own fields, in schema order: the `details` JSON the cache stores. */
const DETAIL_KEYS = new Map<string, string[]>(
  Interaction.options.map((option) => [String(option.shape.kind.value), Object.keys(option.shape).filter((k) => !ENVELOPE.has(k))]),
);

interface LoadArgs {
  file: string;
  region: string;
  customers: number;
  seed: string;
}

function load({ file, region, customers, seed }: LoadArgs) {
  const db = new Database(file);
  migrate(db, MIGRATIONS);
  const schemaBefore = schemaOf(db);
  // better-sqlite3 opens in SQLite's defensive mode, which refuses journal_mode = OFF and silently
  // keeps a rollback journal (every page written twice); the baseline is the fastest load there is.
  db.unsafeMode(true);
  db.pragma('journal_mode = OFF');
  if (db.pragma('journal_mode', { simple: true }) !== 'off') throw new Error('the baseline needs journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  // The page cache the cache's own first load gets: the same memory for both.
  db.pragma(`cache_size = ${-INITIAL_LOAD_CACHE_MIB * 1024}`);
  db.pragma('temp_store = MEMORY');
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name <> 'outbox'")
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);

  const s = {
    customer: db.prepare(
      'INSERT INTO customers (id, name, name_folded, emails, account_numbers, language, tags, addresses, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    phone: db.prepare('INSERT INTO customer_phones (customer_id, position, number, label, e164, suffix) VALUES (?, ?, ?, ?, ?, ?)'),
    account: db.prepare('INSERT INTO customer_accounts (customer_id, position, account, account_key) VALUES (?, ?, ?, ?)'),
    order: db.prepare(
      'INSERT INTO orders (id, customer_id, number, number_key, status, placed_at, currency, total_minor, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    item: db.prepare('INSERT INTO order_items (order_id, line, sku, name, quantity, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)'),
    interaction: db.prepare(
      'INSERT INTO interactions (id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details, version, local) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)',
    ),
    doc: db.prepare('INSERT INTO customer_fts (rowid, name, emails, accounts, notes) VALUES (?, ?, ?, ?, ?)'),
  };

  const writeBatch = db.transaction((batch: DemoBatch) => {
    const history = new Map<string, InteractionInput[]>();
    for (const i of batch.interactions) {
      const list = history.get(i.customerId);
      if (list) list.push(i);
      else history.set(i.customerId, [i]);
    }
    for (const c of batch.customers) {
      const accounts = c.accountNumbers ?? [];
      const emails = c.emails ?? [];
      const addresses = c.addresses ?? [];
      const rid = s.customer.run(
        c.id, c.name, foldForSearch(c.name), JSON.stringify(emails), JSON.stringify(accounts), c.language ?? null,
        JSON.stringify(c.tags ?? []), JSON.stringify(addresses), BigInt(c.version),
      ).lastInsertRowid;
      const country = addresses.find((a) => isSupportedCountry(a.country))?.country as PhoneRegion | undefined;
      (c.phones ?? []).forEach((p, position) => {
        const e164 = toE164(p.number, country ?? (region as PhoneRegion));
        s.phone.run(c.id, position, p.number, p.label ?? 'mobile', e164, phoneSuffix(e164 ? e164.slice(1) : phoneDigits(p.number)));
      });
      accounts.forEach((a, position) => s.account.run(c.id, position, a, identifierKey(a)));
      // The document SearchIndex.reindexCustomer writes: the newest texts first, capped.
      let notes = '';
      const texts = (history.get(c.id) ?? []).filter((i) => i.text).sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
      for (const i of texts.slice(0, NOTES_PER_DOCUMENT)) {
        if (notes.length + i.text!.length > MAX_NOTES_CHARS) break;
        notes += `${foldForSearch(i.text!)}\n`;
      }
      s.doc.run(rid, foldForSearch(c.name), foldForSearch(emails.join(' ')), accounts.map((a) => `${foldForSearch(a)} ${identifierKey(a).toLowerCase()}`).join(' '), notes);
    }
    for (const o of batch.orders) {
      s.order.run(o.id, o.customerId, o.number, identifierKey(o.number), o.status, o.placedAt, o.currency, o.totalMinor, BigInt(o.version));
      (o.items ?? []).forEach((it, line) => s.item.run(o.id, line, it.sku, it.name, it.quantity, it.unitPriceMinor));
    }
    for (const i of batch.interactions) {
      const details: Record<string, unknown> = {};
      for (const key of DETAIL_KEYS.get(i.kind) ?? []) {
        const value = (i as Record<string, unknown>)[key];
        if (value !== undefined) details[key] = value;
      }
      s.interaction.run(
        i.id, i.customerId, i.kind, i.occurredAt, i.author?.id ?? null, i.author?.name ?? null, i.orderId ?? null,
        i.text ?? '', JSON.stringify(details), BigInt(i.version),
      );
    }
  });

  let rows = 0;
  let writeMs = 0;
  // Generated in modest batches: big ones outlive the young generation and slow every later GC.
  let cpuSeconds = 0;
  for (const batch of demoBatches({ customers, seed, batchSize: 1_000 })) {
    const t0 = performance.now();
    const c0 = cpuSecondsOf(process.pid);
    writeBatch(batch);
    writeMs += performance.now() - t0;
    cpuSeconds += cpuSecondsOf(process.pid) - c0;
    rows += batch.rowCount;
  }
  const t1 = performance.now();
  const c1 = cpuSecondsOf(process.pid);
  for (const index of indexes) db.exec(index.sql);
  const indexMs = performance.now() - t1;
  cpuSeconds += cpuSecondsOf(process.pid) - c1;
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.unsafeMode(false);
  const schemaAfter = schemaOf(db);
  db.close();
  return { rows, writeMs, indexMs, totalMs: writeMs + indexMs, cpuSeconds, sameSchema: schemaBefore === schemaAfter };
}

function schemaOf(db: Database.Database): string {
  const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all();
  return JSON.stringify(rows);
}

serveBenchCommands({ load });

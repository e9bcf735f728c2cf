import type { Database, Statement } from 'better-sqlite3';
import { foldForSearch, identifierKey } from '../../../shared/search/fold';

/**
 * Keeps `customer_fts` in step with the base tables: one document per customer holding its name,
 * emails, account numbers and the text of its recent interactions. Text is folded before FTS5 sees
 * it (as queries are) so decomposed accents and letters like ø match their plain forms.
 */

// A customer with years of history would make every new note rewrite a huge document; the most
// recent interactions are what an agent searches for.
const NOTES_PER_DOCUMENT = 50;
const MAX_NOTES_CHARS = 20_000;

// Customers per statement when a load group writes its documents (a JSON array of ids bound once).
const BULK_IDS = 2_000;

interface CustomerDocRow {
  rid: number;
  name: string;
  emails: string;
  account_numbers: string;
}

type Document = [rid: number, name: string, emails: string, accounts: string, notes: string];

const jsonStrings = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/** A customer's document: the newest texts first (`texts` in that order), capped. */
function documentOf(row: CustomerDocRow, texts: readonly string[]): Document {
  const accounts = jsonStrings(row.account_numbers)
    .map((a) => `${foldForSearch(a)} ${identifierKey(a).toLowerCase()}`)
    .join(' ');
  let notes = '';
  for (let i = 0; i < texts.length && i < NOTES_PER_DOCUMENT; i++) {
    const text = texts[i]!;
    if (notes.length + text.length > MAX_NOTES_CHARS) break;
    notes += `${foldForSearch(text)}\n`;
  }
  return [row.rid, foldForSearch(row.name), foldForSearch(jsonStrings(row.emails).join(' ')), accounts, notes];
}

export class SearchIndex {
  private readonly customerDoc: Statement<[string], CustomerDocRow>;
  private readonly recentTexts: Statement<[string, number], string>;
  private readonly customerDocs: Statement<[string], CustomerDocRow & { id: string }>;
  private readonly textsOf: Statement<[string], { id: string; text: string }>;
  private readonly replaceDoc: Statement<Document>;
  private readonly deleteDoc: Statement<[number]>;

  constructor(private readonly db: Database) {
    this.customerDoc = db.prepare('SELECT rid, name, emails, account_numbers FROM customers WHERE id = ?');
    // Newest first; among texts of the same instant, in the order the index keeps them (rowid).
    this.recentTexts = db
      .prepare<[string, number], string>(
        `SELECT text FROM interactions WHERE customer_id = ? AND text <> ''
         ORDER BY occurred_at DESC, rowid LIMIT ?`,
      )
      .pluck();
    this.customerDocs = db.prepare(
      'SELECT c.rid, c.id, c.name, c.emails, c.account_numbers FROM json_each(?) j JOIN customers c ON c.id = j.value',
    );
    this.textsOf = db.prepare(
      `SELECT i.customer_id AS id, i.text FROM json_each(?) j JOIN interactions i ON i.customer_id = j.value
       WHERE i.text <> '' ORDER BY i.customer_id, i.occurred_at DESC, i.rowid`,
    );
    this.replaceDoc = db.prepare(
      'INSERT OR REPLACE INTO customer_fts(rowid, name, emails, accounts, notes) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteDoc = db.prepare('DELETE FROM customer_fts WHERE rowid = ?');
  }

  /** Rewrites one customer's document; a customer no longer in the cache has none to write. */
  reindexCustomer(customerId: string): void {
    const row = this.customerDoc.get(customerId);
    if (!row) return;
    this.replaceDoc.run(...documentOf(row, this.recentTexts.all(customerId, NOTES_PER_DOCUMENT)));
  }

  /**
   * Rewrites many customers' documents, as reindexCustomer does one by one, reading their rows and
   * texts with one statement per couple of thousand customers instead of two per customer (a
   * first load's group of 50,000 rows touches thousands; batch-writer.ts LoadGroup).
   */
  reindexCustomers(customerIds: Iterable<string>): void {
    const ids = [...customerIds];
    for (let from = 0; from < ids.length; from += BULK_IDS) {
      const json = JSON.stringify(ids.slice(from, from + BULK_IDS));
      const texts = new Map<string, string[]>();
      for (const { id, text } of this.textsOf.all(json)) {
        const list = texts.get(id);
        if (list) list.push(text);
        else texts.set(id, [text]);
      }
      for (const row of this.customerDocs.all(json)) this.replaceDoc.run(...documentOf(row, texts.get(row.id) ?? []));
    }
  }

  removeDocument(rid: number): void {
    this.deleteDoc.run(rid);
  }

  /** Rebuilds every document, for migrations that change what is indexed or how. */
  rebuildAll(): void {
    this.db.transaction(() => {
      this.db.exec("INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')");
      const ids = this.db.prepare('SELECT id FROM customers').pluck().all() as string[];
      for (const id of ids) this.reindexCustomer(id);
    }).immediate();
  }
}

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

interface CustomerDocRow {
  rid: number;
  name: string;
  emails: string;
  account_numbers: string;
}

const jsonStrings = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export class SearchIndex {
  private readonly customerDoc: Statement<[string], CustomerDocRow>;
  private readonly recentTexts: Statement<[string, number], { text: string }>;
  private readonly replaceDoc: Statement<[number, string, string, string, string]>;
  private readonly deleteDoc: Statement<[number]>;

  constructor(private readonly db: Database) {
    this.customerDoc = db.prepare('SELECT rid, name, emails, account_numbers FROM customers WHERE id = ?');
    this.recentTexts = db.prepare(
      `SELECT text FROM interactions WHERE customer_id = ? AND text <> ''
       ORDER BY occurred_at DESC LIMIT ?`,
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
    const accounts = jsonStrings(row.account_numbers)
      .map((a) => `${foldForSearch(a)} ${identifierKey(a).toLowerCase()}`)
      .join(' ');
    let notes = '';
    for (const { text } of this.recentTexts.iterate(customerId, NOTES_PER_DOCUMENT)) {
      if (notes.length + text.length > MAX_NOTES_CHARS) break;
      notes += `${foldForSearch(text)}\n`;
    }
    this.replaceDoc.run(
      row.rid,
      foldForSearch(row.name),
      foldForSearch(jsonStrings(row.emails).join(' ')),
      accounts,
      notes,
    );
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

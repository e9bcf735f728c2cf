import type { Database, Statement } from 'better-sqlite3';
import type { CustomerHit, MatchedBy } from '../../../shared/domain/customer';
import { searchTokens } from '../../../shared/search/fold';
import { buildSearchQuery } from '../../../shared/search/fts-query';
import { HIT_COLUMNS, toHit, type HitRow } from './customer-hits';
import type { PhoneLookup } from './phone-lookup';

/**
 * Search-as-you-type over the cache.
 *
 * Ranking every match of a two-letter prefix (180k rows on a big floor) is too slow for a
 * keystroke, so FTS5 hands over at most CANDIDATE_CAP rowids in rowid order, plus the customers
 * whose name starts with the typed text (an index range, so "Ma" still finds "Ma. Santos" however
 * late it was loaded); only those are ranked. Exact phone, account and order numbers come first.
 *
 * Tiers: identifier match; name equals the text; name starts with it; a word of the name starts
 * with it; anything else FTS5 matched (emails, accounts, notes), by bm25.
 */

export const CANDIDATE_CAP = 400;
export const MAX_SEARCH_LIMIT = 100;
// A search document's columns: name, emails, accounts, notes. A name hit outweighs a note hit.
const BM25_WEIGHTS = '10.0, 3.0, 5.0, 1.0';

interface RankedRow extends HitRow {
  tier: number;
}

const TIER_SQL = /* sql */ `
  CASE WHEN c.name_folded = @q THEN 1
       WHEN substr(c.name_folded || ' ', 1, length(@q)) = @q THEN 2
       WHEN instr(' ' || c.name_folded || ' ', ' ' || @q) > 0 THEN 3
       ELSE 4 END`;

export class CustomerSearch {
  private readonly ranked: Statement<[object], RankedRow>;
  private readonly byNamePrefix: Statement<[object], RankedRow>;
  private readonly byAccount: Statement<[string, number], HitRow>;
  private readonly byOrderNumber: Statement<[string, number], HitRow>;

  constructor(
    db: Database,
    private readonly phones: PhoneLookup,
  ) {
    // Rank on rids first; the hit columns (a phone subquery each) are read for the top rows only.
    this.ranked = db.prepare(`
      WITH fts(rid, bm) AS MATERIALIZED (
        SELECT rowid, bm25(customer_fts, ${BM25_WEIGHTS}) FROM customer_fts
        WHERE customer_fts MATCH @match LIMIT @cap
      ),
      named(rid) AS (
        SELECT rid FROM customers WHERE name_folded >= @q AND name_folded < @qEnd
        ORDER BY name_folded LIMIT @limit
      ),
      best(rid, bm) AS (
        SELECT rid, min(bm) FROM (SELECT rid, bm FROM fts UNION ALL SELECT rid, NULL FROM named) GROUP BY rid
      ),
      top(rid, tier, bm, name_folded) AS MATERIALIZED (
        SELECT c.rid, ${TIER_SQL}, coalesce(best.bm, 0), c.name_folded
        FROM best JOIN customers c ON c.rid = best.rid
        ORDER BY 2, 3, 4 LIMIT @limit
      )
      SELECT ${HIT_COLUMNS}, top.tier AS tier
      FROM top JOIN customers c ON c.rid = top.rid
      ORDER BY top.tier, top.bm, top.name_folded`);
    // One letter: every name starting with it, alphabetically (FTS5 has no 1-letter prefix index).
    this.byNamePrefix = db.prepare(`
      SELECT ${HIT_COLUMNS}, ${TIER_SQL} AS tier FROM customers c
      WHERE c.name_folded >= @q AND c.name_folded < @qEnd
      ORDER BY c.name_folded LIMIT @limit`);
    this.byAccount = db.prepare(`
      SELECT ${HIT_COLUMNS} FROM customer_accounts a JOIN customers c ON c.id = a.customer_id
      WHERE a.account_key = ? LIMIT ?`);
    this.byOrderNumber = db.prepare(`
      SELECT ${HIT_COLUMNS} FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE o.number_key = ? LIMIT ?`);
  }

  search(text: string, limit = 20): CustomerHit[] {
    const max = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.trunc(limit) || 1));
    const query = buildSearchQuery(text);
    const hits = new Map<string, CustomerHit>();
    const add = (hit: CustomerHit): void => {
      if (!hits.has(hit.id)) hits.set(hit.id, hit);
    };

    if (query.phoneLike) for (const m of this.phones.lookup(text, max)) add(m.customer);
    if (query.identifier !== null) {
      for (const row of this.byAccount.all(query.identifier, max)) add(toHit(row, 'account'));
      for (const row of this.byOrderNumber.all(query.identifier, max)) add(toHit(row, 'order'));
    }
    if (hits.size < max && query.folded !== '') {
      const q = query.namePrefix;
      const params = { q, qEnd: `${q}\u{10FFFF}`, limit: max };
      const rows =
        query.match === null || isSingleLetter(query.tokens)
          ? this.byNamePrefix.all(params)
          : this.ranked.all({ ...params, match: query.match, cap: CANDIDATE_CAP });
      for (const row of rows) add(toHit(row, matchedBy(row, query.tokens)));
    }
    return [...hits.values()].slice(0, max);
  }
}

const isSingleLetter = (tokens: string[]): boolean => tokens.length === 1 && [...(tokens[0] ?? '')].length === 1;

/** `name` when the typed words all begin words of the name (`juan cruz` → Juan Dela Cruz). */
function matchedBy(row: RankedRow, tokens: string[]): MatchedBy {
  if (row.tier <= 3) return 'name';
  const words = searchTokens(row.name);
  return tokens.every((t) => words.some((w) => w.startsWith(t))) ? 'name' : 'text';
}

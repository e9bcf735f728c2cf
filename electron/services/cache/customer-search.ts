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
 * with it; every typed word begins a word of the name (`juan cruz` → Juan Dela Cruz); anything
 * else FTS5 matched (emails, account numbers, notes). Alphabetical within a tier. No bm25: its
 * document frequencies are counted over every match of each typed word, not over the candidates,
 * so a two-letter prefix paid a scan of its whole doclist (20 ms at the p99 on a million
 * customers); the tiers need only the bounded candidate scan.
 *
 * Limits are written into the SQL, one statement per limit asked for: SQLite re-prepares a
 * statement with a bound LIMIT every time it is bound.
 */

export const CANDIDATE_CAP = 400;
export const MAX_SEARCH_LIMIT = 100;

interface RankedRow extends HitRow {
  tier: number;
}

const TIERS = /* sql */ `
  WHEN c.name_folded = @q THEN 1
  WHEN substr(c.name_folded || ' ', 1, length(@q)) = @q THEN 2
  WHEN instr(' ' || c.name_folded || ' ', ' ' || @q) > 0 THEN 3
  WHEN NOT EXISTS (SELECT 1 FROM json_each(@tokens) t WHERE instr(' ' || c.name_folded, ' ' || t.value) = 0) THEN 4
  ELSE 5`;

interface Statements {
  /** FTS5 candidates and name-range customers, by tier then name; hit columns for the top rows only. */
  ranked: Statement<[object], RankedRow>;
  /** One letter: every name starting with it, alphabetically (FTS5 has no 1-letter prefix index). */
  byNamePrefix: Statement<[object], RankedRow>;
  byAccount: Statement<[string], HitRow>;
  byOrderNumber: Statement<[string], HitRow>;
}

export class CustomerSearch {
  private readonly byLimit = new Map<number, Statements>();

  constructor(
    private readonly db: Database,
    private readonly phones: PhoneLookup,
  ) {}

  /** `limit` is clamped to 1–MAX_SEARCH_LIMIT first: at most that many sets of statements. */
  private statements(limit: number): Statements {
    let s = this.byLimit.get(limit);
    if (!s) {
      const db = this.db;
      s = {
        ranked: db.prepare(`
          WITH fts(rid) AS MATERIALIZED (
            SELECT rowid FROM customer_fts WHERE customer_fts MATCH @match LIMIT ${CANDIDATE_CAP}
          ),
          named(rid) AS (
            SELECT rid FROM customers WHERE name_folded >= @q AND name_folded < @qEnd
            ORDER BY name_folded LIMIT ${limit}
          ),
          top(rid, tier, name_folded) AS MATERIALIZED (
            SELECT c.rid, CASE ${TIERS} END, c.name_folded
            FROM (SELECT rid FROM fts UNION SELECT rid FROM named) b JOIN customers c ON c.rid = b.rid
            ORDER BY 2, 3, 1 LIMIT ${limit}
          )
          SELECT ${HIT_COLUMNS}, top.tier AS tier
          FROM top JOIN customers c ON c.rid = top.rid
          ORDER BY top.tier, top.name_folded, top.rid`),
        byNamePrefix: db.prepare(`
          SELECT ${HIT_COLUMNS}, CASE ${TIERS} END AS tier FROM customers c
          WHERE c.name_folded >= @q AND c.name_folded < @qEnd
          ORDER BY c.name_folded LIMIT ${limit}`),
        byAccount: db.prepare(`
          SELECT ${HIT_COLUMNS} FROM customer_accounts a JOIN customers c ON c.id = a.customer_id
          WHERE a.account_key = ? LIMIT ${limit}`),
        byOrderNumber: db.prepare(`
          SELECT ${HIT_COLUMNS} FROM orders o JOIN customers c ON c.id = o.customer_id
          WHERE o.number_key = ? LIMIT ${limit}`),
      };
      this.byLimit.set(limit, s);
    }
    return s;
  }

  search(text: string, limit = 20): CustomerHit[] {
    const max = Math.max(1, Math.min(MAX_SEARCH_LIMIT, Math.trunc(limit) || 1));
    const s = this.statements(max);
    const query = buildSearchQuery(text);
    const hits = new Map<string, CustomerHit>();
    const add = (hit: CustomerHit): void => {
      if (!hits.has(hit.id)) hits.set(hit.id, hit);
    };

    if (query.phoneLike) for (const m of this.phones.lookup(text, max)) add(m.customer);
    if (query.identifier !== null) {
      for (const row of s.byAccount.all(query.identifier)) add(toHit(row, 'account'));
      for (const row of s.byOrderNumber.all(query.identifier)) add(toHit(row, 'order'));
    }
    if (hits.size < max && query.folded !== '') {
      const q = query.namePrefix;
      const params = { q, qEnd: `${q}\u{10FFFF}`, tokens: JSON.stringify(query.tokens) };
      const rows =
        query.match === null || isSingleLetter(query.tokens)
          ? s.byNamePrefix.all(params)
          : s.ranked.all({ ...params, match: query.match });
      for (const row of rows) add(toHit(row, matchedBy(row, query.tokens)));
    }
    return [...hits.values()].slice(0, max);
  }
}

const isSingleLetter = (tokens: string[]): boolean => tokens.length === 1 && [...(tokens[0] ?? '')].length === 1;

/** `name` when the typed words all begin words of the name (`juan cruz` → Juan Dela Cruz). */
function matchedBy(row: RankedRow, tokens: string[]): MatchedBy {
  if (row.tier <= 4) return 'name';
  const words = searchTokens(row.name);
  return tokens.every((t) => words.some((w) => w.startsWith(t))) ? 'name' : 'text';
}

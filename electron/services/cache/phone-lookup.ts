import type { Database, Statement } from 'better-sqlite3';
import { PhoneMatch } from '../../../shared/domain/customer';
import { parseDialled, phoneDigits, phoneSuffix, phoneTails, type DialledPhone, type PhoneRegion } from '../../../shared/domain/phone';
import { HIT_COLUMNS, hitFields, type HitRow } from './customer-hits';

/**
 * Caller ID → customer, while the phone rings. Exact E.164 first; when nothing matches and the
 * caller ID did not carry its own country code (a trunk that strips it, a number typed locally
 * from another country's customer), the last eight digits find the candidates and the longest
 * agreeing tail decides. A number that came with its country code is complete: a suffix match
 * would be a different subscriber, so none is tried.
 *
 * Limits are written into the SQL, one prepared statement per limit asked for: SQLite re-prepares
 * a statement whose LIMIT is a bound parameter every time it is bound (it plans with the value),
 * which cost more than the lookup itself (tests/bench/README.md, "Reads").
 */

interface PhoneRow extends HitRow {
  number: string;
  label: string;
  e164: string | null;
}

const PHONE_COLUMNS = `p.number, p.label, p.e164, ${HIT_COLUMNS}`;
// One suffix can be shared by many records (a company switchboard); past this many it tells nothing.
const MAX_SUFFIX_CANDIDATES = 200;

export class PhoneLookup {
  private readonly exactByLimit = new Map<number, Statement<[string], PhoneRow>>();
  private readonly bySuffix: Statement<[string], PhoneRow>;

  constructor(
    private readonly db: Database,
    private readonly region: PhoneRegion,
  ) {
    this.bySuffix = db.prepare(
      `SELECT ${PHONE_COLUMNS} FROM customer_phones p JOIN customers c ON c.id = p.customer_id
       WHERE p.suffix = ? LIMIT ${MAX_SUFFIX_CANDIDATES}`,
    );
  }

  /** `limit` is a whole number its callers clamp (1–50 for caller ID, 1–100 in search): a few statements. */
  private exact(limit: number): Statement<[string], PhoneRow> {
    let statement = this.exactByLimit.get(limit);
    if (!statement) {
      statement = this.db.prepare(
        `SELECT ${PHONE_COLUMNS} FROM customer_phones p JOIN customers c ON c.id = p.customer_id
         WHERE p.e164 = ? ORDER BY c.name_folded LIMIT ${Math.max(1, Math.trunc(limit))}`,
      );
      this.exactByLimit.set(limit, statement);
    }
    return statement;
  }

  lookup(raw: string, limit = 10): PhoneMatch[] {
    const dialled = parseDialled(raw, this.region);
    if (dialled) {
      const rows = this.exact(limit).all(dialled.e164);
      const digits = dialled.e164.length - 1;
      if (rows.length > 0) return dedupe(rows.map((r) => toMatch(r, 'exact', digits))).slice(0, limit);
      if (dialled.international) return [];
    }
    return this.bySuffixOf(raw, dialled).slice(0, limit);
  }

  private bySuffixOf(raw: string, dialled: DialledPhone | null): PhoneMatch[] {
    const tails = phoneTails(raw, this.region, dialled);
    const suffixes = new Set(tails.map((t) => phoneSuffix(t)).filter((s): s is string => s !== null));
    const matches: PhoneMatch[] = [];
    for (const suffix of suffixes) {
      for (const row of this.bySuffix.all(suffix)) {
        const stored = storedDigits(row);
        let best = 0;
        for (const tail of tails) {
          if (stored.endsWith(tail) || tail.endsWith(stored)) best = Math.max(best, Math.min(tail.length, stored.length));
        }
        if (best > 0) matches.push(toMatch(row, 'suffix', best));
      }
    }
    matches.sort((a, b) => b.matchedDigits - a.matchedDigits || a.customer.name.localeCompare(b.customer.name));
    return dedupe(matches);
  }
}

/** The stored number's digits: E.164 without `+`, or the record's own digits without a trunk 0. */
function storedDigits(row: PhoneRow): string {
  return row.e164 ? row.e164.slice(1) : phoneDigits(row.number).replace(/^0+/, '');
}

/** Read back through its schema once: PhoneMatch checks the customer line inside it. */
function toMatch(row: PhoneRow, match: 'exact' | 'suffix', matchedDigits: number): PhoneMatch {
  return PhoneMatch.parse({
    customer: hitFields(row, 'phone'),
    phone: { number: row.number, label: row.label, e164: row.e164 },
    match,
    matchedDigits,
  });
}

/** One line per customer: a customer listed twice under one number is still one person. */
function dedupe(matches: PhoneMatch[]): PhoneMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => !seen.has(m.customer.id) && seen.add(m.customer.id));
}

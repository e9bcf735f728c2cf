import { CustomerHit, type MatchedBy } from '../../../shared/domain/customer';

/**
 * The columns one search or caller-ID line needs, selected from `customers c`. The primary phone
 * is the first one listed on the record.
 */
export const HIT_COLUMNS = /* sql */ `
  c.id, c.name, c.tags, c.language, c.emails, c.account_numbers,
  (SELECT coalesce(p.e164, p.number) FROM customer_phones p
    WHERE p.customer_id = c.id ORDER BY p.position LIMIT 1) AS primary_phone`;

export interface HitRow {
  id: string;
  name: string;
  tags: string;
  language: string | null;
  emails: string;
  account_numbers: string;
  primary_phone: string | null;
}

/** Reads a hit row back through its schema: the file is a boundary like any other. */
export function toHit(row: HitRow, matchedBy: MatchedBy): CustomerHit {
  return CustomerHit.parse(hitFields(row, matchedBy));
}

/** A hit row's fields, not yet checked: for a schema that holds a CustomerHit (PhoneMatch). */
export function hitFields(row: HitRow, matchedBy: MatchedBy): Record<keyof CustomerHit, unknown> {
  const emails = JSON.parse(row.emails) as unknown;
  return {
    id: row.id,
    name: row.name,
    tags: JSON.parse(row.tags),
    language: row.language,
    primaryPhone: row.primary_phone,
    email: Array.isArray(emails) && typeof emails[0] === 'string' ? emails[0] : null,
    accountNumbers: JSON.parse(row.account_numbers),
    matchedBy,
  };
}

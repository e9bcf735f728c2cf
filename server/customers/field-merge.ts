import { isSupportedCountry } from 'libphonenumber-js';
import type { Author } from '../../shared/domain/interaction';
import { CUSTOMER_FIELDS, type CustomerField, type CustomerUpdate } from '../../shared/domain/outbox';
import type { PhoneRegion } from '../../shared/domain/phone';
import { compareVersions } from '../../shared/domain/row-version';
import type { Queryable } from '../db/db';
import { lockCustomer } from './customer-store';
import { e164Of } from './import';
import { Rejection } from './rejection';

/**
 * Applies an agent's edit of customer fields, one field at a time:
 * - a field nobody changed since the agent's `baseVersion` takes the edit (the agent saw the value);
 * - a field someone changed since then was edited concurrently: the later edit by the time it was
 *   made wins (ties go to the one arriving now), so an old offline edit arriving late does not
 *   undo a newer one, and one agent's two edits arriving out of order end as the agent left them.
 * Fields not in the edit are untouched, so two agents editing different fields both keep theirs.
 * Every edit is written to customer_field_edits — the winner and the one it won over alike.
 */

/** The SQL column each editable field lives in (phones live in customer_phones). */
const COLUMN: Record<Exclude<CustomerField, 'phones'>, { column: string; cast: (param: string) => string }> = {
  name: { column: 'name', cast: (p) => `${p}::text` },
  language: { column: 'language', cast: (p) => `${p}::text` },
  emails: { column: 'emails', cast: textArray },
  accountNumbers: { column: 'account_numbers', cast: textArray },
  tags: { column: 'tags', cast: textArray },
  addresses: { column: 'addresses', cast: (p) => `${p}::jsonb` },
};

// Arrays travel as JSON text on both drivers (PGlite and pg serialise JS arrays differently).
function textArray(param: string): string {
  return `ARRAY(SELECT jsonb_array_elements_text(${param}::jsonb))`;
}

const CURRENT_SQL = `
SELECT json_build_object('name', c.name, 'emails', c.emails, 'accountNumbers', c.account_numbers, 'language', c.language,
         'tags', c.tags, 'addresses', c.addresses,
         'phones', coalesce((SELECT json_agg(json_build_object('number', p.raw, 'label', p.label) ORDER BY p.position)
                               FROM customer_phones p WHERE p.customer_id = c.id), '[]'::json)) AS doc
  FROM customers c WHERE c.id = $1`;

interface LastEdit {
  field: CustomerField;
  user_id: string | null;
  edited_at: Date;
  result_version: string;
}

export interface FieldEditOutcome {
  field: CustomerField;
  outcome: 'applied' | 'superseded';
  conflict: boolean;
}

export async function applyCustomerUpdate(
  q: Queryable,
  editor: Author,
  mutationId: string,
  update: CustomerUpdate,
  now: Date = new Date(),
): Promise<FieldEditOutcome[]> {
  const state = await lockCustomer(q, update.customerId, 'update');
  if (state.deleted) throw new Rejection('This customer was deleted on the server; the edit was not saved there.');

  // An agent's clock may run ahead; an edit can never claim to be later than its arrival.
  const claimed = update.editedAt ? new Date(update.editedAt) : now;
  const editedAt = claimed.getTime() > now.getTime() ? now : claimed;
  const fields = CUSTOMER_FIELDS.filter((f) => update.changes[f] !== undefined);

  const current = (await q.query<{ doc: Record<CustomerField, unknown> }>(CURRENT_SQL, [update.customerId])).rows[0]?.doc;
  if (!current) throw new Error(`customer ${update.customerId} vanished under its lock`);
  const { rows: lastEdits } = await q.query<LastEdit>(
    `SELECT DISTINCT ON (field) field, user_id, edited_at, result_version::text AS result_version
       FROM customer_field_edits
      WHERE customer_id = $1 AND field = ANY($2::text[]) AND outcome = 'applied'
      ORDER BY field, result_version DESC`,
    [update.customerId, fields],
  );
  const lastByField = new Map(lastEdits.map((e) => [e.field, e]));

  const outcomes = fields.map((field): FieldEditOutcome => {
    const last = lastByField.get(field);
    const concurrent = last !== undefined && compareVersions(last.result_version, update.baseVersion) > 0;
    const newer = concurrent && new Date(last.edited_at).getTime() > editedAt.getTime();
    return { field, outcome: newer ? 'superseded' : 'applied', conflict: concurrent && last.user_id !== editor.id };
  });
  const applied = outcomes.filter((o) => o.outcome === 'applied').map((o) => o.field);

  let resultVersion: string | null = null;
  if (applied.length > 0) resultVersion = await writeFields(q, update, applied, current);

  for (const o of outcomes) {
    await q.query(
      `INSERT INTO customer_field_edits (customer_id, field, old_value, new_value, user_id, mutation_id, edited_at,
                                         base_version, result_version, outcome, conflict)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9, $10, $11)`,
      [
        update.customerId,
        o.field,
        JSON.stringify(current[o.field] ?? null),
        JSON.stringify(update.changes[o.field] ?? null),
        editor.id,
        mutationId,
        editedAt.toISOString(),
        update.baseVersion,
        o.outcome === 'applied' ? resultVersion : null,
        o.outcome,
        o.conflict,
      ],
    );
  }
  return outcomes;
}

/** Writes the winning fields; the update re-stamps the customer. Returns its new version. */
async function writeFields(q: Queryable, update: CustomerUpdate, fields: CustomerField[], current: Record<CustomerField, unknown>): Promise<string> {
  const sets: string[] = [];
  const params: unknown[] = [update.customerId];
  for (const field of fields) {
    if (field === 'phones') continue;
    const value = update.changes[field];
    params.push(typeof value === 'string' || value === null ? value : JSON.stringify(value));
    sets.push(`${COLUMN[field].column} = ${COLUMN[field].cast(`$${params.length}`)}`);
  }
  // Phones alone still re-stamp the customer row: the feed carries phones inside it.
  sets.push('updated_at = now()');
  const { rows } = await q.query<{ version: string }>(`UPDATE customers SET ${sets.join(', ')} WHERE id = $1 RETURNING version::text AS version`, params);
  const version = rows[0]?.version;
  if (!version) throw new Error(`customer ${update.customerId} vanished under its lock`);

  const phones = update.changes.phones;
  if (fields.includes('phones') && phones) {
    const addresses = (update.changes.addresses ?? current.addresses) as { country: string }[] | null;
    const country = (addresses ?? []).find((a) => isSupportedCountry(a.country))?.country as PhoneRegion | undefined;
    await q.query('DELETE FROM customer_phones WHERE customer_id = $1', [update.customerId]);
    for (const [position, phone] of phones.entries()) {
      await q.query('INSERT INTO customer_phones (customer_id, position, raw, e164, label) VALUES ($1, $2, $3, $4, $5)', [
        update.customerId,
        position,
        phone.number,
        e164Of(phone.number, country),
        phone.label,
      ]);
    }
  }
  return version;
}

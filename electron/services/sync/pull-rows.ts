import type { z } from 'zod';
import { Customer } from '../../../shared/domain/customer';
import { Interaction } from '../../../shared/domain/interaction';
import { Order } from '../../../shared/domain/order';
import { Tombstone } from '../../../shared/domain/row-version';
import { SyncRow } from '../../../shared/domain/sync-row';
import { InvalidSyncRowError } from '../cache/cache-errors';

/**
 * Checks the rows of a pull batch with the shared schemas, the first load's way: each row goes
 * straight to the one schema that can accept it. SyncRow reads an entity's data as "a tombstone,
 * else a live row", so every live row first fails the tombstone schema, and building that failure
 * (an issue object per row) was a third of the validation on a million-row load. Here
 * `deleted: true` picks Tombstone and anything else the live schema — the same rows pass, with the
 * same output, as SyncRow.parse (tests/unit/sync/pull-rows.test.ts compares them). A row that
 * fails is checked again with SyncRow itself, so the error names what SyncRow would name.
 */

const LIVE: Readonly<Record<string, z.ZodType>> = { customer: Customer, order: Order, interaction: Interaction };

function parseRow(row: unknown): SyncRow | null {
  if (typeof row !== 'object' || row === null) return null;
  const { entity, data } = row as { entity?: unknown; data?: unknown };
  const live = typeof entity === 'string' && Object.hasOwn(LIVE, entity) ? LIVE[entity] : undefined;
  if (!live) return null;
  const deleted = typeof data === 'object' && data !== null && (data as { deleted?: unknown }).deleted === true;
  const parsed = (deleted ? Tombstone : live).safeParse(data);
  return parsed.success ? ({ entity, data: parsed.data } as SyncRow) : null;
}

/** Throws InvalidSyncRowError (nothing written, the cursor unmoved) naming the first bad row. */
export function parsePulledRows(rows: readonly unknown[]): SyncRow[] {
  const out = new Array<SyncRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const parsed = parseRow(rows[i]);
    if (parsed) {
      out[i] = parsed;
      continue;
    }
    const full = SyncRow.safeParse(rows[i]);
    // Unreachable unless the two disagree; then SyncRow, the contract, decides.
    if (full.success) out[i] = full.data;
    else throw new InvalidSyncRowError(i, full.error);
  }
  return out;
}

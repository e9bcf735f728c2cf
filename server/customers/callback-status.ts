import type { CallbackStatusChange } from '../../shared/domain/callback';
import type { Author } from '../../shared/domain/interaction';
import type { Queryable } from '../db/db';
import { Rejection } from './rejection';

/**
 * A scheduled callback made (with how it went, for a follow-up) or cancelled. The update re-stamps the row (sync_stamp), so every
 * console pulls the new status. Settling one already settled keeps the first outcome: two
 * consoles of the same agent, or a retry after a crash, must not flip it back and forth.
 */
export async function settleCallback(q: Queryable, agent: Author, change: CallbackStatusChange): Promise<void> {
  const { rows } = await q.query<{ kind: string; status: string | null; deleted: boolean }>(
    `SELECT kind, details->>'status' AS status, deleted FROM interactions WHERE id = $1 FOR UPDATE`,
    [change.interactionId],
  );
  const row = rows[0];
  if (!row || row.deleted || row.kind !== 'callback') throw new Rejection('This callback is not on the server; its new status was not saved there.');
  if (row.status !== 'scheduled') return;
  // How the call went (a follow-up made) rides on the row, so the timeline and the figures read it.
  const outcome = change.outcome ? { outcome: change.outcome } : {};
  await q.query(
    `UPDATE interactions SET details = details || jsonb_build_object('status', $2::text, 'settledAt', $3::text, 'settledBy', $4::text) || $5::jsonb
      WHERE id = $1`,
    [change.interactionId, change.status, change.at, agent.id, JSON.stringify(outcome)],
  );
}

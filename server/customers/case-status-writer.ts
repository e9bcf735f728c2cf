import { currentStatusOf, fitsKind, isCaseKind, mergeStatusHistory, type CaseStatusChange } from '../../shared/domain/case-status';
import type { Author, CaseStatusEntry } from '../../shared/domain/interaction';
import type { Queryable } from '../db/db';
import { Rejection } from './rejection';

/** How the agent would name the case, for reasons shown next to it. */
const NOUN = {
  complaint: 'complaint',
  return_request: 'return request',
  refund_request: 'refund request',
  exchange_request: 'exchange request',
} as const;

/** Changes of one case read to rebuild its row's copy; far more than any case really gets. */
const HISTORY_READ_LIMIT = 1_000;

interface ChangeRow {
  id: string;
  at: Date | string;
  author_id: string;
  author_name: string;
  from_status: string;
  to_status: string;
  note: string;
}

/**
 * A case moved to another status by the signed-in agent. The change is recorded in
 * case_status_changes (once per id), then the case's row gets its history and current status
 * rebuilt from that table: ordered by when each change was made, so two agents' concurrent changes
 * are both kept and the later one is current, whichever reached the server first. The update
 * re-stamps the row (sync_stamp), so every console pulls the new history.
 */
export async function changeCaseStatus(q: Queryable, agent: Author, change: CaseStatusChange): Promise<void> {
  const { rows } = await q.query<{ kind: string; status: string | null; deleted: boolean }>(
    `SELECT kind, details->>'status' AS status, deleted FROM interactions WHERE id = $1 FOR UPDATE`,
    [change.interactionId],
  );
  const row = rows[0];
  if (!row || row.deleted || !isCaseKind(row.kind)) throw new Rejection('This case is not on the server; its new status was not saved there.');
  const kind = row.kind;
  if (!fitsKind(kind, change.to) || !fitsKind(kind, change.from)) {
    throw new Rejection(`A ${NOUN[kind]} cannot be ${change.to.replace('_', ' ')}; the new status was not saved.`);
  }
  // A console whose clock runs ahead must not make its change "later" than everyone else's for good.
  const now = new Date();
  const claimed = new Date(change.at);
  const at = claimed.getTime() > now.getTime() ? now : claimed;
  const inserted = await q.query(
    `INSERT INTO case_status_changes (id, interaction_id, at, author_id, author_name, from_status, to_status, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
    [change.id, change.interactionId, at.toISOString(), agent.id, agent.name, change.from, change.to, change.note],
  );
  if (inserted.rowCount === 0) return;

  const { rows: changes } = await q.query<ChangeRow>(
    `SELECT id, at, author_id, author_name, from_status, to_status, note FROM case_status_changes
      WHERE interaction_id = $1 ORDER BY at DESC, id DESC LIMIT ${HISTORY_READ_LIMIT}`,
    [change.interactionId],
  );
  const history = mergeStatusHistory<CaseStatusEntry>(
    changes.map(
      (c) =>
        ({
          id: c.id,
          at: new Date(c.at).toISOString(),
          by: { id: c.author_id, name: c.author_name },
          from: c.from_status,
          to: c.to_status,
          note: c.note,
        }) as CaseStatusEntry,
    ),
  );
  const status = currentStatusOf(history, row.status ?? change.from);
  await q.query(
    `UPDATE interactions SET details = details || jsonb_build_object('status', $2::text, 'statusHistory', $3::jsonb) WHERE id = $1`,
    [change.interactionId, status, JSON.stringify(history)],
  );
}

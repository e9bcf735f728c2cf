import type { Database, Statement } from 'better-sqlite3';
import { OutboxCounts, OutboxEntry, OutboxIds, RejectReason, type OutboxMutation } from '../../../shared/domain/outbox';
import { parseInput } from './cache-errors';

/**
 * The agent's writes waiting for the server, oldest first. A row leaves only when the server
 * acknowledged it (ack) or refused it for good (reject: kept, marked, so the agent sees what did
 * not go through). A failed post only counts the attempt: the row stays pending, and the sender
 * retries it on its own schedule, not when the agent next writes something.
 */

interface OutboxRowData {
  id: string;
  kind: string;
  payload: string;
  created_at: string;
  attempts: number;
  last_error: string | null;
  rejected_reason: string | null;
}

const ENTRY_COLUMNS = 'id, kind, payload, created_at, attempts, last_error, rejected_reason';

export class OutboxStore {
  private readonly insert: Statement<[string, string, string, string]>;
  private readonly pendingRows: Statement<[number], OutboxRowData>;
  private readonly rejectedRows: Statement<[number], OutboxRowData>;
  private readonly remove: Statement<[string]>;
  private readonly markRejected: Statement<[string, string, string]>;
  private readonly markFailed: Statement<[string, string, string]>;
  private readonly countRows: Statement<[], { pending: number; rejected: number }>;

  constructor(
    db: Database,
    private readonly now: () => Date,
  ) {
    this.insert = db.prepare('INSERT INTO outbox (id, kind, payload, created_at) VALUES (?, ?, ?, ?)');
    this.pendingRows = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM outbox WHERE rejected_reason IS NULL ORDER BY seq LIMIT ?`,
    );
    this.rejectedRows = db.prepare(
      `SELECT ${ENTRY_COLUMNS} FROM outbox WHERE rejected_reason IS NOT NULL ORDER BY seq LIMIT ?`,
    );
    // Ids travel as one JSON array so a batch is a single prepared statement, whatever its size.
    this.remove = db.prepare(
      'DELETE FROM outbox WHERE rejected_reason IS NULL AND id IN (SELECT value FROM json_each(?))',
    );
    this.markRejected = db.prepare(
      'UPDATE outbox SET rejected_reason = ?, rejected_at = ? WHERE id = ? AND rejected_reason IS NULL',
    );
    this.markFailed = db.prepare(`
      UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?
      WHERE rejected_reason IS NULL AND id IN (SELECT value FROM json_each(?))`);
    this.countRows = db.prepare(`
      SELECT coalesce(sum(rejected_reason IS NULL), 0) AS pending,
             coalesce(sum(rejected_reason IS NOT NULL), 0) AS rejected FROM outbox`);
  }

  /** Queues a mutation; call inside the transaction that writes the local change. */
  enqueue(id: string, mutation: OutboxMutation): void {
    this.insert.run(id, mutation.kind, JSON.stringify(mutation.payload), this.now().toISOString());
  }

  /** What the sender should post next, oldest first. */
  pending(limit = 100): OutboxEntry[] {
    return this.pendingRows.all(clampLimit(limit)).map(toEntry);
  }

  /** Refused mutations, for the agent to see. */
  rejected(limit = 100): OutboxEntry[] {
    return this.rejectedRows.all(clampLimit(limit)).map(toEntry);
  }

  /** The server applied these; they leave the outbox. Returns how many left. */
  ack(ids: readonly string[]): number {
    const valid = parseInput(OutboxIds, ids, 'outbox ids');
    return this.remove.run(JSON.stringify(valid)).changes;
  }

  /** The server refused this mutation for good (validation, permission); retrying cannot help. */
  reject(id: string, reason: string): boolean {
    const text = parseInput(RejectReason, reason, 'reject reason');
    return this.markRejected.run(text, this.now().toISOString(), id).changes > 0;
  }

  /** A post failed (network, 5xx): count the attempt, keep the rows pending. */
  recordFailure(ids: readonly string[], error: string): number {
    const valid = parseInput(OutboxIds, ids, 'outbox ids');
    const message = error.slice(0, 1_000) || 'unknown error';
    return this.markFailed.run(message, this.now().toISOString(), JSON.stringify(valid)).changes;
  }

  counts(): OutboxCounts {
    return OutboxCounts.parse(this.countRows.get());
  }
}

const clampLimit = (limit: number): number => Math.max(1, Math.min(1_000, Math.trunc(limit) || 1));

function toEntry(row: OutboxRowData): OutboxEntry {
  return OutboxEntry.parse({
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload),
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
    rejectedReason: row.rejected_reason,
  });
}

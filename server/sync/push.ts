import type { PushEnvelope, PushResult } from '../../shared/api/sync';
import type { Author } from '../../shared/domain/interaction';
import { OutboxMutation } from '../../shared/domain/outbox';
import type { User } from '../../shared/domain/user';
import { recordAgentState } from '../accounts/agent-state-writer';
import { recordCall, wrapUpCall } from '../customers/call-record-writer';
import { settleCallback } from '../customers/callback-status';
import { changeCaseStatus } from '../customers/case-status-writer';
import { createCustomer } from '../customers/customer-store';
import { applyCustomerUpdate } from '../customers/field-merge';
import { createAgentInteraction } from '../customers/interaction-writer';
import { Rejection } from '../customers/rejection';
import { decideEscalation, raiseEscalation, type EscalationSettings } from '../escalations/escalation-writer';
import { recordMonitoringEvent } from '../monitoring/audit';
import { sqlState, type Db, type Tx } from '../db/db';
import { issuesOfBody } from '../http/errors';
import { DEFAULT_MANAGER_APPROVAL_LIMIT } from '../../shared/domain/escalation-routing';

/**
 * Applies pushed mutations in the order sent, each in its own transaction together with the row
 * in applied_mutations that records its id: either both are committed or neither, so a retried
 * post finds the id and changes nothing (exactly-once effect). A refusal is recorded the same way,
 * so the retry of a refused mutation gets the same answer.
 */

/** What the agent wrote under this id, as the server understood it. */
type Outcome = PushResult;

/** Server settings some mutations need (the manager's approval limit routes escalations). */
export interface PushSettings {
  escalations: EscalationSettings;
  /** How long a post-call survey link lives; 7 days when absent. */
  surveyTtlDays?: number;
}

const DEFAULT_PUSH_SETTINGS: PushSettings = { escalations: { managerLimit: DEFAULT_MANAGER_APPROVAL_LIMIT } };

export async function applyPush(db: Db, user: User, mutations: readonly PushEnvelope[], settings: PushSettings = DEFAULT_PUSH_SETTINGS): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const mutation of mutations) results.push(await applyOne(db, user, mutation, settings));
  return results;
}

async function applyOne(db: Db, user: User, envelope: PushEnvelope, settings: PushSettings): Promise<Outcome> {
  const { id } = envelope;
  return db.transaction(async (tx) => {
    // Claim the id first: a concurrent post of the same id waits here until this one ends, then
    // finds it taken (committed) or free (rolled back) — never applies it a second time.
    const claim = await tx.query(
      `INSERT INTO applied_mutations (id, user_id, kind, result) VALUES ($1, $2, $3, 'applied') ON CONFLICT (id) DO NOTHING`,
      [id, user.id, envelope.kind],
    );
    if (claim.rowCount === 0) return earlierOutcome(tx, user, id);

    await tx.query('SAVEPOINT mutation');
    try {
      await apply(tx, user, envelope, settings);
      return { id, status: 'applied' };
    } catch (error) {
      const reason = rejectionReason(error);
      if (reason === null) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT mutation');
      await tx.query(`UPDATE applied_mutations SET result = 'rejected', reason = $2 WHERE id = $1`, [id, reason]);
      return { id, status: 'rejected', reason };
    }
  });
}

async function earlierOutcome(tx: Tx, user: User, id: string): Promise<Outcome> {
  const { rows } = await tx.query<{ user_id: string; result: 'applied' | 'rejected'; reason: string | null }>(
    'SELECT user_id, result, reason FROM applied_mutations WHERE id = $1',
    [id],
  );
  const prior = rows[0];
  if (!prior) throw new Error(`applied_mutations ${id} conflicted but is not there`);
  // Ids are random UUIDs: another person's id here is a client bug, never something to confirm.
  if (prior.user_id !== user.id) return { id, status: 'rejected', reason: 'This change id was already used by someone else; the change was not saved.' };
  if (prior.result === 'applied') return { id, status: 'duplicate' };
  return { id, status: 'rejected', reason: prior.reason ?? 'The server refused this change.' };
}

async function apply(tx: Tx, user: User, envelope: PushEnvelope, settings: PushSettings): Promise<void> {
  const parsed = OutboxMutation.safeParse({ kind: envelope.kind, payload: envelope.payload });
  if (!parsed.success) throw new Rejection(describeInvalid(envelope.kind, parsed.error));
  const author: Author = { id: user.id, name: user.displayName };
  const mutation = parsed.data;
  switch (mutation.kind) {
    case 'interaction.create':
      return createAgentInteraction(tx, author, mutation.payload);
    case 'customer.update':
      await applyCustomerUpdate(tx, author, envelope.id, mutation.payload);
      return;
    case 'customer.create':
      await createCustomer(tx, mutation.payload);
      return;
    case 'call.record':
      return recordCall(tx, author, mutation.payload);
    case 'agent.state':
      return recordAgentState(tx, author, mutation.payload);
    case 'call.wrapUp':
      return wrapUpCall(tx, author, mutation.payload, settings.surveyTtlDays);
    case 'callback.status':
      return settleCallback(tx, author, mutation.payload);
    case 'case.status':
      return changeCaseStatus(tx, author, mutation.payload);
    case 'escalation.raise':
      return raiseEscalation(tx, user, envelope.id, mutation.payload, settings.escalations);
    case 'escalation.decide':
      return decideEscalation(tx, user, envelope.id, mutation.payload, settings.escalations);
    case 'monitoring.event':
      return recordMonitoringEvent(tx, user, envelope.id, mutation.payload);
  }
}

const KNOWN_KINDS = OutboxMutation.options.map((o) => o.shape.kind.value);

function describeInvalid(kind: string, error: Parameters<typeof issuesOfBody>[0]): string {
  if (!(KNOWN_KINDS as string[]).includes(kind)) {
    return `This server does not know changes of kind "${kind.slice(0, 64)}" (it knows ${KNOWN_KINDS.join(', ')}); the change was not saved.`;
  }
  const issues = issuesOfBody(error);
  const shown = issues
    .slice(0, 3)
    .map((i) => `${i.path === '' ? 'payload' : i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `The server cannot accept this change: ${shown}${more}.`.slice(0, 1_000);
}

/**
 * The reason for a refusal, or null for a fault to report as such. Data and integrity errors from
 * PostgreSQL (classes 22 and 23) come from the mutation's own content, so a retry would fail the
 * same way: they are refusals too, or one bad write would block the outbox behind it forever.
 */
function rejectionReason(error: unknown): string | null {
  if (error instanceof Rejection) return error.reason;
  const state = sqlState(error);
  if (state?.startsWith('22') || state?.startsWith('23')) {
    return 'The server could not store this change as it is (a value is out of range or refers to something missing); it was not saved.';
  }
  return null;
}

import type { EscalationDecide, EscalationRaise } from '../../shared/domain/escalation';
import {
  applyDecision,
  approverLevelOf,
  raisedStep,
  routeNew,
  type EscalationState,
  type ManagerApprovalLimit,
} from '../../shared/domain/escalation-routing';
import type { EscalationStep } from '../../shared/domain/escalation-packet';
import { DEFAULT_FOLLOW_UP_DAYS } from '../../shared/domain/follow-up';
import { EscalationInteraction, type Author } from '../../shared/domain/interaction';
import type { User } from '../../shared/domain/user';
import { createAgentInteraction } from '../customers/interaction-writer';
import { scheduleFollowUp } from './follow-up-writer';
import { Rejection } from '../customers/rejection';
import type { Queryable } from '../db/db';

/**
 * Escalations as the server applies them from consoles' outboxes. Raising one routes it (the
 * policy's level, then the manager's approval limit) and writes the row with its packet and first
 * step; deciding checks who may decide at the level it waits at and moves it on. Each writes the
 * row (which re-stamps it, so the pull feed carries it to every console) and an audit row, in the
 * push's transaction: both or neither.
 */

export interface EscalationSettings {
  /** KALMA_MANAGER_APPROVAL_LIMIT: more than this goes to a director. */
  managerLimit: ManagerApprovalLimit;
  /** KALMA_FOLLOW_UP_DAYS: how long after a denial the raising agent's follow-up is due; 2 when absent. */
  followUpDays?: number;
}

const authorOf = (user: User): Author => ({ id: user.id, name: user.displayName });

export async function raiseEscalation(q: Queryable, user: User, mutationId: string, raise: EscalationRaise, settings: EscalationSettings): Promise<void> {
  if (raise.packet.customer.id !== raise.customerId) throw new Rejection("The escalation's packet names another customer; it was not saved on the server.");
  if ((raise.packet.order?.id ?? null) !== raise.orderId) throw new Rejection("The escalation's packet names another order; it was not saved on the server.");
  const author = authorOf(user);
  const route = routeNew(raise.packet, settings.managerLimit);
  const step = raisedStep(raise.id, raise.occurredAt, author, route);
  const escalation = EscalationInteraction.parse({
    id: raise.id,
    kind: 'escalation',
    customerId: raise.customerId,
    occurredAt: raise.occurredAt,
    author,
    orderId: raise.orderId,
    // The reason is what a search for this escalation will look for.
    text: raise.packet.reason,
    level: route.level,
    status: 'open',
    packet: raise.packet,
    trail: [step],
    version: '0',
  });
  // Checks the customer and the order like any record an agent writes, then inserts the row.
  await createAgentInteraction(q, author, escalation);
  await audit(q, raise.id, mutationId, user, step);
}

/** The parts of the row a decision reads and changes. */
const DecisionDetails = EscalationInteraction.pick({ level: true, status: true, packet: true, trail: true });

export async function decideEscalation(q: Queryable, user: User, mutationId: string, decide: EscalationDecide, settings: EscalationSettings): Promise<void> {
  const { rows } = await q.query<{ details: unknown; deleted: boolean }>(
    `SELECT details, deleted FROM interactions WHERE id = $1 AND kind = 'escalation' FOR UPDATE`,
    [decide.escalationId],
  );
  const row = rows[0];
  if (!row || row.deleted) throw new Rejection('This escalation is not on the server; your decision was not saved.');
  const details = DecisionDetails.safeParse(row.details);
  if (!details.success) throw new Rejection('This escalation is stored in a form this server cannot read; your decision was not saved.');
  const state: EscalationState = { level: details.data.level, status: details.data.status, trail: details.data.trail ?? [] };
  const result = applyDecision(state, decide, { author: authorOf(user), level: approverLevelOf(user) }, details.data.packet?.request ?? null, settings.managerLimit);
  if (!result.ok) throw new Rejection(result.refusal.message);
  if (!result.changed) return;
  await q.query(
    `UPDATE interactions SET details = details || jsonb_build_object('level', $2::text, 'status', $3::text, 'trail', $4::jsonb)
      WHERE id = $1`,
    [decide.escalationId, result.state.level, result.state.status, JSON.stringify(result.state.trail)],
  );
  await audit(q, decide.escalationId, mutationId, user, result.step);
  // A denial is a big problem for the customer: the agent who raised it calls them back. Only when
  // the decision changed the row, so a replayed denial schedules nothing more.
  if (result.step.action === 'deny') {
    const raised = await q.query<{ customer_id: string; author_id: string | null; author_name: string | null; order_id: string | null }>(
      'SELECT customer_id, author_id, author_name, order_id FROM interactions WHERE id = $1',
      [decide.escalationId],
    );
    const escalation = raised.rows[0];
    if (escalation) {
      await scheduleFollowUp(q, {
        escalationId: decide.escalationId,
        customerId: escalation.customer_id,
        orderId: escalation.order_id,
        agent: escalation.author_id && escalation.author_name ? { id: escalation.author_id, name: escalation.author_name } : null,
        step: result.step,
        ask: details.data.packet?.request ?? null,
        days: settings.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS,
      });
    }
  }
}

async function audit(q: Queryable, escalationId: string, mutationId: string, user: User, step: EscalationStep): Promise<void> {
  await q.query(
    `INSERT INTO escalation_decisions (id, escalation_id, mutation_id, user_id, user_name, role, acted_as, decision, reason,
                                       level_before, level_after, over_limit, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, least($13::timestamptz, now()))`,
    [
      step.id,
      escalationId,
      mutationId,
      user.id,
      user.displayName,
      user.role,
      step.byLevel,
      step.action,
      step.reason,
      step.from,
      step.to,
      step.overLimit,
      step.at,
    ],
  );
}


import { z } from 'zod';
import { CallRecord } from '../phone/call-record';
import { MonitoringEvent } from '../monitoring/monitoring-event';
import { AgentStateChange } from './agent-state';
import { CallbackStatusChange } from './callback';
import { CaseStatusChange } from './case-status';
import { EscalationDecide, EscalationRaise } from './escalation';
import { WrapUp } from './wrap-up';
import { Customer, CustomerPhone } from './customer';
import {
  CallbackInteraction,
  CallInteraction,
  ComplaintInteraction,
  EscalationInteraction,
  ExchangeRequest,
  NoteInteraction,
  RefundRequest,
  ReturnRequest,
} from './interaction';
import { EntityId, Instant, RowVersion } from './row-version';

/**
 * What the agent wrote on this machine, waiting to reach the server. Each mutation has a
 * client-generated id; the server records it with the change so a retried post is a no-op.
 * New kinds (scores, escalation requests …) join this union.
 */

/**
 * The history records an agent creates: a note, a complaint, a return/refund/exchange request,
 * an escalation, a callback, and the call record itself (direction, duration, disposition, and the
 * wrap-up notes as its text). Surveys come from customers, never from a console. Unknown fields
 * are refused: a field this version does not store would otherwise be lost without a word.
 * The server sets the author to the signed-in person and the version itself; both are ignored here.
 */
export const AgentInteraction = z.discriminatedUnion('kind', [
  NoteInteraction.strict(),
  CallInteraction.strict(),
  // A case starts with no status changes: its history grows only through `case.status`.
  ComplaintInteraction.omit({ statusHistory: true }).strict(),
  ReturnRequest.omit({ statusHistory: true }).strict(),
  RefundRequest.omit({ statusHistory: true }).strict(),
  ExchangeRequest.omit({ statusHistory: true }).strict(),
  // An escalation's packet and trail come only through `escalation.raise` and `escalation.decide`.
  EscalationInteraction.omit({ packet: true, trail: true }).strict(),
  // A follow-up's origin is written only by the server; its outcome comes only through `callback.status`.
  CallbackInteraction.omit({ followUp: true, outcome: true }).strict(),
]);
export type AgentInteraction = z.output<typeof AgentInteraction>;

/**
 * Customer fields an agent may change. Each travels whole (the full list of phones, say); a field
 * left out is not touched, so two agents editing different fields never undo each other.
 */
export const CustomerChanges = z
  .object({
    name: Customer.shape.name,
    emails: Customer.shape.emails.unwrap(),
    accountNumbers: Customer.shape.accountNumbers.unwrap(),
    language: Customer.shape.language.unwrap(),
    tags: Customer.shape.tags.unwrap(),
    phones: Customer.shape.phones.unwrap(),
    addresses: Customer.shape.addresses.unwrap(),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'at least one field to change');
export type CustomerChanges = z.output<typeof CustomerChanges>;
export type CustomerField = keyof CustomerChanges;
export const CUSTOMER_FIELDS = ['name', 'emails', 'accountNumbers', 'language', 'tags', 'phones', 'addresses'] as const satisfies readonly CustomerField[];

/**
 * An edit of shared customer fields. `baseVersion` is the customer version the agent saw; the
 * server resolves each field on its own: a field nobody else changed since then takes the edit,
 * and for a field changed concurrently the later edit (by `editedAt`) wins. Every edit, winning or
 * not, is kept in the server's audit trail.
 */
export const CustomerUpdate = z
  .object({
    customerId: EntityId,
    baseVersion: RowVersion,
    changes: CustomerChanges,
    /** When the agent made the edit; defaults to when the server receives it. */
    editedAt: Instant.optional(),
  })
  .strict();
export type CustomerUpdate = z.output<typeof CustomerUpdate>;

/**
 * A customer the agent created on this machine. The id is made here (a UUID), so the console can
 * show, search and edit the customer at once and the server's copy, pulled later, is the same row.
 * Numbers travel as E.164: the agent's console read them under its region, and no other console or
 * the server could tell which region a local `0917…` meant.
 */
export const CustomerCreate = Customer.omit({ version: true, deleted: true })
  .extend({
    id: z.uuid(),
    phones: z
      .array(CustomerPhone.extend({ number: z.string().regex(/^\+[1-9]\d{1,14}$/, 'an E.164 number') }))
      .max(20)
      .default([]),
    /** When the agent created it; for the audit, never trusted beyond the server's clock. */
    createdAt: Instant.optional(),
  })
  .strict();
export type CustomerCreate = z.output<typeof CustomerCreate>;

export const OutboxMutation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interaction.create'), payload: AgentInteraction }),
  z.object({ kind: z.literal('customer.update'), payload: CustomerUpdate }),
  /** A new customer, with the id the console gave it (a retry or a second post creates nothing). */
  z.object({ kind: z.literal('customer.create'), payload: CustomerCreate }),
  /** The phone's record of a call that ended (direction, number, customer, times, cause, transfers). */
  z.object({ kind: z.literal('call.record'), payload: CallRecord }),
  /** The agent's state changed (available, break, lunch …), with the time it changed on the console. */
  z.object({ kind: z.literal('agent.state'), payload: AgentStateChange }),
  /** The wrap-up of a call already recorded (`call.record` goes first in the same outbox). */
  z.object({ kind: z.literal('call.wrapUp'), payload: WrapUp }),
  /** A scheduled callback made or cancelled. */
  z.object({ kind: z.literal('callback.status'), payload: CallbackStatusChange }),
  /** A case (complaint, return/refund/exchange request) moved on to another status, with a note. */
  z.object({ kind: z.literal('case.status'), payload: CaseStatusChange }),
  /** The agent raised an escalation from the call, with its packet; the server routes it to a level. */
  z.object({ kind: z.literal('escalation.raise'), payload: EscalationRaise }),
  /** A supervisor, manager or admin approved, denied or raised an escalation. */
  z.object({ kind: z.literal('escalation.decide'), payload: EscalationDecide }),
  /** The agent's console answered, refused or ended a supervisor's monitoring leg, or changed its mode (the audit). */
  z.object({ kind: z.literal('monitoring.event'), payload: MonitoringEvent }),
]);
export type OutboxMutation = z.output<typeof OutboxMutation>;
export type OutboxKind = OutboxMutation['kind'];

export const OutboxEntry = z.object({
  id: z.uuid(),
  kind: z.string(),
  payload: z.unknown(),
  createdAt: Instant,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  /** Set when the server refused the mutation for good; kept so the agent can see what failed. */
  rejectedReason: z.string().nullable(),
});
export type OutboxEntry = z.output<typeof OutboxEntry>;

/** Where the outbox stands, for the sync indicator. */
export const OutboxCounts = z.object({ pending: z.number().int(), rejected: z.number().int() });
export type OutboxCounts = z.output<typeof OutboxCounts>;

export const OutboxIds = z.array(z.uuid()).max(10_000);
export const RejectReason = z.string().trim().min(1).max(1_000);

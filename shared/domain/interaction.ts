import { z } from 'zod';
import { CallGuidanceLog } from '../guidance/call-log';
import { EscalationPacket, EscalationStep, MAX_ESCALATION_STEPS } from './escalation-packet';
import { FollowUpOrigin, FollowUpOutcome } from './follow-up';
import { EntityId, Instant, RowVersion, Tombstone } from './row-version';

/**
 * The customer's history: calls, notes, complaints, return/refund/exchange requests, escalations,
 * callbacks and post-call surveys. Every kind shares the same envelope; the kind adds its fields.
 */

export const INTERACTION_KINDS = [
  'call',
  'note',
  'complaint',
  'return_request',
  'refund_request',
  'exchange_request',
  'escalation',
  'callback',
  'survey',
] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

export const Author = z.object({ id: EntityId, name: z.string().trim().min(1).max(120) });
export type Author = z.output<typeof Author>;

/** Free text an agent wrote; searchable in the customer search. */
export const InteractionText = z.string().trim().max(10_000);

const envelope = {
  id: EntityId,
  customerId: EntityId,
  occurredAt: Instant,
  author: Author.nullable().default(null),
  /** The order this is about, when there is one (returns, refunds, complaints about a parcel). */
  orderId: EntityId.nullable().default(null),
  text: InteractionText.default(''),
  version: RowVersion,
  deleted: z.literal(false).default(false),
};

export const CaseStatus = z.enum(['open', 'in_progress', 'resolved', 'closed']);
export const RequestStatus = z.enum(['requested', 'approved', 'denied', 'completed', 'cancelled']);

/** The most status changes a case's row carries; the server's case_status_changes keeps them all. */
export const MAX_STATUS_HISTORY = 100;

/**
 * One change of a case's status: who made it, when (their console's clock), from what to what,
 * and why. `id` is made by the console that made the change, so a change arriving twice is one.
 */
const statusChange = <S extends z.ZodType<string>>(status: S) =>
  z.object({ id: EntityId, at: Instant, by: Author, from: status, to: status, note: z.string().trim().max(1_000).default('') });
export const ComplaintStatusChange = statusChange(CaseStatus);
export const RequestStatusChange = statusChange(RequestStatus);
export type CaseStatusEntry = z.output<typeof ComplaintStatusChange> | z.output<typeof RequestStatusChange>;
export const EscalationLevel = z.enum(['manager', 'director']);

/** What a complaint is about, for reporting; null on complaints recorded before it was asked. */
export const COMPLAINT_CATEGORIES = ['product_quality', 'delivery', 'billing', 'service', 'other'] as const;
export const ComplaintCategory = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/** Why the customer wants to send back, get money back for or swap an item; stored in `reason`. */
export const REQUEST_REASONS = ['defective', 'wrong_item', 'not_as_described', 'changed_mind', 'late_delivery', 'other'] as const;
export const RequestReason = z.enum(REQUEST_REASONS);
export type RequestReason = z.infer<typeof RequestReason>;

/**
 * What the returns policy answered when the request was saved (shared/policy), kept on the case so
 * a supervisor reading it later sees the same decision the agent saw. Absent on older requests.
 */
export const RequestPolicyDecision = z.object({
  outcome: z.enum(['eligible', 'not-eligible', 'needs-approval']),
  level: z.enum(['manager', 'director']).optional(),
  ruleIds: z.array(z.string().trim().min(1).max(64)).max(20),
});
export type RequestPolicyDecision = z.output<typeof RequestPolicyDecision>;

const requestFields = {
  reason: z.string().trim().max(500).default(''),
  status: RequestStatus.default('requested'),
  /** The order item the request is about; null on requests recorded before it was asked. */
  itemSku: z.string().trim().min(1).max(64).nullable().default(null),
  /** Oldest first; absent on a request nobody has moved on yet. */
  statusHistory: z.array(RequestStatusChange).max(MAX_STATUS_HISTORY).optional(),
  policy: RequestPolicyDecision.optional(),
};

export const CallInteraction = z.object({
  ...envelope,
  kind: z.literal('call'),
  direction: z.enum(['inbound', 'outbound']),
  durationSec: z.number().int().min(0).max(86_400),
  disposition: z.string().trim().max(64).nullable().default(null),
  /** The guidance log of the call (prompts, scripts walked, checklist ticks); absent when none fired. */
  guidance: CallGuidanceLog.optional(),
  /** The agent flagged the caller as abusive at wrap-up; absent on calls that were not. */
  abusive: z.literal(true).optional(),
});
export const NoteInteraction = z.object({ ...envelope, kind: z.literal('note') });
export const ComplaintInteraction = z.object({
  ...envelope,
  kind: z.literal('complaint'),
  status: CaseStatus.default('open'),
  category: ComplaintCategory.nullable().default(null),
  /** The customer's real issue as the agent understood it (the text holds their own description). */
  realIssue: z.string().trim().max(2_000).default(''),
  desiredOutcome: z.string().trim().max(2_000).default(''),
  /** Oldest first; absent on a complaint nobody has moved on yet. */
  statusHistory: z.array(ComplaintStatusChange).max(MAX_STATUS_HISTORY).optional(),
});
export const ReturnRequest = z.object({ ...envelope, kind: z.literal('return_request'), ...requestFields });
export const RefundRequest = z.object({
  ...envelope,
  kind: z.literal('refund_request'),
  ...requestFields,
  amountMinor: z.number().int().min(0).max(1e13).nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
});
export const ExchangeRequest = z.object({ ...envelope, kind: z.literal('exchange_request'), ...requestFields });
export const EscalationInteraction = z.object({
  ...envelope,
  kind: z.literal('escalation'),
  level: EscalationLevel,
  status: CaseStatus.default('open'),
  /** What the agent's console filled in when raising it; absent on escalations recorded before. */
  packet: EscalationPacket.optional(),
  /** Every step since (raised, approved, denied, raised again), oldest first. */
  trail: z.array(EscalationStep).max(MAX_ESCALATION_STEPS).optional(),
});
export const CallbackInteraction = z.object({
  ...envelope,
  kind: z.literal('callback'),
  dueAt: Instant,
  /** The number to call back, as E.164 when known. */
  phone: z.string().trim().max(64).nullable().default(null),
  status: z.enum(['scheduled', 'done', 'missed', 'cancelled']).default('scheduled'),
  /** Scheduled by the server as a retention follow-up (follow-up.ts); absent on callbacks an agent scheduled. */
  followUp: FollowUpOrigin.optional(),
  /** How it went, recorded when it was made; absent on callbacks settled without one. */
  outcome: FollowUpOutcome.optional(),
});
export const SurveyInteraction = z.object({
  ...envelope,
  kind: z.literal('survey'),
  /** Customer satisfaction, 1 (very unhappy) to 5 (very happy). */
  csat: z.number().int().min(1).max(5).nullable().default(null),
  /** Net promoter answer, 0 to 10. */
  nps: z.number().int().min(0).max(10).nullable().default(null),
  /** The call the survey asked about (its SIP call id); absent on imported surveys. */
  callId: z.string().min(1).max(300).optional(),
});

export const Interaction = z.discriminatedUnion('kind', [
  CallInteraction,
  NoteInteraction,
  ComplaintInteraction,
  ReturnRequest,
  RefundRequest,
  ExchangeRequest,
  EscalationInteraction,
  CallbackInteraction,
  SurveyInteraction,
]);
export type Interaction = z.output<typeof Interaction>;
export type InteractionInput = z.input<typeof Interaction>;

export const InteractionRow = z.union([Tombstone, Interaction]);
export type InteractionRow = z.output<typeof InteractionRow>;

/** An interaction as the history list shows it: pending until the server has confirmed it. */
export const InteractionView = Interaction.and(z.object({ pendingSync: z.boolean() }));
export type InteractionView = z.output<typeof InteractionView>;

/** The envelope fields, which the cache stores as columns; the rest of a kind travels as details. */
export const INTERACTION_ENVELOPE_KEYS = [...Object.keys(envelope), 'kind'] as const;

/** What an agent types into the note box. */
export const NoteText = z.string().trim().min(1, 'a note cannot be empty').max(4_000);

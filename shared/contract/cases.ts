import { z } from 'zod';
import { call } from './core';
import { ComplaintCategory, InteractionView, RequestPolicyDecision, RequestReason } from '../domain/interaction';
import { OrderItem } from '../domain/order';
import { AnyCaseStatus, CaseStatusNote } from '../domain/case-status';
import { EntityId } from '../domain/row-version';

/**
 * Cases the agent opens during a call: a complaint, or a return, refund or exchange request on one
 * item of one of the customer's orders. Each lands on the customer's timeline here at once and is
 * queued for the server in the same transaction, like a note.
 */

const CaseText = z.string().trim().max(2_000);

export const ComplaintCase = z
  .object({
    kind: z.literal('complaint'),
    customerId: EntityId,
    category: ComplaintCategory,
    /** What the customer said, in their words. */
    description: CaseText.min(1, 'describe the complaint'),
    /** The customer's real issue as the agent understood it. */
    realIssue: CaseText.default(''),
    desiredOutcome: CaseText.default(''),
    /** The order it is about, when there is one. */
    orderId: EntityId.nullable().default(null),
  })
  .strict();
export type ComplaintCase = z.output<typeof ComplaintCase>;

const requestFields = {
  customerId: EntityId,
  orderId: EntityId,
  itemSku: OrderItem.shape.sku,
  reason: RequestReason,
  /** What the agent adds: what the customer said, what was agreed. */
  notes: CaseText.default(''),
  /** What the returns policy answered on the form when the agent saved; kept on the case. */
  policy: RequestPolicyDecision.optional(),
};

export const ReturnCase = z.object({ kind: z.literal('return_request'), ...requestFields }).strict();
export const ExchangeCase = z.object({ kind: z.literal('exchange_request'), ...requestFields }).strict();
export const RefundCase = z
  .object({
    kind: z.literal('refund_request'),
    ...requestFields,
    /** Defaults to what the item cost on the order (price × quantity); never more than that. */
    amountMinor: z.number().int().min(0).max(1e13).optional(),
    /** Must be the order's currency when given. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code').optional(),
  })
  .strict();

export const CaseInput = z.discriminatedUnion('kind', [ComplaintCase, ReturnCase, RefundCase, ExchangeCase]);
export type CaseInput = z.input<typeof CaseInput>;
export type ParsedCase = z.output<typeof CaseInput>;
export type RequestCaseKind = Exclude<ParsedCase['kind'], 'complaint'>;
export const REQUEST_CASE_KINDS = ['return_request', 'refund_request', 'exchange_request'] as const satisfies readonly RequestCaseKind[];

/** What the agent sets: the case, its new status, and why (optional). */
export const CaseStatusInput = z.object({ interactionId: EntityId, status: AnyCaseStatus, note: CaseStatusNote.default('') }).strict();
export type CaseStatusInput = z.input<typeof CaseStatusInput>;

export const caseCalls = {
  /** Opens a complaint or a request; NOT_FOUND for an unknown customer, order or item. */
  'cases.open': call({ input: CaseInput, output: InteractionView }),
  /**
   * Moves a case to another status with the agent's note, kept in its history; answers the case as
   * it now stands. NOT_FOUND for an unknown case, INVALID_INPUT for a status its kind cannot have,
   * CONFLICT when it already has that status.
   */
  'cases.setStatus': call({ input: CaseStatusInput, output: InteractionView }),
} as const;

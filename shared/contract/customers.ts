import { z } from 'zod';
import { call, event } from './core';
import { CustomerDetail, CustomerHit, PhoneMatch } from '../domain/customer';
import { NewCustomer, ProfileChanges } from '../domain/customer-profile';
import { INTERACTION_KINDS, InteractionKind, InteractionView, NoteText } from '../domain/interaction';
import { Order } from '../domain/order';
import { EntityId, Instant, RowVersion } from '../domain/row-version';

/**
 * The customer panel's calls. Every one reads the signed-in person's local cache, so they answer
 * in milliseconds and keep working with the server down; without a session they fail
 * UNAUTHENTICATED. Writes (`notes.add`, `customers.create`, `customers.update`) land in the cache and
 * its outbox together and go up when the server can be reached.
 */

/** Longest text the search box sends; longer is not a search, it is a paste accident. */
export const MAX_SEARCH_TEXT = 200;
export const MAX_SEARCH_RESULTS = 100;
export const MAX_HISTORY_PAGE = 200;

export const CustomerWithOrders = z.object({
  customer: CustomerDetail,
  /** Newest first. */
  orders: z.array(Order),
});
export type CustomerWithOrders = z.output<typeof CustomerWithOrders>;

/** Where a history page ended: the next page starts strictly after this entry. */
export const HistoryPosition = z.object({ occurredAt: Instant, id: EntityId });
export type HistoryPosition = z.output<typeof HistoryPosition>;

export const HistoryPage = z.object({
  /** Newest first; `pendingSync` marks what the server has not confirmed yet. */
  items: z.array(InteractionView),
  /** Pass as `before` for the next (older) page; null when this page was the last. */
  next: HistoryPosition.nullable(),
});
export type HistoryPage = z.output<typeof HistoryPage>;

export const CustomersChanged = z.object({
  /** Customers whose record or history changed; empty with `all` when too many to list. */
  customerIds: z.array(EntityId).max(500),
  all: z.boolean(),
});
export type CustomersChanged = z.output<typeof CustomersChanged>;

/** An edit of the profile: the fields changed, from the version of the customer the agent saw. */
export const CustomerEdit = z.object({ customerId: EntityId, baseVersion: RowVersion, changes: ProfileChanges }).strict();
export type CustomerEdit = z.output<typeof CustomerEdit>;

export const customerCalls = {
  /** Search-as-you-type: names (accents optional), phone in any local format, email, account or order number. */
  'customers.search': call({
    input: z
      .object({
        text: z.string().max(MAX_SEARCH_TEXT),
        limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).default(50),
      })
      .strict(),
    output: z.array(CustomerHit),
  }),
  /** Caller ID → customers, exact E.164 first, then by trailing digits. */
  'customers.lookupPhone': call({
    input: z
      .object({ number: z.string().max(64), limit: z.number().int().min(1).max(50).default(10) })
      .strict(),
    output: z.array(PhoneMatch),
  }),
  /** The customer's card and orders; NOT_FOUND when the cache does not hold them. */
  'customers.get': call({ input: z.object({ id: EntityId }).strict(), output: CustomerWithOrders }),
  'customers.history': call({
    input: z
      .object({
        id: EntityId,
        before: HistoryPosition.optional(),
        limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).default(50),
        /** Only these kinds (calls, complaints …); all kinds when absent. */
        kinds: z.array(InteractionKind).min(1).max(INTERACTION_KINDS.length).optional(),
      })
      .strict(),
    output: HistoryPage,
  }),
  /** Saves a note on the customer's history here at once and queues it for the server. */
  'notes.add': call({
    input: z.object({ customerId: EntityId, text: NoteText }).strict(),
    output: InteractionView,
  }),
  /**
   * Creates a customer here at once (card, search and caller ID find them) and queues it for the
   * server. Numbers in any local form are read under the agent's region and kept as E.164; a
   * number or email that cannot be one fails INVALID_INPUT with the field in `issues`.
   */
  'customers.create': call({ input: NewCustomer, output: CustomerDetail }),
  /**
   * Changes some of a customer's fields here at once and queues the edit with the version the
   * agent saw; the server merges it field by field and the pulled row replaces the local one.
   */
  'customers.update': call({ input: CustomerEdit, output: CustomerDetail }),
} as const;

export const customerEvents = {
  /** Pulled changes touched these customers: an open card or timeline should read them again. */
  'customers.changed': event({ payload: CustomersChanged }),
} as const;

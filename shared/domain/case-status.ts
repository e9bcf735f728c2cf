import { z } from 'zod';
import { CaseStatus, MAX_STATUS_HISTORY, RequestStatus, type CaseStatusEntry, type InteractionKind } from './interaction';
import { EntityId, Instant } from './row-version';

/**
 * Moving a case on: a complaint goes open → in progress → resolved or closed; a return, refund or
 * exchange request goes requested → approved or denied → completed (or is cancelled). Every change
 * is kept with who made it, when, from what, to what and why. Two agents changing the same case
 * at once both stay in its history; the one made later (by its console's clock) is the current
 * status, wherever and in whatever order the changes arrive.
 */

export const CASE_KINDS = ['complaint', 'return_request', 'refund_request', 'exchange_request'] as const satisfies readonly InteractionKind[];
export type CaseKind = (typeof CASE_KINDS)[number];
export const isCaseKind = (kind: string): kind is CaseKind => (CASE_KINDS as readonly string[]).includes(kind);

export const AnyCaseStatus = z.enum([...CaseStatus.options, ...RequestStatus.options]);
export type AnyCaseStatus = z.infer<typeof AnyCaseStatus>;

/** The statuses a case of this kind can have, in the order a case usually moves through them. */
export function statusesOf(kind: CaseKind): readonly AnyCaseStatus[] {
  return kind === 'complaint' ? CaseStatus.options : RequestStatus.options;
}

export const CaseStatusNote = z.string().trim().max(1_000);

/**
 * The outbox's `case.status`. `from` is the status the agent's console showed when they changed
 * it; the author is whoever is signed in where it is applied, never taken from the payload.
 */
export const CaseStatusChange = z
  .object({
    /** The change's own id: the same in the outbox, on the server and in the case's history. */
    id: z.uuid(),
    interactionId: EntityId,
    from: AnyCaseStatus,
    to: AnyCaseStatus,
    note: CaseStatusNote.default(''),
    at: Instant,
  })
  .strict();
export type CaseStatusChange = z.output<typeof CaseStatusChange>;

/** Is `status` one a case of this kind can have (a complaint cannot be "approved")? */
export const fitsKind = (kind: CaseKind, status: string): boolean => (statusesOf(kind) as readonly string[]).includes(status);

/**
 * Joins histories (the server's, and changes this console has not uploaded yet): each change once
 * (by id, the first copy kept), oldest first by when it was made, the id breaking ties so every
 * console orders equal times alike; only the newest MAX_STATUS_HISTORY are kept.
 */
export function mergeStatusHistory<E extends CaseStatusEntry>(...lists: readonly (readonly E[] | undefined)[]): E[] {
  const byId = new Map<string, E>();
  for (const list of lists) for (const entry of list ?? []) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const sorted = [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.slice(-MAX_STATUS_HISTORY);
}

/** The status now: where the latest change went, or the status it has when nobody changed it. */
export function currentStatusOf<S extends string>(history: readonly { to: S }[] | undefined, unchanged: S): S {
  return history && history.length > 0 ? history[history.length - 1]!.to : unchanged;
}

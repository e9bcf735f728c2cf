import { z } from 'zod';
import { call, ErrorCode, event } from './core';
import { Instant } from '../domain/row-version';

/**
 * The console's view of sync: is the server reachable, how fresh is the cache, what is still
 * waiting to go up, and how far the first load has come. The host pushes `sync.status` on every
 * change, so the status bar never polls.
 */

export const InitialLoad = z.object({
  /** True while this person's cache has never been complete (first sign-in, or a load cut short). */
  active: z.boolean(),
  /** Rows applied in this load so far. */
  applied: z.number().int().min(0),
  /** Rows the server said were still waiting (an estimate). */
  remaining: z.number().int().min(0),
  percent: z.number().min(0).max(100),
});
export type InitialLoad = z.output<typeof InitialLoad>;

export const SyncStatus = z.object({
  /** The central server answered the last time the host tried to reach it. */
  online: z.boolean(),
  /** When the cache last caught up with the server; null before the first complete load. */
  lastSyncedAt: Instant.nullable(),
  /** Writes made here that the server has not confirmed yet. */
  pending: z.number().int().min(0),
  /** Writes the server refused for good (kept, with their reasons: `sync.rejected`). */
  rejected: z.number().int().min(0),
  initialLoad: InitialLoad,
  /** Why the last attempt failed, when it did (the code is what the console shows). */
  problem: z.object({ code: ErrorCode, message: z.string() }).nullable(),
});
export type SyncStatus = z.output<typeof SyncStatus>;

/** A write the server refused, as the agent sees it: what it was and why it did not go through. */
export const RejectedWrite = z.object({
  id: z.uuid(),
  kind: z.string(),
  createdAt: Instant,
  reason: z.string(),
  customerId: z.string().nullable(),
  /** The note's text (or the write's summary), so nothing the agent typed is lost from sight. */
  text: z.string(),
});
export type RejectedWrite = z.output<typeof RejectedWrite>;

const NoInput = z.object({}).strict();

export const syncCalls = {
  /** Where sync stands now; afterwards follow the `sync.status` event. */
  'sync.status': call({ input: NoInput, output: SyncStatus }),
  /** Writes the server refused, oldest first, with the server's reason. */
  'sync.rejected': call({ input: NoInput, output: z.array(RejectedWrite) }),
  /** Try the server again now (pull and push) instead of waiting for the next retry. */
  'sync.retry': call({ input: NoInput, output: z.null() }),
} as const;

export const syncEvents = {
  'sync.status': event({ payload: SyncStatus }),
} as const;

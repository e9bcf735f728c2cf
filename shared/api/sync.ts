import { z } from 'zod';
import { OutboxMutation } from '../domain/outbox';
import { MAX_BODY_BYTES } from './auth';
import { SyncCursor, SyncRow } from '../domain/sync-row';

/**
 * The sync protocol between a console's host and the central server. Both ends parse with these
 * schemas. The server is the system of record; the host's cache is a replica plus an outbox.
 *
 * Pull  GET  API_SYNC.pull?cursor=&limit=  → NDJSON stream of PullFrame lines (one frame a line).
 *       The cursor is opaque to the client. The server never hands out a cursor that a row
 *       committed later can fall behind (it bounds the feed by the oldest in-flight transaction).
 * Push  POST API_SYNC.push  PushRequest → PushResponse. Each mutation carries a client-generated
 *       id; the server applies it and records the id in one transaction, so a retry is a no-op.
 * Live  GET  API_SYNC.live (WebSocket, Authorization: Bearer) → LiveMessage pokes after commits;
 *       the client then pulls. Several server instances fan out through LISTEN/NOTIFY. The
 *       console sends LiveClientFrame frames up the same socket (its presence, shared/api/presence.ts).
 */

export const API_SYNC = {
  pull: '/api/v1/sync/pull',
  push: '/api/v1/sync/push',
  live: '/api/v1/sync/live',
} as const;

/** Rows per batch in a pull frame: small enough that applying one never stalls search-as-you-type. */
export const PULL_BATCH_ROWS = 1_000;
export const MAX_PULL_LIMIT = 200_000;
export const MAX_PUSH_MUTATIONS = 500;

export const PullQuery = z
  .object({
    cursor: SyncCursor.optional(),
    /** Rows at most in this response; the stream ends with `more: true` when rows remain. */
    limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(50_000),
  })
  .strict();
export type PullQuery = z.input<typeof PullQuery>;

export const PullFrame = z.discriminatedUnion('type', [
  /** First line: how many rows are waiting after the cursor (an estimate for progress bars). */
  z.object({ type: z.literal('start'), remaining: z.number().int().min(0) }),
  /** Apply `rows` and store `cursor` in one local transaction. */
  z.object({ type: z.literal('batch'), rows: z.array(SyncRow).max(PULL_BATCH_ROWS * 5), cursor: SyncCursor }),
  /** Last line. `more` says a further pull is needed (the limit was reached). */
  z.object({ type: z.literal('end'), cursor: SyncCursor.nullable(), more: z.boolean() }),
]);
export type PullFrame = z.output<typeof PullFrame>;

/**
 * A push body is at most the server's request limit (256 KiB): the
 * sender fills a batch up to this many bytes of JSON as well as up to MAX_PUSH_MUTATIONS.
 */
export const MAX_PUSH_BYTES = MAX_BODY_BYTES;

/**
 * A mutation as sent: the outbox entry's id is the idempotency key. The envelope is checked for
 * the whole request (a bad one is a 400); kind and payload are checked one mutation at a time, so
 * one the server cannot accept comes back `rejected` with its reason instead of blocking the
 * mutations queued behind it.
 */
export const PushEnvelope = z
  .object({ id: z.uuid(), kind: z.string().min(1).max(64), payload: z.unknown() })
  .strict();
export type PushEnvelope = z.input<typeof PushEnvelope>;

/** A mutation the server can apply: the envelope with a known kind and a valid payload. */
export const PushMutation = z.intersection(z.object({ id: z.uuid() }), OutboxMutation);
export type PushMutation = z.output<typeof PushMutation>;

export const PushRequest = z.object({ mutations: z.array(PushEnvelope).min(1).max(MAX_PUSH_MUTATIONS) }).strict();
export type PushRequest = z.input<typeof PushRequest>;

export const PushResult = z.discriminatedUnion('status', [
  z.object({ id: z.uuid(), status: z.literal('applied') }),
  /** Applied by an earlier post of the same id: the retry changed nothing. */
  z.object({ id: z.uuid(), status: z.literal('duplicate') }),
  /** Refused for good; the client keeps the reason and shows it (never retried, never dropped). */
  z.object({ id: z.uuid(), status: z.literal('rejected'), reason: z.string().min(1).max(1_000) }),
]);
export type PushResult = z.output<typeof PushResult>;

/** One result per mutation, in the order sent. */
export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.output<typeof PushResponse>;

export const LiveMessage = z.discriminatedUnion('type', [
  /** Something was committed that this user may pull. */
  z.object({ type: z.literal('changed') }),
  z.object({ type: z.literal('hello'), serverTime: z.string() }),
  /** An agent's presence changed (sent to supervisors' consoles only): read the wallboard again. */
  z.object({ type: z.literal('presence') }),
]);
export type LiveMessage = z.output<typeof LiveMessage>;

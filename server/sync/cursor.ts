import { HttpError } from '../http/errors';

/**
 * A position in the change feed: the (txid, version) of the last row handed out. On the wire it
 * is `v1.<txid>.<version>` — opaque to clients, readable in a log. Both parts are kept as decimal
 * strings: txid is an unsigned 64-bit xid8 and version a signed 64-bit bigint, beyond JS numbers.
 */
export interface FeedPosition {
  txid: string;
  version: string;
}

/** Before every row: real transaction ids start at 3 and versions at 1. */
export const FEED_START: FeedPosition = { txid: '0', version: '0' };

const SHAPE = /^v1\.(0|[1-9]\d{0,19})\.(0|[1-9]\d{0,18})$/;
const MAX_XID8 = 18446744073709551615n;
const MAX_BIGINT = 9223372036854775807n;

export function encodeCursor(position: FeedPosition): string {
  return `v1.${position.txid}.${position.version}`;
}

/** The position a client's cursor stands for; anything else is a 400 (never a query). */
export function decodeCursor(cursor: string): FeedPosition {
  const match = SHAPE.exec(cursor);
  const txid = match?.[1];
  const version = match?.[2];
  if (!txid || !version || BigInt(txid) > MAX_XID8 || BigInt(version) > MAX_BIGINT) {
    throw new HttpError(400, 'INVALID_INPUT', 'The sync cursor is not one this server handed out; pull again without a cursor.', {
      issues: [{ path: 'cursor', message: 'Not a sync cursor.' }],
    });
  }
  return { txid, version };
}

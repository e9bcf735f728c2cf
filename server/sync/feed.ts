import type { Db, Tx } from '../db/db';
import { FEED_START, type FeedPosition } from './cursor';

/**
 * The change feed: customers, orders and interactions in one order, (txid, version), read by
 * keyset pages over the `*_feed` indexes (the planner merges the three index scans, so a page
 * costs its own rows, wherever it starts). Each row leaves PostgreSQL as the SyncRow JSON text the
 * client parses (shared/domain/sync-row.ts), so the server only concatenates lines.
 *
 * The bound: only rows whose txid is below the oldest transaction still running
 * (pg_snapshot_xmin of the statement's snapshot) are returned. Every transaction below that bound
 * has ended, so no row can later appear before the last row handed out; a transaction that stays
 * open holds the feed back until it ends — the price of never skipping a row. xid8 throughout,
 * never 32-bit xid, whose wraparound would reorder the feed.
 */

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;

const tombstone = (alias: string) => `json_build_object('id', ${alias}.id, 'version', ${alias}.version::text, 'deleted', true)`;

const CUSTOMER_DATA = `CASE WHEN c.deleted THEN ${tombstone('c')} ELSE json_build_object(
  'id', c.id, 'name', c.name, 'emails', c.emails, 'accountNumbers', c.account_numbers, 'language', c.language,
  'tags', c.tags,
  'phones', coalesce((SELECT json_agg(json_build_object('number', p.raw, 'label', p.label) ORDER BY p.position)
                        FROM customer_phones p WHERE p.customer_id = c.id), '[]'::json),
  'addresses', c.addresses, 'version', c.version::text) END`;

const ORDER_DATA = `CASE WHEN o.deleted THEN ${tombstone('o')} ELSE json_build_object(
  'id', o.id, 'customerId', o.customer_id, 'number', o.number, 'status', o.status, 'placedAt', ${iso('o.placed_at')},
  'deliveredAt', ${iso('o.delivered_at')}, 'channel', o.channel, 'currency', o.currency, 'totalMinor', o.total_minor,
  'items', coalesce((SELECT json_agg(json_build_object('sku', it.sku, 'name', it.name, 'quantity', it.quantity,
                                                       'unitPriceMinor', it.unit_price_minor, 'category', it.category) ORDER BY it.line)
                       FROM order_items it WHERE it.order_id = o.id), '[]'::json),
  'version', o.version::text) END`;

// The kind's fields first, the envelope last: a stray envelope key in details can never win.
const INTERACTION_DATA = `CASE WHEN i.deleted THEN ${tombstone('i')} ELSE (i.details || jsonb_build_object(
  'id', i.id, 'customerId', i.customer_id, 'kind', i.kind, 'occurredAt', ${iso('i.occurred_at')},
  'author', CASE WHEN i.author_id IS NULL THEN NULL ELSE jsonb_build_object('id', i.author_id, 'name', coalesce(i.author_name, i.author_id)) END,
  'orderId', i.order_id, 'text', i.text, 'version', i.version::text))::json END`;

const line = (entity: string, data: string) => `json_build_object('entity', '${entity}', 'data', ${data})::text`;

/** The three entity scans merged in feed order; $1/$2 are the position after which to read. */
const FEED_SQL = `
SELECT f.txid::text AS txid, f.version::text AS version, f.line
  FROM (SELECT c.txid, c.version, ${line('customer', CUSTOMER_DATA)} AS line FROM customers c
        UNION ALL
        SELECT o.txid, o.version, ${line('order', ORDER_DATA)} FROM orders o
        UNION ALL
        SELECT i.txid, i.version, ${line('interaction', INTERACTION_DATA)} FROM interactions i) f
 WHERE (f.txid, f.version) > ($1::xid8, $2::bigint)
   AND f.txid < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY f.txid, f.version
 LIMIT $3`;

export interface FeedPage {
  /** SyncRow JSON texts, in feed order. */
  lines: string[];
  /** The feed position of each line. */
  positions: FeedPosition[];
  /** The position of the last line; null when the page is empty. */
  last: FeedPosition | null;
}

/**
 * Pins the feed's queries to the (txid, version) indexes. Without statistics (PGlite never
 * auto-analyzes) the planner guesses a third of each table lies after any cursor and scans whole
 * tables: an empty pull of a caught-up console then costs seconds at a million customers, and a
 * floor of consoles pulling after every poke queues minutes of it. With these, it is an index probe.
 */
async function pinFeedPlan(tx: Tx): Promise<void> {
  await tx.query('SET LOCAL enable_bitmapscan = off');
  await tx.query('SET LOCAL enable_sort = off');
  await tx.query('SET LOCAL enable_seqscan = off');
}

/**
 * One page after `after`. The planner settings pin the plan to the merged index scans: PGlite
 * never auto-analyzes, and with stale statistics the planner may otherwise sort every row after
 * the cursor to return the first thousand — fine at 100 rows, ruinous at a million.
 */
export async function readFeedPage(db: Db, after: FeedPosition = FEED_START, limit: number): Promise<FeedPage> {
  const rows = await db.transaction(async (tx) => {
    await pinFeedPlan(tx);
    return (await tx.query<{ txid: string; version: string; line: string }>(FEED_SQL, [after.txid, after.version, limit])).rows;
  });
  const positions = rows.map((r) => ({ txid: r.txid, version: r.version }));
  return { lines: rows.map((r) => r.line), positions, last: positions[positions.length - 1] ?? null };
}

/**
 * Up to about this many rows waiting are counted exactly; beyond it the figure is estimated from
 * the version sequence, so a progress bar costs one cheap query even before a million-row load.
 */
const EXACT_COUNT_LIMIT = 2_000;

const COUNT_SQL = `
SELECT count(*)::int AS n FROM (
  SELECT 1 FROM (SELECT txid, version FROM customers UNION ALL SELECT txid, version FROM orders
                 UNION ALL SELECT txid, version FROM interactions) f
   WHERE (f.txid, f.version) > ($1::xid8, $2::bigint) LIMIT ${EXACT_COUNT_LIMIT + 1}) w`;

/**
 * How many rows wait after `after`, for progress bars. Every row written since took a version
 * above the cursor's, so the versions handed out since are the estimate (a row written twice
 * counts twice); when that is small the rows are counted exactly, which also catches the odd row
 * whose version is below the cursor's because its transaction committed late.
 */
export async function estimateRemaining(db: Db, after: FeedPosition = FEED_START): Promise<number> {
  const { rows } = await db.query<{ gap: string }>(
    `SELECT greatest(0, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM sync_version) - $1::bigint)::text AS gap`,
    [after.version],
  );
  const gap = Number(rows[0]?.gap ?? 0);
  if (gap > EXACT_COUNT_LIMIT) return gap;
  return db.transaction(async (tx) => {
    await pinFeedPlan(tx);
    return (await tx.query<{ n: number }>(COUNT_SQL, [after.txid, after.version])).rows[0]?.n ?? 0;
  });
}

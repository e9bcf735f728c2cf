/**
 * The order facts the returns policy decides on: when the parcel arrived (the window counts from
 * it), where the order was placed (Brazil's withdrawal right), each item's category (excluded or
 * with its own window). The server always had these facts; a cache written before only dropped
 * them, and its rows would keep null until each order changed. So the pull cursor is forgotten:
 * the next pull walks the feed again and rewrites every row with its facts (same version: the
 * upsert keeps `>=`). The cache stays caught up meanwhile — no first-load screen, searches and
 * notes go on — it is only a longer catch-up, once.
 */
export const sql = /* sql */ `
ALTER TABLE orders ADD COLUMN delivered_at TEXT;
ALTER TABLE orders ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE order_items ADD COLUMN category TEXT;
DELETE FROM sync_state;
`;

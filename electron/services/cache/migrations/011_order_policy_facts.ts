/**
 * The order facts the returns policy decides on: when the parcel arrived (the window counts from
 * it), where the order was placed (Brazil's withdrawal right), each item's category (excluded or
 * with its own window). Rows cached before keep null / 'online', as the server's defaults say.
 */
export const sql = /* sql */ `
ALTER TABLE orders ADD COLUMN delivered_at TEXT;
ALTER TABLE orders ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
ALTER TABLE order_items ADD COLUMN category TEXT;
`;

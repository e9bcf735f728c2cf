/**
 * The first cache schema.
 *
 * - `customers.rid` is an explicit INTEGER PRIMARY KEY because `customer_fts` is keyed by it:
 *   VACUUM may renumber implicit rowids, which would silently point the index at other customers.
 * - Phones and account numbers live in child tables (cascade on delete) so caller ID and
 *   exact-identifier lookups are index seeks. Only children the cache itself writes carry foreign
 *   keys: a pull batch may legitimately deliver an order or interaction before its customer.
 * - `customer_fts` is contentless (the text lives in the base tables), with contentless_delete so
 *   a changed customer's document can be replaced. Prefix indexes of 2 and 3 characters make
 *   search-as-you-type on the first letters cheap.
 * - Versions are INTEGER (64-bit) and compared numerically when rows are upserted.
 */
export const sql = /* sql */ `
CREATE TABLE customers (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  emails TEXT NOT NULL DEFAULT '[]',
  account_numbers TEXT NOT NULL DEFAULT '[]',
  language TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  addresses TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX customers_by_name ON customers(name_folded);

CREATE TABLE customer_phones (
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  label TEXT NOT NULL,
  e164 TEXT,
  suffix TEXT,
  PRIMARY KEY (customer_id, position)
) STRICT;
CREATE INDEX customer_phones_by_e164 ON customer_phones(e164) WHERE e164 IS NOT NULL;
CREATE INDEX customer_phones_by_suffix ON customer_phones(suffix) WHERE suffix IS NOT NULL;

CREATE TABLE customer_accounts (
  customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  account TEXT NOT NULL,
  account_key TEXT NOT NULL,
  PRIMARY KEY (customer_id, position)
) STRICT;
CREATE INDEX customer_accounts_by_key ON customer_accounts(account_key);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  number TEXT NOT NULL,
  number_key TEXT NOT NULL,
  status TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  currency TEXT NOT NULL,
  total_minor INTEGER NOT NULL,
  version INTEGER NOT NULL
) STRICT;
CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
CREATE INDEX orders_by_number ON orders(number_key);

CREATE TABLE order_items (
  order_id TEXT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price_minor INTEGER NOT NULL,
  PRIMARY KEY (order_id, line)
) STRICT;

CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT,
  order_id TEXT,
  text TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  version INTEGER NOT NULL,
  -- 1 while the row was written on this machine and not yet seen back from the server.
  local INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX interactions_by_customer ON interactions(customer_id, occurred_at DESC);

CREATE TABLE sync_state (
  stream TEXT PRIMARY KEY,
  cursor TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error TEXT,
  rejected_reason TEXT,
  rejected_at TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(seq) WHERE rejected_reason IS NULL;

CREATE VIRTUAL TABLE customer_fts USING fts5(
  name, emails, accounts, notes,
  content = '',
  contentless_delete = 1,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '2 3'
);
`;

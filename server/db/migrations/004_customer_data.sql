-- Customer data, its change feed, the content later features fill, and the push bookkeeping.
--
-- Every synced row carries `version` (from one sequence shared by all synced tables) and `txid`
-- (the 64-bit id of the transaction that last wrote it). Inserts take both from the column
-- defaults; every UPDATE gets fresh ones from the `sync_stamp` trigger, so no writer can forget.
-- The pull feed is ordered by (txid, version) and stops before the oldest transaction still in
-- flight, so a row committed late can never fall behind a cursor already handed out.
-- Deletes are tombstones: `deleted = true`, the row stays (its version tells caches to drop it).
-- Child rows (customer_phones, order_items) carry no version: whoever writes them also updates
-- the parent row in the same transaction, which re-stamps it (server/customers does).

CREATE SEQUENCE sync_version AS bigint;

CREATE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('sync_version');
  NEW.txid := pg_current_xact_id();
  NEW.updated_at := now();
  RETURN NEW;
END $$;

-- One poke per writing statement; PostgreSQL folds identical notifications of a transaction into
-- one and delivers it after commit, to every server instance listening.
CREATE FUNCTION sync_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kalma_changes', '');
  RETURN NULL;
END $$;

CREATE TABLE customers (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  name text NOT NULL,
  language text,
  tags text[] NOT NULL DEFAULT '{}',
  emails text[] NOT NULL DEFAULT '{}',
  account_numbers text[] NOT NULL DEFAULT '{}',
  -- [{label, lines[], city, region, postalCode, country}] as in shared/domain/customer.ts Address.
  addresses jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT nextval('sync_version'),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX customers_feed ON customers (txid, version);
CREATE INDEX customers_account_numbers ON customers USING gin (account_numbers);

CREATE TABLE customer_phones (
  customer_id text NOT NULL REFERENCES customers (id),
  position integer NOT NULL,
  -- As the record has it (what the customer gave); e164 is null when it is not a possible number.
  raw text NOT NULL,
  e164 text,
  label text NOT NULL DEFAULT 'mobile' CHECK (label IN ('mobile', 'home', 'work', 'other')),
  PRIMARY KEY (customer_id, position)
);
CREATE INDEX customer_phones_e164 ON customer_phones (e164);

CREATE TABLE orders (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  customer_id text NOT NULL REFERENCES customers (id),
  number text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded', 'exchanged')),
  placed_at timestamptz NOT NULL,
  delivered_at timestamptz,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_minor bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT nextval('sync_version'),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX orders_feed ON orders (txid, version);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_number ON orders (number);

CREATE TABLE order_items (
  order_id text NOT NULL REFERENCES orders (id),
  line integer NOT NULL,
  sku text NOT NULL,
  name text NOT NULL,
  category text,
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL,
  PRIMARY KEY (order_id, line)
);

CREATE TABLE interactions (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  customer_id text NOT NULL REFERENCES customers (id),
  kind text NOT NULL CHECK (kind IN ('call', 'note', 'complaint', 'return_request', 'refund_request', 'exchange_request', 'escalation', 'callback', 'survey')),
  occurred_at timestamptz NOT NULL,
  -- Who wrote it, as shown in the history; null for system records (imported surveys …).
  author_id text,
  author_name text,
  order_id text REFERENCES orders (id),
  text text NOT NULL DEFAULT '',
  -- The kind's own fields (direction, durationSec, disposition, status, reason, dueAt, csat …).
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT nextval('sync_version'),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX interactions_feed ON interactions (txid, version);
CREATE INDEX interactions_customer ON interactions (customer_id, occurred_at);

CREATE TRIGGER customers_stamp BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION sync_stamp();
CREATE TRIGGER orders_stamp BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION sync_stamp();
CREATE TRIGGER interactions_stamp BEFORE UPDATE ON interactions FOR EACH ROW EXECUTE FUNCTION sync_stamp();
CREATE TRIGGER customers_notify AFTER INSERT OR UPDATE OR DELETE ON customers FOR EACH STATEMENT EXECUTE FUNCTION sync_notify();
CREATE TRIGGER orders_notify AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH STATEMENT EXECUTE FUNCTION sync_notify();
CREATE TRIGGER interactions_notify AFTER INSERT OR UPDATE OR DELETE ON interactions FOR EACH STATEMENT EXECUTE FUNCTION sync_notify();

-- What an agent may pick at the end of a call. Labels per UI language: {"en": …, "fil": …, "pt-BR": …}.
CREATE TABLE disposition_codes (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  labels jsonb NOT NULL DEFAULT '{}',
  category text,
  requires_callback boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT nextval('sync_version'),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE TRIGGER disposition_codes_stamp BEFORE UPDATE ON disposition_codes FOR EACH ROW EXECUTE FUNCTION sync_stamp();

-- Authored content for later features: call scripts, policies, role-play scenarios. `kind` is the
-- content's own sort (greeting, refund-policy, angry-customer …); `body` its document.
CREATE TABLE scripts (
  id text PRIMARY KEY,
  kind text NOT NULL,
  title text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'en',
  body jsonb NOT NULL DEFAULT '{}',
  published boolean NOT NULL DEFAULT false,
  updated_by text REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT nextval('sync_version'),
  txid xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE TABLE policies (LIKE scripts INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE policies ADD PRIMARY KEY (id), ADD FOREIGN KEY (updated_by) REFERENCES users (id);
CREATE TABLE scenarios (LIKE scripts INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE scenarios ADD PRIMARY KEY (id), ADD FOREIGN KEY (updated_by) REFERENCES users (id);
CREATE TRIGGER scripts_stamp BEFORE UPDATE ON scripts FOR EACH ROW EXECUTE FUNCTION sync_stamp();
CREATE TRIGGER policies_stamp BEFORE UPDATE ON policies FOR EACH ROW EXECUTE FUNCTION sync_stamp();
CREATE TRIGGER scenarios_stamp BEFORE UPDATE ON scenarios FOR EACH ROW EXECUTE FUNCTION sync_stamp();

-- Every pushed mutation id, written in the transaction that applied (or refused) it: a retried
-- post finds its id here and changes nothing.
CREATE TABLE applied_mutations (
  id uuid PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  result text NOT NULL CHECK (result IN ('applied', 'rejected')),
  reason text
);
CREATE INDEX applied_mutations_user ON applied_mutations (user_id, applied_at);

-- The audit trail of customer field edits: every edit, including the ones a later writer won over.
CREATE TABLE customer_field_edits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  user_id text REFERENCES users (id),
  mutation_id uuid,
  -- When the agent made the edit (their clock, never later than the server's), and when it arrived.
  edited_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- The customer version the agent edited from, and the version this edit produced (null: not applied).
  base_version bigint,
  result_version bigint,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'superseded')),
  -- Someone else changed this field after base_version: two agents edited it concurrently.
  conflict boolean NOT NULL DEFAULT false
);
CREATE INDEX customer_field_edits_customer ON customer_field_edits (customer_id, field, result_version);

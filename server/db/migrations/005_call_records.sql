-- The phone's record of every call an agent's console handled (shared/phone/call-record.ts),
-- pushed through the outbox like other agent writes. Calls with no customer (an internal call, a
-- number nobody has) are kept too: attendance, handling time and QA later read this table.
-- Both ends of an internal call log the same SIP Call-ID, so the key is (agent, call).
-- customer_id is not a foreign key: the screen-pop may have matched a customer that was merged or
-- deleted on the server before the record arrived, and the record must still be kept.

CREATE TABLE call_records (
  agent_id text NOT NULL REFERENCES users (id),
  call_id text NOT NULL CHECK (length(call_id) BETWEEN 1 AND 300),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  number text NOT NULL,
  remote_uri text NOT NULL,
  customer_id text,
  line smallint NOT NULL CHECK (line IN (1, 2)),
  started_at timestamptz NOT NULL,
  answered_at timestamptz,
  ended_at timestamptz NOT NULL,
  end_cause text NOT NULL,
  -- [{kind, target, at, outcome}] as in shared/phone/call-record.ts CallTransfer.
  transfers jsonb NOT NULL DEFAULT '[]',
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agent_id, call_id),
  CHECK (ended_at >= started_at),
  CHECK (answered_at IS NULL OR answered_at BETWEEN started_at AND ended_at)
);

CREATE INDEX call_records_agent_time ON call_records (agent_id, started_at DESC);
CREATE INDEX call_records_customer ON call_records (customer_id, started_at DESC) WHERE customer_id IS NOT NULL;

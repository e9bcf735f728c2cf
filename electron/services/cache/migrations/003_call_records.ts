/**
 * The phone's record of each call this person handled on this machine (shared/phone/call-record.ts).
 * Kept after the server has it: the agent's own recent calls read from here without the network.
 * `call_id` is the SIP session's id; a record reported twice (the console retrying after a lost
 * reply) is one row. The outbox carries the copy bound for the server.
 */
export const sql = /* sql */ `
CREATE TABLE call_records (
  call_id TEXT PRIMARY KEY,
  direction TEXT NOT NULL,
  number TEXT NOT NULL,
  remote_uri TEXT NOT NULL,
  customer_id TEXT,
  line INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  answered_at TEXT,
  ended_at TEXT NOT NULL,
  end_cause TEXT NOT NULL,
  transfers TEXT NOT NULL CHECK (json_valid(transfers))
) STRICT;
CREATE INDEX call_records_by_start ON call_records(started_at);
`;

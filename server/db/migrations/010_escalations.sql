-- Escalations (representative → manager → director) and the call's reference number.
--
-- An escalation is an `escalation` row in `interactions`: details.level is where it waits,
-- details.status is 'open' until someone approves or denies it, details.packet is what the agent's
-- console filled in (customer, order and item, policy result, the exception asked for, script steps
-- and triggers, notes, the call and its reference number), and details.trail the steps taken since.
-- Writing the row re-stamps it, so each decision reaches every console through the pull feed.
-- This table is the audit: every step, including the ones the trail has folded away, with the
-- person's role and approval level as the server knew them when they acted.

-- The level a supervisor decides at; null: by role (supervisors decide as managers, admins at
-- every level). `UPDATE users SET approval_level = 'director' WHERE username = 'ana'` makes Ana a director.
ALTER TABLE users ADD COLUMN approval_level text CHECK (approval_level IN ('manager', 'director'));

CREATE TABLE escalation_decisions (
  -- The step's id, made where it was taken (the raising step uses the escalation's own id).
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  escalation_id text NOT NULL REFERENCES interactions (id),
  -- The outbox entry that carried it.
  mutation_id uuid NOT NULL,
  user_id text NOT NULL REFERENCES users (id),
  user_name text NOT NULL,
  role text NOT NULL,
  acted_as text NOT NULL CHECK (acted_as IN ('representative', 'manager', 'director')),
  -- 'raise' also covers the agent raising it in the first place (level_before = 'representative').
  decision text NOT NULL CHECK (decision IN ('raise', 'approve', 'deny')),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
  level_before text NOT NULL CHECK (level_before IN ('representative', 'manager', 'director')),
  level_after text NOT NULL CHECK (level_after IN ('manager', 'director')),
  -- The manager's approval limit sent it to a director (on raising, or instead of an approval).
  over_limit boolean NOT NULL DEFAULT false,
  -- When the person acted (their console's clock, never later than the server's), and when it arrived.
  decided_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX escalation_decisions_escalation ON escalation_decisions (escalation_id, decided_at, id);
CREATE INDEX escalation_decisions_user ON escalation_decisions (user_id, decided_at);

-- The open escalations, oldest first, per level: the queue the wallboard reads.
CREATE INDEX interactions_open_escalations ON interactions ((details ->> 'level'), occurred_at)
  WHERE kind = 'escalation' AND NOT deleted AND details ->> 'status' = 'open';

-- The number the agent read out for the call (shared/phone/call-reference.ts); null on older records.
ALTER TABLE call_records ADD COLUMN reference text CHECK (reference ~ '^[0-9]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$');
CREATE INDEX call_records_reference ON call_records (reference) WHERE reference IS NOT NULL;

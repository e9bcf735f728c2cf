-- Every agent state change (available, on call, after-call work, break, lunch, training, meeting,
-- offline) with the time the console recorded it. Consoles push them through the outbox, so a
-- change made offline arrives later with its own time; `received_at` tells the two apart.
-- Attendance and adherence (the supervisor and manager features) read this log.

CREATE TABLE agent_state_log (
  id uuid PRIMARY KEY,
  agent_id text NOT NULL REFERENCES users (id),
  state text NOT NULL CHECK (state IN ('available', 'on_call', 'after_call_work', 'break', 'lunch', 'training', 'meeting', 'offline')),
  reason text CHECK (length(reason) <= 200),
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX agent_state_log_agent_time ON agent_state_log (agent_id, at DESC);

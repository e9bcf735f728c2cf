-- Schedules (server/schedules/, shared/schedules/). One row per team: its time zone (shift times
-- are local there) and the grace period for late log-ins. One row per agent of a team: the weekly
-- pattern and the one-off changes, as shared/schedules/shift.ts writes them (parsed with zod
-- wherever read). Adherence and lateness are not stored: they are read from agent_state_log.

CREATE TABLE team_schedules (
  team_id text PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  time_zone text NOT NULL,
  grace_minutes integer NOT NULL DEFAULT 5 CHECK (grace_minutes BETWEEN 0 AND 120),
  updated_by text REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agent_schedules (
  team_id text NOT NULL REFERENCES team_schedules (team_id) ON DELETE CASCADE,
  agent_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- {mon..sun: Shift | null}
  pattern jsonb NOT NULL,
  -- [{date, shift: Shift | null}]
  changes jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (team_id, agent_id)
);

CREATE INDEX agent_schedules_agent ON agent_schedules (agent_id);

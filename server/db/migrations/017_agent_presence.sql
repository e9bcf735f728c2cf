-- Each agent's presence: what their console said last on its live socket about the agent's state
-- and the calls on its lines (shared/domain/presence.ts). One row per agent, written by whichever
-- server instance holds the console's socket, so every instance behind the load balancer reads
-- the same wallboard. `seen_at` is the database's clock at the last frame: a row not seen for a
-- few seconds is an unreachable console, whichever instance held it (or if that instance died).
-- Changes are announced on the `kalma_presence` channel with the agent's id.

CREATE TABLE agent_presence (
  agent_id text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- The socket that wrote the row: a close on an old socket must not mark a newer one gone.
  connection_id uuid NOT NULL,
  connected boolean NOT NULL,
  state text NOT NULL CHECK (state IN ('available', 'on_call', 'after_call_work', 'break', 'lunch', 'training', 'meeting', 'offline', 'recovery')),
  state_since timestamptz NOT NULL,
  -- [LiveCall] as in shared/domain/presence.ts; parsed with zod wherever it is read.
  calls jsonb NOT NULL DEFAULT '[]',
  seen_at timestamptz NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- The sweep that marks quiet consoles unreachable reads only the connected rows.
CREATE INDEX agent_presence_seen ON agent_presence (seen_at) WHERE connected;

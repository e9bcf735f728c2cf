/**
 * The agent's state log on this machine: each change with its time, queued for the server through
 * the outbox. The latest row is the agent's state now, so a console restarted mid-break resumes
 * the break instead of offering calls.
 */
export const sql = /* sql */ `
CREATE TABLE agent_states (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  reason TEXT,
  at TEXT NOT NULL
) STRICT;
`;

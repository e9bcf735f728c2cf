-- The recovery pause an agent may take after a call flagged abusive (Brazil's NR-17 Annex II asks
-- for one). It goes in the state log like any other state, so attendance counts it as a pause the
-- floor granted rather than as a break the agent chose.

ALTER TABLE agent_state_log DROP CONSTRAINT agent_state_log_state_check;
ALTER TABLE agent_state_log ADD CONSTRAINT agent_state_log_state_check
  CHECK (state IN ('available', 'on_call', 'after_call_work', 'break', 'lunch', 'training', 'meeting', 'offline', 'recovery'));

-- Admins edit the floor's returns policy pack (the `policies` row 'policy-pack'): every saved pack
-- is kept with who saved it and when, the audit of what agents were told they may grant.
CREATE TABLE policy_pack_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pack_version integer NOT NULL CHECK (pack_version >= 1),
  body jsonb NOT NULL,
  saved_by text NOT NULL REFERENCES users (id),
  saved_at timestamptz NOT NULL DEFAULT now()
);

-- Each team's guidance trigger thresholds (GuidanceThresholds); a team without a row runs on the
-- defaults. Supervisors of the team and admins change them; every change is kept below.
CREATE TABLE team_guidance_thresholds (
  team_id text PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  body jsonb NOT NULL,
  updated_by text NOT NULL REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_threshold_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  body jsonb NOT NULL,
  changed_by text NOT NULL REFERENCES users (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX team_threshold_changes_team ON team_threshold_changes (team_id, changed_at);

-- Post-call surveys (server/surveys/). A wrap-up with the survey flag on a call with a customer
-- makes one invitation in the push's transaction; its link is `/s/<id>.<hmac>`, signed with the
-- secret below. The token itself is never stored: it is derived again from the id when a link is
-- exported or posted to the webhook.

CREATE TABLE survey_link_secrets (
  id text PRIMARY KEY,
  secret text NOT NULL,        -- base64, 32 random bytes
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_invitations (
  id text PRIMARY KEY,         -- a random UUID, the link's payload
  call_id text NOT NULL,
  customer_id text NOT NULL,
  agent_id text NOT NULL REFERENCES users (id),
  team_id text,                -- the agent's team when the call was wrapped up
  language text NOT NULL CHECK (language IN ('en', 'fil', 'pt-BR')),
  survey_id text NOT NULL,
  survey_version integer NOT NULL,
  secret_id text NOT NULL REFERENCES survey_link_secrets (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  UNIQUE (agent_id, call_id),
  CHECK (expires_at > created_at)
);

-- What is still to reach the customer. The webhook sender marks rows delivered; the operator's
-- export marks the rest exported. A row the webhook gave up on stays for the export.
CREATE TABLE survey_outbox (
  invitation_id text PRIMARY KEY REFERENCES survey_invitations (id),
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  exported_at timestamptz,
  delivered_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text
);
CREATE INDEX survey_outbox_pending ON survey_outbox (next_attempt_at) WHERE delivered_at IS NULL AND exported_at IS NULL;

-- One answer per invitation (the primary key), with what the call was: who took it, their team,
-- and the guidance it used, so a comment can be read next to the script and policy behind it.
CREATE TABLE survey_responses (
  invitation_id text PRIMARY KEY REFERENCES survey_invitations (id),
  call_id text NOT NULL,
  customer_id text NOT NULL,
  agent_id text NOT NULL REFERENCES users (id),
  team_id text,
  survey_id text NOT NULL,
  survey_version integer NOT NULL,
  csat smallint CHECK (csat BETWEEN 1 AND 5),
  nps smallint CHECK (nps BETWEEN 0 AND 10),
  comment text NOT NULL DEFAULT '',
  -- Every question's answer by id, for a floor's own surveys.
  answers jsonb NOT NULL,
  -- [{scriptId, scriptVersion}] walked in the call, the prompts shown, and the policy pack's version.
  scripts jsonb NOT NULL DEFAULT '[]',
  prompt_ids text[] NOT NULL DEFAULT '{}',
  policy_version text,
  interaction_id text,
  answered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX survey_responses_agent_time ON survey_responses (agent_id, answered_at);

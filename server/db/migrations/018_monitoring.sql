-- Supervisors listen, whisper and barge into agents' calls only with a grant the server signed
-- (shared/monitoring/grant.ts). The Ed25519 key pair lives here so that every server instance
-- behind a load balancer signs with the same key and consoles trust one public key; a rotated key
-- gets a new row and the old public key keeps verifying grants already handed out until they
-- expire. Reading this table is as good as being the server: guard database access accordingly.
CREATE TABLE signing_keys (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('monitoring')),
  public_key text NOT NULL,   -- base64 SPKI DER
  private_key text NOT NULL,  -- base64 PKCS#8 DER
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- Everything that happened around monitoring, for admins: grants given and refused by the
-- server, and what the agent's console did with them (answered, refused with the reason, modes
-- changed, ended, the customer handed to the supervisor on a take-over the server ordered). The
-- console's events arrive through the outbox with the console's own time.
CREATE TABLE monitoring_audit (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  event text NOT NULL CHECK (event IN ('granted', 'grant-refused', 'answered', 'refused', 'mode', 'ended', 'mode-refused', 'take-over', 'taken-over')),
  actor_id text NOT NULL REFERENCES users (id),
  supervisor_id text REFERENCES users (id),
  agent_id text REFERENCES users (id),
  grant_id uuid,
  call_id text CHECK (length(call_id) <= 200),
  modes text[],
  mode text CHECK (mode IN ('listen', 'whisper', 'barge')),
  detail text CHECK (length(detail) <= 500)
);
CREATE INDEX monitoring_audit_at ON monitoring_audit (at DESC);
CREATE INDEX monitoring_audit_grant ON monitoring_audit (grant_id);

-- A retired script leaves the floor: agents stop being offered it on their next sync. Its published
-- versions stay in script_versions, because call records name the version a call walked. Publishing
-- the script again brings it back (the row is deleted), so the table holds only what is retired now.
CREATE TABLE script_retirements (
  script_id text PRIMARY KEY,
  retired_by text REFERENCES users (id),
  retired_at timestamptz NOT NULL DEFAULT now()
);

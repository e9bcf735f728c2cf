-- Guidance scripts as trainers author them. Every published version is kept (a call that started on
-- version 3 keeps reading version 3 while version 4 reaches the floor), with who published it and
-- when: the audit of what agents were told to say. A script has at most one draft in progress.
CREATE TABLE script_versions (
  script_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  body jsonb NOT NULL,
  -- null for the defaults shipped in resources/ and seeded at start-up
  published_by text REFERENCES users (id),
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (script_id, version)
);

CREATE TABLE script_drafts (
  script_id text PRIMARY KEY,
  body jsonb NOT NULL,
  updated_by text REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

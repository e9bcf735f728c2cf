-- Role-play training (shared/roleplay/, server/roleplay/). Kept apart from real work on purpose:
-- nothing here points at customers, interactions or call records, and nothing there points here.

-- Scenarios as trainers write them. Every published version is kept (a session is scored against
-- the version it was played with); a scenario has at most one draft, numbered as the version it
-- would be published as, so publishing turns the draft row into that version.
CREATE TABLE roleplay_scenarios (
  id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  body jsonb NOT NULL,
  -- null for the defaults shipped in resources/roleplay and seeded at start-up
  updated_by text REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);
CREATE UNIQUE INDEX roleplay_scenarios_one_draft ON roleplay_scenarios (id) WHERE status = 'draft';

-- One training call: who played the customer (a trainer, or a team-mate in peer practice), who
-- was trained, the team it counts for, the trainer's marks as given during or after the call (each
-- with `by`), and once finished the feedback and the score computed from the marks.
CREATE TABLE roleplay_sessions (
  id uuid PRIMARY KEY,
  scenario_id text NOT NULL,
  scenario_version integer NOT NULL,
  language text NOT NULL CHECK (language IN ('en', 'fil', 'pt-BR')),
  caller_id text NOT NULL REFERENCES users (id),
  trainee_id text NOT NULL REFERENCES users (id),
  team_id text NOT NULL REFERENCES teams (id),
  peer boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('ready', 'in-call', 'ended', 'scored')),
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  ended_at timestamptz,
  marks jsonb NOT NULL DEFAULT '[]'::jsonb,
  feedback text CHECK (length(feedback) <= 4000),
  score jsonb,
  scored_by text REFERENCES users (id),
  scored_at timestamptz,
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES roleplay_scenarios (id, version),
  CHECK (caller_id <> trainee_id)
);
CREATE INDEX roleplay_sessions_trainee ON roleplay_sessions (trainee_id, created_at DESC);
CREATE INDEX roleplay_sessions_team ON roleplay_sessions (team_id, created_at DESC);

-- The call's audio, recorded on the caller's console with the trainee's consent. Its own table so
-- that listing sessions never reads megabytes of audio.
CREATE TABLE roleplay_recordings (
  session_id uuid PRIMARY KEY REFERENCES roleplay_sessions (id) ON DELETE CASCADE,
  audio bytea NOT NULL,
  bytes integer NOT NULL CHECK (bytes >= 1),
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  recorded_at timestamptz NOT NULL DEFAULT now()
);

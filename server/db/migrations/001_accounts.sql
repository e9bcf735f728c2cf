-- Accounts: teams, users and who belongs to which team.
CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'trainer', 'admin')),
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fil', 'pt-BR')),
  -- Self-describing: scrypt$N$r$p$salt$hash (see server/auth/passwords.ts).
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- "Maria" and "maria" are one person: usernames are unique regardless of case.
CREATE UNIQUE INDEX users_username_lower ON users (lower(username));

CREATE TABLE team_members (
  team_id text NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

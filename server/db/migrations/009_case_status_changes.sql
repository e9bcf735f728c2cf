-- Every status change of a case (a complaint; a return, refund or exchange request), as agents
-- make them: who, when (their console's clock, never later than the server's), from what, to
-- what, and why. This table is the record; the case's row in `interactions` carries a copy of
-- its newest changes in details.statusHistory, and the current status in details.status, so the
-- change reaches every console through the pull feed like any other write to the row.
-- The id is made by the console, so a change sent twice is kept once.

CREATE TABLE case_status_changes (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  interaction_id text NOT NULL REFERENCES interactions (id),
  at timestamptz NOT NULL,
  author_id text NOT NULL REFERENCES users (id),
  author_name text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  received_at timestamptz NOT NULL DEFAULT now()
);

-- The case's history in order (and reports such as "how long until a refund is approved").
CREATE INDEX case_status_changes_case ON case_status_changes (interaction_id, at, id);

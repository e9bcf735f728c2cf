-- Quality evaluations of real calls (shared/qa/, server/qa/): a supervisor scores one agent's call
-- record with the QA rubric, whose version is kept with the marks and the computed score; the
-- agent acknowledges it once, with an optional comment.

CREATE TABLE qa_evaluations (
  id uuid PRIMARY KEY,
  agent_id text NOT NULL,
  call_id text NOT NULL,
  rubric_version integer NOT NULL CHECK (rubric_version >= 1),
  marks jsonb NOT NULL,
  score jsonb NOT NULL,
  feedback text NOT NULL CHECK (length(feedback) BETWEEN 1 AND 4000),
  evaluator_id text NOT NULL REFERENCES users (id),
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  acknowledged_at timestamptz,
  acknowledge_comment text CHECK (length(acknowledge_comment) <= 1000),
  FOREIGN KEY (agent_id, call_id) REFERENCES call_records (agent_id, call_id)
);
CREATE INDEX qa_evaluations_agent ON qa_evaluations (agent_id, evaluated_at DESC);

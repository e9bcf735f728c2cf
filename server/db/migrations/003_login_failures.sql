-- Failed sign-ins within the rate-limit window, shared by every server instance on this database.
-- A row is written before the password is checked and deleted when the sign-in succeeds, so
-- parallel guesses cannot slip past the limit between the check and the write.
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username_key text NOT NULL,
  client_ip text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username ON login_failures (username_key, failed_at);
CREATE INDEX login_failures_ip ON login_failures (client_ip, failed_at);
CREATE INDEX login_failures_failed_at ON login_failures (failed_at);

/**
 * The server's wrap-up setup, as last fetched: the disposition codes and the floor's wrap-up rules,
 * which wrap-up must have with the server down. Replaced whole on each fetch (a short list);
 * `fetched_at` says how fresh the copy is. `wrap_up_rules` holds one row.
 */
export const sql = /* sql */ `
CREATE TABLE disposition_codes (
  code TEXT PRIMARY KEY,
  body TEXT NOT NULL CHECK (json_valid(body)),
  sort_order INTEGER NOT NULL,
  fetched_at TEXT NOT NULL
) STRICT;
CREATE TABLE wrap_up_rules (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  body TEXT NOT NULL CHECK (json_valid(body)),
  fetched_at TEXT NOT NULL
) STRICT;
`;

/**
 * What the agent is typing and has not saved yet (a note, wrap-up notes), kept as they type so a
 * crash or a closed window loses nothing. Keyed by what the text belongs to (`note:<customer>`).
 */
export const sql = /* sql */ `
CREATE TABLE drafts (
  key TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;

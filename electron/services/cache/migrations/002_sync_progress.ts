/**
 * When each pull stream last caught up with the server (a pull that ended with nothing more to
 * fetch). Separate from `sync_state.cursor` because the two answer different questions: the
 * cursor says where to resume, this says whether the cache has ever been complete (is the first
 * load still running?) and how fresh it is ("last synced 14:05").
 */
export const sql = /* sql */ `
CREATE TABLE sync_progress (
  stream TEXT PRIMARY KEY,
  caught_up_at TEXT NOT NULL
) STRICT;
`;

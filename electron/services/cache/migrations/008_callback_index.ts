/**
 * The agent's own scheduled callbacks, by due time: the callbacks list reads this on every change
 * without scanning the whole history (millions of rows on a big floor). Partial, so it holds only
 * the few rows that are callbacks still to make.
 */
export const sql = /* sql */ `
CREATE INDEX interactions_scheduled_callbacks ON interactions(author_id, json_extract(details, '$.dueAt'))
  WHERE kind = 'callback' AND json_extract(details, '$.status') = 'scheduled';
`;

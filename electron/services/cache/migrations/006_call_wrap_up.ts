/**
 * The wrap-up of each call on this machine. `wrapped_up_at` stays null while after-call work is
 * open, so a console restarted mid-wrap-up shows the form again for the same call.
 */
export const sql = /* sql */ `
ALTER TABLE call_records ADD COLUMN disposition TEXT;
ALTER TABLE call_records ADD COLUMN wrap_up_notes TEXT;
ALTER TABLE call_records ADD COLUMN wrapped_up_at TEXT;
CREATE INDEX call_records_awaiting_wrap_up ON call_records(ended_at) WHERE wrapped_up_at IS NULL AND answered_at IS NOT NULL;
`;

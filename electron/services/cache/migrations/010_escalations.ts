/**
 * Escalations and call reference numbers. The supervisor's queue reads the open escalations on
 * every change the sync brings, oldest first, without scanning the whole history (millions of rows
 * on a big floor): the partial index holds only the few escalations still waiting for a decision.
 * `reference` is the number the agent read out for the call (shared/phone/call-reference.ts);
 * records kept before this version have none.
 */
export const sql = /* sql */ `
CREATE INDEX interactions_open_escalations ON interactions(occurred_at)
  WHERE kind = 'escalation' AND json_extract(details, '$.status') = 'open';
ALTER TABLE call_records ADD COLUMN reference TEXT;
`;

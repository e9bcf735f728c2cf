/**
 * The agent's case status changes still waiting in the outbox, by case: every history page the
 * console reads shows them on their cases (a pull may bring a case's row as the server had it
 * before they arrived), so that lookup must not scan an outbox that grew through a shift offline.
 * Partial, so it holds only those few rows.
 */
export const sql = /* sql */ `
CREATE INDEX outbox_pending_case_status ON outbox(json_extract(payload, '$.interactionId'))
  WHERE kind = 'case.status' AND rejected_reason IS NULL;
`;

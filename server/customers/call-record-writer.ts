import type { Author } from '../../shared/domain/interaction';
import type { CallRecord } from '../../shared/phone/call-record';
import type { WrapUp } from '../../shared/domain/wrap-up';
import type { Queryable } from '../db/db';
import { DEFAULT_SURVEY_TTL_DAYS } from '../surveys/survey-config';
import { inviteToSurvey } from '../surveys/invitation-writer';
import { Rejection } from './rejection';

/**
 * Keeps a console's record of one call. The agent is whoever is signed in, never a field of the
 * payload. The same call reported again (a console that lost the reply and sent it under a new
 * mutation id after a crash) keeps the first record: a call ends once.
 */
export async function recordCall(q: Queryable, agent: Author, record: CallRecord): Promise<void> {
  await q.query(
    `INSERT INTO call_records (agent_id, call_id, direction, number, remote_uri, customer_id, line,
                               started_at, answered_at, ended_at, end_cause, transfers, reference)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13)
     ON CONFLICT (agent_id, call_id) DO NOTHING`,
    [
      agent.id,
      record.id,
      record.direction,
      record.number,
      record.remoteUri,
      record.customerId,
      record.line,
      record.startedAt,
      record.answeredAt,
      record.endedAt,
      record.endCause,
      JSON.stringify(record.transfers),
      record.reference ?? null,
    ],
  );
}

/**
 * The wrap-up of a call the same agent recorded. The first wrap-up stands: a console that resends
 * one after a crash changes nothing. A wrap-up for a call the server has no record of is refused
 * (the console sends the record first, so this is a console bug worth seeing). The wrap-up says who
 * the call was with in the end: the record went up with the caller ID's guess, and the agent may
 * have linked the call to someone else since. With the survey flag the customer is invited to the
 * post-call survey (server/surveys/).
 */
export async function wrapUpCall(q: Queryable, agent: Author, wrapUp: WrapUp, surveyTtlDays = DEFAULT_SURVEY_TTL_DAYS): Promise<void> {
  const { rows } = await q.query<{ wrapped: boolean }>(
    `SELECT wrapped_up_at IS NOT NULL AS wrapped FROM call_records WHERE agent_id = $1 AND call_id = $2 FOR UPDATE`,
    [agent.id, wrapUp.callId],
  );
  const call = rows[0];
  if (!call) throw new Rejection('The server has no record of this call, so its wrap-up was not saved there.');
  if (call.wrapped) return;
  // A code retired since the console fetched its list is still a true answer; one never defined is not.
  const known = await q.query('SELECT 1 FROM disposition_codes WHERE code = $1', [wrapUp.disposition]);
  if (known.rowCount === 0) throw new Rejection(`The disposition "${wrapUp.disposition}" is not one this floor uses; the wrap-up was not saved there.`);
  // A wrap-up from a console older than linking says nothing about the customer: the record's stays.
  const linked = wrapUp.customerId !== undefined;
  await q.query(
    `UPDATE call_records SET disposition = $3, wrap_up_notes = $4, follow_up_at = $5, survey_requested = $6,
            wrapped_up_at = $7, wrap_up_automatic = $8,
            customer_id = CASE WHEN $9::boolean THEN $10::text ELSE customer_id END,
            guidance = $11::jsonb, abusive = $12
     WHERE agent_id = $1 AND call_id = $2`,
    [
      agent.id,
      wrapUp.callId,
      wrapUp.disposition,
      wrapUp.notes,
      wrapUp.followUpAt,
      wrapUp.surveyRequested,
      wrapUp.wrappedUpAt,
      wrapUp.automatic,
      linked,
      wrapUp.customerId ?? null,
      // The payload was parsed with the shared schema at the sync boundary; null when nothing fired.
      wrapUp.guidance ? JSON.stringify(wrapUp.guidance) : null,
      wrapUp.abusive,
    ],
  );
  // The survey flag on a call with a customer: one invitation, in this same transaction.
  if (wrapUp.surveyRequested) await inviteToSurvey(q, agent.id, wrapUp.callId, surveyTtlDays);
}

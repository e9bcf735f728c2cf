import { randomUUID } from 'node:crypto';
import { surveyLanguageOf } from '../../shared/surveys/survey-definition';
import { STANDARD_SURVEY } from '../../shared/surveys/standard-survey';
import type { Queryable } from '../db/db';
import { currentLinkSecret } from './link-token';

/**
 * The invitation a wrap-up with the survey flag makes, in the push's own transaction: one per call
 * (a resent wrap-up changes nothing), only when the call is with a customer the server knows, in
 * the customer's language, with the phone and email to reach them in the outbox.
 * Returns the invitation id, or null when there is nobody to ask.
 */
export async function inviteToSurvey(q: Queryable, agentId: string, callId: string, ttlDays: number): Promise<string | null> {
  const { rows } = await q.query<{ customer_id: string; language: string | null; phone: string | null; email: string | null; team_id: string | null }>(
    `SELECT c.id AS customer_id, c.language,
            (SELECT coalesce(p.e164, p.raw) FROM customer_phones p WHERE p.customer_id = c.id
              ORDER BY (p.label = 'mobile') DESC, p.position LIMIT 1) AS phone,
            c.emails[1] AS email,
            (SELECT m.team_id FROM team_members m WHERE m.user_id = r.agent_id ORDER BY m.team_id LIMIT 1) AS team_id
       FROM call_records r JOIN customers c ON c.id = r.customer_id AND NOT c.deleted
      WHERE r.agent_id = $1 AND r.call_id = $2`,
    [agentId, callId],
  );
  const call = rows[0];
  if (!call) return null;
  const secret = await currentLinkSecret(q);
  const id = randomUUID();
  const made = await q.query(
    `INSERT INTO survey_invitations (id, call_id, customer_id, agent_id, team_id, language, survey_id, survey_version, secret_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + $10::double precision * interval '1 day')
     ON CONFLICT (agent_id, call_id) DO NOTHING`,
    [id, callId, call.customer_id, agentId, call.team_id, surveyLanguageOf(call.language), STANDARD_SURVEY.id, STANDARD_SURVEY.version, secret.id, ttlDays],
  );
  if (made.rowCount === 0) return null;
  await q.query('INSERT INTO survey_outbox (invitation_id, phone, email) VALUES ($1, $2, $3)', [id, call.phone, call.email]);
  return id;
}

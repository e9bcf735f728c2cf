import type { SurveyAnswer, SurveyMeasures } from '../../shared/surveys/survey-definition';
import type { Db, Queryable } from '../db/db';
import { invitationIdOf, linkSecret, macMatches } from './link-token';

/**
 * Looking up a link and storing its one answer. The answer, the invitation's answered_at and the
 * `survey` interaction on the customer's timeline are one transaction; the conditional update on
 * the invitation row is what makes two simultaneous posts end with one answer.
 */

export interface Invitation {
  id: string;
  callId: string;
  customerId: string;
  agentId: string;
  teamId: string | null;
  language: 'en' | 'fil' | 'pt-BR';
  surveyId: string;
  surveyVersion: number;
}

export type LinkState = { state: 'invalid' } | { state: 'open' | 'answered' | 'expired'; invitation: Invitation };

interface InvitationRow {
  id: string;
  call_id: string;
  customer_id: string;
  agent_id: string;
  team_id: string | null;
  language: Invitation['language'];
  survey_id: string;
  survey_version: number;
  secret_id: string;
  answered: boolean;
  expired: boolean;
}

const INVITATION_COLUMNS = `id, call_id, customer_id, agent_id, team_id, language, survey_id, survey_version, secret_id,
  answered_at IS NOT NULL AS answered, expires_at <= now() AS expired`;

function invitationOf(row: InvitationRow): Invitation {
  return {
    id: row.id,
    callId: row.call_id,
    customerId: row.customer_id,
    agentId: row.agent_id,
    teamId: row.team_id,
    language: row.language,
    surveyId: row.survey_id,
    surveyVersion: row.survey_version,
  };
}

function stateOf(row: InvitationRow): LinkState {
  return { state: row.answered ? 'answered' : row.expired ? 'expired' : 'open', invitation: invitationOf(row) };
}

/** What a token leads to. A token that is malformed, unknown or not signed by us is `invalid`. */
export async function readLink(q: Queryable, token: string): Promise<LinkState> {
  const parsed = invitationIdOf(token);
  if (!parsed) return { state: 'invalid' };
  const { rows } = await q.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM survey_invitations WHERE id = $1`, [parsed.id]);
  const row = rows[0];
  if (!row) return { state: 'invalid' };
  const secret = await linkSecret(q, row.secret_id);
  if (!secret || !macMatches(parsed.id, parsed.mac, secret.key)) return { state: 'invalid' };
  return stateOf(row);
}

interface GuidanceFacts {
  scripts: { scriptId: string; scriptVersion: number }[];
  promptIds: string[];
}

function guidanceFacts(guidance: unknown): GuidanceFacts {
  const log = (guidance ?? {}) as { runs?: { scriptId?: unknown; scriptVersion?: unknown }[]; prompts?: { promptId?: unknown }[] };
  const scripts = (log.runs ?? [])
    .filter((run) => typeof run.scriptId === 'string' && typeof run.scriptVersion === 'number')
    .map((run) => ({ scriptId: run.scriptId as string, scriptVersion: run.scriptVersion as number }));
  const promptIds = [...new Set((log.prompts ?? []).map((p) => p.promptId).filter((id): id is string => typeof id === 'string'))];
  return { scripts, promptIds };
}

/**
 * Stores the answer to an open invitation. Returns the link's state afterwards: `answered` when
 * this post stored it, or why it did not (`answered` by another post first, `expired`).
 */
export async function storeAnswer(
  db: Db,
  invitationId: string,
  answers: SurveyAnswer,
  measures: SurveyMeasures,
): Promise<{ stored: true } | { stored: false; state: 'answered' | 'expired' | 'invalid' }> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query<InvitationRow>(
      `UPDATE survey_invitations SET answered_at = now()
        WHERE id = $1 AND answered_at IS NULL AND expires_at > now()
        RETURNING ${INVITATION_COLUMNS}`,
      [invitationId],
    );
    const row = claimed.rows[0];
    if (!row) {
      // Another post won (it holds or held the row lock), or the link ran out meanwhile.
      const { rows } = await tx.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM survey_invitations WHERE id = $1`, [invitationId]);
      const now = rows[0];
      return { stored: false, state: !now ? 'invalid' : now.answered ? 'answered' : 'expired' };
    }
    const invitation = invitationOf(row);
    const call = await tx.query<{ guidance: unknown }>('SELECT guidance FROM call_records WHERE agent_id = $1 AND call_id = $2', [
      invitation.agentId,
      invitation.callId,
    ]);
    const facts = guidanceFacts(call.rows[0]?.guidance);
    const policy = await tx.query<{ version: string }>(`SELECT version::text AS version FROM policies WHERE id = 'policy-pack' AND NOT deleted`);
    const interactionId = `survey-${invitation.id}`;
    const customer = await tx.query('SELECT 1 FROM customers WHERE id = $1 AND NOT deleted FOR SHARE', [invitation.customerId]);
    const onTimeline = (customer.rowCount ?? 0) > 0;
    if (onTimeline) {
      // A system record (no author): the customer wrote it. Versioned by the table like every row.
      await tx.query(
        `INSERT INTO interactions (id, customer_id, kind, occurred_at, author_id, author_name, order_id, text, details)
         VALUES ($1, $2, 'survey', now(), NULL, NULL, NULL, $3, $4::jsonb)`,
        [interactionId, invitation.customerId, measures.comment, JSON.stringify({ csat: measures.csat, nps: measures.nps, callId: invitation.callId })],
      );
    }
    await tx.query(
      `INSERT INTO survey_responses (invitation_id, call_id, customer_id, agent_id, team_id, survey_id, survey_version, csat, nps, comment,
                                     answers, scripts, prompt_ids, policy_version, interaction_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::text[], $14, $15)`,
      [
        invitation.id,
        invitation.callId,
        invitation.customerId,
        invitation.agentId,
        invitation.teamId,
        invitation.surveyId,
        invitation.surveyVersion,
        measures.csat,
        measures.nps,
        measures.comment,
        JSON.stringify(answers),
        JSON.stringify(facts.scripts),
        facts.promptIds,
        policy.rows[0]?.version ?? null,
        onTimeline ? interactionId : null,
      ],
    );
    return { stored: true };
  });
}

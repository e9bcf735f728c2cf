import type { QaCall, QaEvaluation, QaMark } from '../../shared/api/qa';
import { QaEvaluation as QaEvaluationSchema } from '../../shared/api/qa';
import type { SessionScore } from '../../shared/roleplay/scoring';
import type { Queryable } from '../db/db';

/**
 * Quality evaluations as stored (migration 022) and the call records they score (005, 008). Plain
 * reads and writes; who may do what is in routes.ts with visibleAgents.
 */

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());
const durationOf = (answered: Date | null, ended: Date): number => (answered === null ? 0 : Math.max(0, new Date(ended).getTime() - new Date(answered).getTime()));

interface CallRow {
  agent_id: string;
  call_id: string;
  direction: 'inbound' | 'outbound';
  number: string;
  customer_name: string | null;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  disposition: string | null;
  evaluations: number;
}

/** An agent's calls from `since`, newest first. */
export async function recentCalls(q: Queryable, agentId: string, since: Date): Promise<QaCall[]> {
  const { rows } = await q.query<CallRow>(
    `SELECT r.agent_id, r.call_id, r.direction, r.number, c.name AS customer_name, r.started_at, r.answered_at, r.ended_at, r.disposition,
            (SELECT count(*)::int FROM qa_evaluations e WHERE e.agent_id = r.agent_id AND e.call_id = r.call_id) AS evaluations
       FROM call_records r LEFT JOIN customers c ON c.id = r.customer_id
      WHERE r.agent_id = $1 AND r.started_at >= $2
      ORDER BY r.started_at DESC LIMIT 200`,
    [agentId, since],
  );
  return rows.map((row) => ({
    agentId: row.agent_id,
    callId: row.call_id,
    direction: row.direction,
    number: row.number,
    customerName: row.customer_name,
    startedAt: new Date(row.started_at).toISOString(),
    durationMs: durationOf(row.answered_at, row.ended_at),
    disposition: row.disposition,
    evaluations: row.evaluations,
  }));
}

export async function callExists(q: Queryable, agentId: string, callId: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM call_records WHERE agent_id = $1 AND call_id = $2`, [agentId, callId]);
  return rows.length > 0;
}

export interface NewEvaluation {
  id: string;
  agentId: string;
  callId: string;
  rubricVersion: number;
  marks: QaMark[];
  score: SessionScore;
  feedback: string;
  evaluatorId: string;
}

export async function insertEvaluation(q: Queryable, e: NewEvaluation): Promise<void> {
  await q.query(
    `INSERT INTO qa_evaluations (id, agent_id, call_id, rubric_version, marks, score, feedback, evaluator_id)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
    [e.id, e.agentId, e.callId, e.rubricVersion, JSON.stringify(e.marks), JSON.stringify(e.score), e.feedback, e.evaluatorId],
  );
}

interface EvaluationRow {
  id: string;
  agent_id: string;
  agent_name: string;
  call_id: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  disposition: string | null;
  customer_name: string | null;
  rubric_version: number;
  score: unknown;
  feedback: string;
  evaluator_id: string;
  evaluator_name: string;
  evaluated_at: Date;
  acknowledged_at: Date | null;
  acknowledge_comment: string | null;
}

const SELECT_EVALUATIONS = `
  SELECT e.id, e.agent_id, a.display_name AS agent_name, e.call_id, r.started_at, r.answered_at, r.ended_at, r.disposition,
         c.name AS customer_name, e.rubric_version, e.score, e.feedback, e.evaluator_id, s.display_name AS evaluator_name,
         e.evaluated_at, e.acknowledged_at, e.acknowledge_comment
    FROM qa_evaluations e
    JOIN call_records r ON r.agent_id = e.agent_id AND r.call_id = e.call_id
    JOIN users a ON a.id = e.agent_id
    JOIN users s ON s.id = e.evaluator_id
    LEFT JOIN customers c ON c.id = r.customer_id`;

/** Parsed on the way out: the jsonb score is only as good as what was written into it. */
function toEvaluation(row: EvaluationRow): QaEvaluation {
  return QaEvaluationSchema.parse({
    id: row.id,
    agent: { id: row.agent_id, name: row.agent_name },
    callId: row.call_id,
    call: {
      startedAt: iso(row.started_at),
      customerName: row.customer_name,
      durationMs: durationOf(row.answered_at, row.ended_at),
      disposition: row.disposition,
    },
    rubricVersion: row.rubric_version,
    score: row.score,
    feedback: row.feedback,
    evaluator: { id: row.evaluator_id, name: row.evaluator_name },
    evaluatedAt: iso(row.evaluated_at),
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgeComment: row.acknowledge_comment,
  });
}

export async function readEvaluation(q: Queryable, id: string): Promise<QaEvaluation | null> {
  const { rows } = await q.query<EvaluationRow>(`${SELECT_EVALUATIONS} WHERE e.id = $1`, [id]);
  return rows[0] ? toEvaluation(rows[0]) : null;
}

/** The evaluations of these agents, newest first. */
export async function listEvaluations(q: Queryable, agentIds: readonly string[]): Promise<QaEvaluation[]> {
  const { rows } = await q.query<EvaluationRow>(`${SELECT_EVALUATIONS} WHERE e.agent_id = ANY($1::text[]) ORDER BY e.evaluated_at DESC, e.id LIMIT 500`, [agentIds]);
  return rows.map(toEvaluation);
}

/** The first acknowledgement stands: a repeat changes neither its time nor its comment. */
export async function acknowledge(q: Queryable, id: string, comment: string | undefined): Promise<void> {
  await q.query(
    `UPDATE qa_evaluations SET acknowledged_at = now(), acknowledge_comment = $2 WHERE id = $1 AND acknowledged_at IS NULL`,
    [id, comment === undefined || comment === '' ? null : comment],
  );
}

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AcknowledgeRequest, API_QA, EvaluateRequest, QaCallsQuery, QaEvaluationsQuery, type QaCallsResponse, type QaEvaluation, type QaEvaluationsResponse } from '../../shared/api/qa';
import type { User } from '../../shared/domain/user';
import { QA_RUBRIC, QA_RUBRIC_VERSION, QA_SCORING } from '../../shared/qa/rubric';
import { scoreSession } from '../../shared/roleplay/scoring';
import { requireRole, sessionOf } from '../auth/require-role';
import type { Db, Queryable } from '../db/db';
import { HttpError, parseBody } from '../http/errors';
import { visibleAgents } from '../wallboard/wallboard-reader';
import { acknowledge, callExists, insertEvaluation, listEvaluations, readEvaluation, recentCalls } from './evaluation-store';

const SUPERVISORS = requireRole('supervisor');
const READERS = requireRole('agent', 'supervisor');
const IdParams = z.object({ id: z.uuid() }).strict();
const WEEK_MS = 7 * 86_400_000;

/** The agent is one of this supervisor's teams' (a director's: any team's); 403 otherwise. */
async function requireSupervisorOf(q: Queryable, user: User, agentId: string): Promise<void> {
  const { agents } = await visibleAgents(q, user);
  if (!agents.some((agent) => agent.id === agentId)) throw new HttpError(403, 'FORBIDDEN', 'Only a supervisor of the agent’s team may evaluate or read their calls.');
}

/**
 * Quality evaluations of real calls (shared/api/qa.ts). Supervisors pick a call of an agent of
 * their teams and score it with the QA rubric; the score is computed with role-play's
 * scoreSession and kept with the rubric's version. Agents read and acknowledge their own.
 */
export function registerQaRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get(API_QA.calls, { config: { access: SUPERVISORS } }, async (request, reply): Promise<QaCallsResponse> => {
    const { agentId, since } = parseBody(QaCallsQuery, request.query);
    await requireSupervisorOf(db, sessionOf(request).user, agentId);
    reply.header('cache-control', 'no-store');
    return { calls: await recentCalls(db, agentId, new Date(since ?? Date.now() - WEEK_MS)) };
  });

  app.post(API_QA.evaluations, { config: { access: SUPERVISORS } }, async (request): Promise<QaEvaluation> => {
    const body = parseBody(EvaluateRequest, request.body);
    const user = sessionOf(request).user;
    await requireSupervisorOf(db, user, body.agentId);
    if (!(await callExists(db, body.agentId, body.callId))) throw new HttpError(404, 'NOT_FOUND', 'There is no call with that id for this agent.');
    body.marks.forEach((mark, i) => {
      const criterion = QA_RUBRIC.find((c) => c.id === mark.criterionId);
      if (!criterion) {
        throw new HttpError(400, 'INVALID_INPUT', `The QA rubric has no criterion "${mark.criterionId}".`, { issues: [{ path: `marks.${i}.criterionId`, message: 'Not in the QA rubric.' }] });
      }
      if (!criterion.levels.some((level) => level.id === mark.levelId)) {
        throw new HttpError(400, 'INVALID_INPUT', `The criterion "${criterion.id}" has no level "${mark.levelId}".`, { issues: [{ path: `marks.${i}.levelId`, message: 'Not a level of this criterion.' }] });
      }
    });
    // A real call is scored after the fact: every mark at 0 ms, the last one given for a criterion counts.
    const score = scoreSession(QA_SCORING, body.marks.map((mark) => ({ ...mark, atMs: 0 })));
    const id = randomUUID();
    await insertEvaluation(db, { id, agentId: body.agentId, callId: body.callId, rubricVersion: QA_RUBRIC_VERSION, marks: body.marks, score, feedback: body.feedback, evaluatorId: user.id });
    request.log.info({ evaluationId: id, agentId: body.agentId, by: user.id, percent: score.percent, outcome: score.outcome }, 'QA evaluation kept');
    const saved = await readEvaluation(db, id);
    if (!saved) throw new Error('QA evaluation vanished after insert');
    return saved;
  });

  app.get(API_QA.evaluations, { config: { access: READERS } }, async (request, reply): Promise<QaEvaluationsResponse> => {
    const { agentId } = parseBody(QaEvaluationsQuery, request.query);
    const user = sessionOf(request).user;
    reply.header('cache-control', 'no-store');
    if (user.role === 'agent') {
      if (agentId !== undefined && agentId !== user.id) throw new HttpError(403, 'FORBIDDEN', 'An agent reads only their own evaluations.');
      return { evaluations: await listEvaluations(db, [user.id]) };
    }
    if (agentId !== undefined) {
      await requireSupervisorOf(db, user, agentId);
      return { evaluations: await listEvaluations(db, [agentId]) };
    }
    const { agents } = await visibleAgents(db, user);
    return { evaluations: await listEvaluations(db, agents.map((agent) => agent.id)) };
  });

  app.post(`${API_QA.evaluations}/:id/acknowledge`, { config: { access: requireRole('agent') } }, async (request): Promise<QaEvaluation> => {
    const { id } = parseBody(IdParams, request.params);
    const { comment } = parseBody(AcknowledgeRequest, request.body ?? {});
    const user = sessionOf(request).user;
    const evaluation = await readEvaluation(db, id);
    if (!evaluation) throw new HttpError(404, 'NOT_FOUND', 'There is no evaluation with that id.');
    if (evaluation.agent.id !== user.id) throw new HttpError(403, 'FORBIDDEN', 'Only the evaluated agent may acknowledge this evaluation.');
    await acknowledge(db, id, comment);
    const saved = await readEvaluation(db, id);
    if (!saved) throw new Error('QA evaluation vanished after acknowledging');
    return saved;
  });
}

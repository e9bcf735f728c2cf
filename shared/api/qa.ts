import { z } from 'zod';
import { CriterionId, LevelId } from '../roleplay/scenario';
import { Person, SessionScoreSchema } from './roleplay';

/**
 * The central server's quality-evaluation API: a supervisor scores an agent's real call with the
 * QA rubric (shared/qa/rubric.ts, the same model as role-play), writes feedback, and the agent
 * reads and acknowledges it.
 *
 * GET  API_QA.calls?agentId=&since=                        → QaCallsResponse (supervisors: their teams' agents' recent calls)
 * POST API_QA.evaluations        EvaluateRequest            → QaEvaluation (a supervisor of the agent's team; 404 unknown call, 400 unknown criterion or level)
 * GET  API_QA.evaluations?agentId=                         → QaEvaluationsResponse (agents: their own; supervisors: their teams')
 * POST API_QA.acknowledge(id)    AcknowledgeRequest         → QaEvaluation (the evaluated agent only; a repeat keeps the first time and comment)
 */
export const API_QA = {
  calls: '/api/v1/qa/calls',
  evaluations: '/api/v1/qa/evaluations',
  acknowledge: (id: string) => `/api/v1/qa/evaluations/${encodeURIComponent(id)}/acknowledge`,
} as const;

const AgentId = z.string().min(1).max(64);
/** A call is one agent's record of it: both ends of an internal call share the SIP Call-ID. */
const CallId = z.string().min(1).max(300);

export const QaCallsQuery = z.object({ agentId: AgentId, since: z.iso.datetime().optional() }).strict();
export type QaCallsQuery = z.infer<typeof QaCallsQuery>;

export const QaCall = z.object({
  agentId: AgentId,
  callId: CallId,
  direction: z.enum(['inbound', 'outbound']),
  number: z.string(),
  customerName: z.string().nullable(),
  startedAt: z.iso.datetime(),
  /** Answered to ended; 0 for a call never answered. */
  durationMs: z.number().int().min(0),
  disposition: z.string().nullable(),
  /** Evaluations already kept for this call. */
  evaluations: z.number().int().min(0),
});
export type QaCall = z.output<typeof QaCall>;

export const QaCallsResponse = z.object({ calls: z.array(QaCall).max(200) });
export type QaCallsResponse = z.output<typeof QaCallsResponse>;

export const QaMark = z
  .object({ criterionId: CriterionId, levelId: LevelId, note: z.string().trim().max(500).optional() })
  .strict();
export type QaMark = z.infer<typeof QaMark>;

export const EvaluateRequest = z
  .object({
    agentId: AgentId,
    callId: CallId,
    marks: z.array(QaMark).min(1).max(50),
    feedback: z.string().trim().min(1).max(4_000),
  })
  .strict();
export type EvaluateRequest = z.infer<typeof EvaluateRequest>;

export const AcknowledgeRequest = z.object({ comment: z.string().trim().max(1_000).optional() }).strict();
export type AcknowledgeRequest = z.infer<typeof AcknowledgeRequest>;

export const QaEvaluation = z.object({
  id: z.uuid(),
  agent: Person,
  callId: CallId,
  call: z.object({ startedAt: z.iso.datetime(), customerName: z.string().nullable(), durationMs: z.number().int().min(0), disposition: z.string().nullable() }),
  rubricVersion: z.number().int().min(1),
  score: SessionScoreSchema,
  feedback: z.string().max(4_000),
  evaluator: Person,
  evaluatedAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgeComment: z.string().max(1_000).nullable(),
});
export type QaEvaluation = z.output<typeof QaEvaluation>;

export const QaEvaluationsQuery = z.object({ agentId: AgentId.optional() }).strict();
export const QaEvaluationsResponse = z.object({ evaluations: z.array(QaEvaluation).max(500) });
export type QaEvaluationsResponse = z.output<typeof QaEvaluationsResponse>;

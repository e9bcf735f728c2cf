import { z } from 'zod';
import { call } from './core';
import { AcknowledgeRequest, EvaluateRequest, QaCall, QaEvaluation } from '../api/qa';

/**
 * Quality evaluations from the console, forwarded by the host to the central server
 * (shared/api/qa.ts): a supervisor lists an agent's recent calls and scores one; an agent reads and
 * acknowledges their own.
 */
export const qaCalls = {
  /** Supervisors: an agent of their teams' calls from `since` (a week back when absent), newest first. */
  'qa.calls': call({ input: z.object({ agentId: z.string().min(1).max(64), since: z.iso.datetime().optional() }).strict(), output: z.array(QaCall) }),
  'qa.evaluate': call({ input: EvaluateRequest, output: QaEvaluation }),
  /** Agents: their own; supervisors: their teams' (or one agent's). */
  'qa.evaluations': call({ input: z.object({ agentId: z.string().min(1).max(64).optional() }).strict(), output: z.array(QaEvaluation) }),
  'qa.acknowledge': call({ input: AcknowledgeRequest.extend({ evaluationId: z.uuid() }).strict(), output: QaEvaluation }),
} as const;

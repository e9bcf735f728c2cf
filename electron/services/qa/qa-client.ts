import { type z } from 'zod';
import { API_QA, QaCallsResponse, QaEvaluation, QaEvaluationsResponse, type AcknowledgeRequest, type EvaluateRequest } from '../../../shared/api/qa';
import type { CentralClient } from '../central-client';

/** The central server's quality-evaluation API as the host calls it (shared/api/qa.ts). */
export function qaClient(client: CentralClient, withToken: <T>(fn: (token: string) => Promise<T>) => Promise<T>) {
  const get = <S extends z.ZodType>(path: string, schema: S) => withToken((token) => client.api('GET', path, { token, schema }));
  const post = <S extends z.ZodType>(path: string, body: unknown, schema: S) => withToken((token) => client.api('POST', path, { token, body, schema }));
  return {
    calls: async (agentId: string, since?: string) => {
      const query = new URLSearchParams({ agentId, ...(since !== undefined ? { since } : {}) });
      return (await get(`${API_QA.calls}?${query.toString()}`, QaCallsResponse)).calls;
    },
    evaluate: (body: EvaluateRequest) => post(API_QA.evaluations, body, QaEvaluation),
    evaluations: async (agentId?: string) =>
      (await get(`${API_QA.evaluations}${agentId ? `?agentId=${encodeURIComponent(agentId)}` : ''}`, QaEvaluationsResponse)).evaluations,
    acknowledge: (id: string, body: AcknowledgeRequest) => post(API_QA.acknowledge(id), body, QaEvaluation),
  };
}
export type QaClient = ReturnType<typeof qaClient>;

import type { HandlerRegistry } from '../contract/registry';
import type { QaClient } from './qa-client';

/** Quality evaluations on the host: the server's API forwarded; the server decides who may do what. */
export function registerQaHandlers(registry: HandlerRegistry, api: QaClient): void {
  registry
    .handle('qa.calls', ({ agentId, since }) => api.calls(agentId, since))
    .handle('qa.evaluate', (input) => api.evaluate(input))
    .handle('qa.evaluations', ({ agentId }) => api.evaluations(agentId))
    .handle('qa.acknowledge', ({ evaluationId, comment }) => api.acknowledge(evaluationId, comment !== undefined ? { comment } : {}));
}

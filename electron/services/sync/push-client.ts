import { API_SYNC, PushResponse, type PushEnvelope, type PushResult } from '../../../shared/api/sync';
import { ContractFailure } from '../../../shared/contract/core';
import { networkFailure, statusFailure } from './sync-http';

/**
 * Posts one batch of outbox mutations. Resolves only with a response the server really sent
 * and that parses as PushResponse; anything else (network error, timeout, 5xx, a body of another
 * shape) rejects, so a failed upload can never be mistaken for an acknowledged one.
 */
export async function postMutations(
  serverUrl: string,
  token: string,
  mutations: readonly PushEnvelope[],
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<PushResult[]> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let response: Response;
  let text: string;
  try {
    response = await (opts.fetch ?? fetch)(new URL(API_SYNC.push, serverUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ mutations }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) throw await statusFailure(response);
    text = await response.text();
  } catch (error) {
    throw networkFailure(error, serverUrl, timeoutMs);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ContractFailure('UNAVAILABLE', 'The Kalma server answered the upload with something that is not JSON.');
  }
  const parsed = PushResponse.safeParse(json);
  if (!parsed.success) throw new ContractFailure('UNAVAILABLE', 'The Kalma server answered the upload in a shape this console does not understand.');
  return parsed.data.results;
}

import { ApiError } from '../../../shared/api/auth';
import { ContractFailure } from '../../../shared/contract/core';

/**
 * How sync requests fail, in the contract's codes. The distinction that matters to sync is
 * "try again later" (UNAVAILABLE, RATE_LIMITED: network, timeouts, 5xx) versus "this request will
 * never succeed" (INVALID_INPUT: the server refused the content) versus "sign in again"
 * (UNAUTHENTICATED). Nothing here ever turns a failure into a success.
 */

export function networkFailure(error: unknown, serverUrl: string, timeoutMs: number): ContractFailure {
  if (error instanceof ContractFailure) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ContractFailure('UNAVAILABLE', `The Kalma server did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
  }
  return new ContractFailure('UNAVAILABLE', `Cannot reach the Kalma server at ${serverUrl}.`);
}

export async function statusFailure(response: Response): Promise<ContractFailure> {
  let apiMessage: string | null = null;
  try {
    const parsed = ApiError.safeParse(JSON.parse(await response.text()));
    if (parsed.success) apiMessage = parsed.data.error.message;
  } catch {
    // no readable error body: the status decides
  }
  const status = response.status;
  if (status === 401) return new ContractFailure('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
  if (status === 403) return new ContractFailure('FORBIDDEN', apiMessage ?? 'Your role does not allow this.');
  if (status === 429) return new ContractFailure('RATE_LIMITED', apiMessage ?? 'The Kalma server asked to slow down.');
  if (status === 400 || status === 413 || status === 422) {
    return new ContractFailure('INVALID_INPUT', apiMessage ?? `The Kalma server refused the request (HTTP ${status}).`);
  }
  if (status === 404) return new ContractFailure('UNAVAILABLE', 'The Kalma server does not offer sync (HTTP 404); it may be an older version.');
  return new ContractFailure('UNAVAILABLE', `The Kalma server could not handle the request (HTTP ${status}).`);
}

/** Worth trying again later: the server or the network, not the content. */
export const isTransient = (error: unknown): boolean =>
  !(error instanceof ContractFailure) || error.code === 'UNAVAILABLE' || error.code === 'RATE_LIMITED' || error.code === 'INTERNAL';

/** Carries a ContractFailure across a worker boundary and back. */
export interface FailureData {
  code: ContractFailure['code'];
  message: string;
}

export function toFailureData(error: unknown): FailureData {
  if (error instanceof ContractFailure) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export const fromFailureData = (data: FailureData): ContractFailure => new ContractFailure(data.code, data.message);

import type { CallInput, CallName, CallOutput, Result } from '../../shared/contract';
import { host } from './host/client';

/**
 * Every store calls the host through here. The client already answers with a Result; this also
 * turns an unexpected throw into a failure, so no action can leave a screen stuck half-way
 * (a sign-in button disabled forever is a lost shift).
 */
export async function callHost<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  try {
    return await host.invoke(name, input);
  } catch (cause) {
    console.error(`host call ${name} threw`, cause);
    return { ok: false, error: { code: 'INTERNAL', message: 'The host call failed unexpectedly.' } };
  }
}

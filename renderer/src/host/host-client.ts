import { z } from 'zod';
import {
  calls,
  ContractError,
  events,
  fail,
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  type Result,
} from '../../../shared/contract';

/** How the page is connected to its host. Electron's IPC is always 'open'. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * The renderer's one way to the host, typed from the contract. Both implementations (Electron's
 * window.kalma and the web host's WebSocket bridge) behave the same: invoke never rejects, it
 * resolves a Result; on() returns the function that unsubscribes.
 */
export interface HostClient {
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  /** The connection right now. */
  connection(): ConnectionState;
  /** Called at once with the current state, then on every change. */
  onConnection(handler: (state: ConnectionState) => void): () => void;
}

const WireResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractError }),
]);

/**
 * Parses what the host answered against the contract: the page trusts nothing that crossed a
 * process boundary unchecked, not even from its own host.
 */
export function checkResult<N extends CallName>(name: N, raw: unknown): Result<CallOutput<N>> {
  const result = WireResult.safeParse(raw);
  if (!result.success) return fail('INTERNAL', `the host sent a malformed answer to ${name}`);
  if (!result.data.ok) return { ok: false, error: result.data.error };
  const value = calls[name].output.safeParse(result.data.value);
  if (!value.success) return fail('INTERNAL', `the host's answer to ${name} does not match the contract`);
  return { ok: true, value: value.data as CallOutput<N> };
}

/** The event's payload when it matches the contract, else undefined (and a console error). */
export function checkEvent<E extends EventName>(name: E, payload: unknown): { payload: EventPayload<E> } | undefined {
  const parsed = events[name].payload.safeParse(payload);
  if (parsed.success) return { payload: parsed.data as EventPayload<E> };
  console.error(`kalma: the host sent a ${name} event that does not match the contract`);
  return undefined;
}

export const unknownCall = (name: unknown): Result<never> =>
  fail('UNKNOWN_CALL', `no call named ${JSON.stringify(String(name)).slice(0, 140)}`);

export { isCallName };

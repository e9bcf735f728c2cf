import type { ContractError, Result } from '../../../../shared/contract';

/**
 * The one fake in the renderer tests: the host on the other side of the process boundary.
 * Tests give it canned Results per call name and push events through it, exactly what the real
 * bridge would deliver. A call with no canned reply fails UNAVAILABLE, like an unreachable host.
 */
type Reply = Result<unknown> | ((input: unknown) => Result<unknown> | Promise<Result<unknown>>);

const replies = new Map<string, Reply>();
const handlers = new Map<string, Set<(payload: unknown) => void>>();
export const hostCalls: { name: string; input: unknown }[] = [];

export const fakeHost = {
  async invoke(name: string, input: unknown): Promise<Result<unknown>> {
    hostCalls.push({ name, input });
    const reply = replies.get(name);
    if (!reply) return failure('UNAVAILABLE', 'no reply set');
    return typeof reply === 'function' ? reply(input) : reply;
  },
  on(event: string, handler: (payload: unknown) => void): () => void {
    const set = handlers.get(event) ?? new Set();
    set.add(handler);
    handlers.set(event, set);
    return () => set.delete(handler);
  },
};

export function reply(name: string, value: Reply): void {
  replies.set(name, value);
}

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (code: ContractError['code'], message: string = code): Result<never> => ({ ok: false, error: { code, message } });

/** Pushes a host event to every subscriber, as the bridge does. */
export function emit(event: string, payload: unknown): void {
  for (const handler of handlers.get(event) ?? []) handler(payload);
}

export function listenerCount(event: string): number {
  return handlers.get(event)?.size ?? 0;
}

export function callsTo(name: string): unknown[] {
  return hostCalls.filter((call) => call.name === name).map((call) => call.input);
}

/** A reply the test settles by hand, to look at the screen while a call is in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function resetFakeHost(): void {
  replies.clear();
  handlers.clear();
  hostCalls.length = 0;
}

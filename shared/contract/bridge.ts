import type { Result } from './core';

/**
 * What the Electron preload exposes as `window.kalma`. Deliberately untyped by name: the
 * renderer's host client (renderer/src/host/client.ts) adds the contract's types, and both ends
 * check names and parse values, so a wrong name is a typed failure rather than a crash.
 */
export interface KalmaBridge {
  /** Resolves with a Result; never rejects (unknown names resolve UNKNOWN_CALL). */
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one contract event; returns the unsubscribe function. */
  on(event: string, handler: (payload: unknown) => void): () => void;
}

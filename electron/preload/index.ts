import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
// Plain name lists, not the zod contract: a sandboxed preload can require nothing but 'electron'
// and a few built-ins, so everything it imports is bundled in, and it has no need for schemas
// (the host parses every input, the renderer's client parses every output).
import { CALL_NAMES, EVENT_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/names';
import type { KalmaBridge } from '../../shared/contract/bridge';
import type { Result } from '../../shared/contract/core';

const callNames: ReadonlySet<string> = new Set(CALL_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

const failure = (code: 'UNKNOWN_CALL' | 'INVALID_INPUT' | 'UNAVAILABLE', message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

// One IPC listener fans events out to the page's handlers, however many there are.
const handlers = new Map<string, Set<(payload: unknown) => void>>();
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const handler of handlers.get(name) ?? []) {
    try {
      handler(payload);
    } catch (error) {
      // One failing handler must not stop the others from hearing the event.
      console.error(`kalma: a handler for ${name} failed`, error);
    }
  }
});

/**
 * `window.kalma`: the page's only way to the host. It offers contract calls and events by name and
 * nothing else; ipcRenderer itself never reaches the page.
 */
const kalma: KalmaBridge = {
  async invoke(name: string, input: unknown): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !callNames.has(name)) {
      return failure('UNKNOWN_CALL', `no call named ${JSON.stringify(String(name)).slice(0, 140)}`);
    }
    try {
      return (await ipcRenderer.invoke(IPC_INVOKE_CHANNEL, name, input)) as Result<unknown>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Inputs that cannot be cloned (functions, DOM nodes) fail before they leave the page.
      if (/could not be cloned/i.test(message)) return failure('INVALID_INPUT', `input for ${name} cannot be sent to the host`);
      return failure('UNAVAILABLE', `the host did not answer ${name}`);
    }
  },
  on(event: string, handler: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || !eventNames.has(event)) throw new TypeError(`no event named ${String(event).slice(0, 140)}`);
    if (typeof handler !== 'function') throw new TypeError('the event handler must be a function');
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    // Wrapped so that subscribing the same function twice gives two independent subscriptions.
    const subscription = (payload: unknown) => handler(payload);
    set.add(subscription);
    return () => {
      set.delete(subscription);
    };
  },
};

contextBridge.exposeInMainWorld('kalma', kalma);

import { fail, isEventName, type CallName, type EventName, type Result } from '../../../shared/contract';
import { HostFrame, MAX_FRAME_BYTES } from '../../../shared/contract/wire';
import { checkEvent, checkResult, isCallName, unknownCall, type ConnectionState, type HostClient } from './host-client';

/** The part of the browser's WebSocket the client uses; tests pass the `ws` package's. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface BridgeClientOptions {
  /** ws://127.0.0.1:PORT/bridge — the page's own origin. */
  url: string;
  connect?: (url: string) => SocketLike;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs (with jitter). */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a call waits for a connection before it fails UNAVAILABLE. */
  queueTimeoutMs?: number;
}

export interface BridgeClient extends HostClient {
  /** Stops reconnecting and fails whatever is waiting; for tests and page teardown. */
  close(): void;
}

const OPEN = 1;

interface Waiting {
  name: CallName;
  input: unknown;
  settle(result: Result<unknown>): void;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The host client over the web host's WebSocket. It connects on first use and stays connected:
 * calls made while (re)connecting wait in a queue (up to queueTimeoutMs); calls already sent when
 * the connection drops fail UNAVAILABLE at once, because the host may or may not have run them and
 * only the caller knows whether retrying is safe; it then reconnects with exponential backoff.
 */
export function createBridgeClient(opts: BridgeClientOptions): BridgeClient {
  const connect = opts.connect ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const initialBackoff = opts.initialBackoffMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 10_000;
  const queueTimeout = opts.queueTimeoutMs ?? 15_000;

  let socket: SocketLike | null = null;
  let state: ConnectionState = 'closed';
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  // Ids start at 1: the web host answers frame-level errors with id 0.
  let nextId = 1;
  const queue: Waiting[] = [];
  const pending = new Map<number, Waiting>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const unavailable = (why: string) => fail('UNAVAILABLE', why);

  function ensureConnected(): void {
    if (closed || socket || reconnectTimer !== undefined) return;
    open();
  }

  function open(): void {
    setState('connecting');
    let next: SocketLike;
    try {
      next = connect(opts.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = next;
    next.onopen = () => {
      if (socket !== next) return;
      attempt = 0;
      setState('open');
      for (const waiting of queue.splice(0)) send(next, waiting);
    };
    next.onmessage = (message) => {
      if (socket === next) receive(message.data);
    };
    next.onerror = () => {
      // The close event follows and does the work.
    };
    next.onclose = () => {
      if (socket !== next) return;
      socket = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.settle(unavailable(`the connection to the host was lost during ${waiting.name}`));
      }
      scheduleReconnect();
    };
  }

  function scheduleReconnect(): void {
    if (closed) return;
    setState('connecting');
    const ceiling = Math.min(maxBackoff, initialBackoff * 2 ** attempt);
    attempt = Math.min(attempt + 1, 30);
    // Jitter: many pages reconnecting after a host restart should not arrive in lockstep.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      open();
    }, delay);
  }

  function send(to: SocketLike, waiting: Waiting): void {
    clearTimeout(waiting.timer);
    const id = nextId++;
    try {
      to.send(JSON.stringify({ type: 'call', id, name: waiting.name, input: waiting.input }));
      pending.set(id, waiting);
    } catch {
      waiting.settle(unavailable(`${waiting.name} could not be sent to the host`));
    }
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const frame = HostFrame.safeParse(json);
    if (!frame.success) return;
    if (frame.data.type === 'result') {
      const waiting = pending.get(frame.data.id);
      if (!waiting) return;
      pending.delete(frame.data.id);
      waiting.settle(checkResult(waiting.name, frame.data.result));
      return;
    }
    const name = frame.data.name;
    if (!isEventName(name)) return;
    const checked = checkEvent(name, frame.data.payload);
    if (!checked) return;
    for (const handler of listeners.get(name) ?? []) {
      try {
        handler(checked.payload);
      } catch (error) {
        console.error(`kalma: a handler for ${name} failed`, error);
      }
    }
  }

  return {
    invoke(name, input) {
      if (!isCallName(name)) return Promise.resolve(unknownCall(name));
      // Serialized once up front so that an input that cannot travel fails here, with a clear code.
      let frame: string;
      try {
        frame = JSON.stringify({ type: 'call', id: 0, name, input: input ?? {} });
      } catch {
        return Promise.resolve(fail('INVALID_INPUT', `input for ${name} cannot be sent to the host`));
      }
      if (frame.length > MAX_FRAME_BYTES / 4 && new TextEncoder().encode(frame).length > MAX_FRAME_BYTES) {
        return Promise.resolve(fail('INVALID_INPUT', `input for ${name} is too large`));
      }
      if (closed) return Promise.resolve(unavailable('the host connection is closed'));
      return new Promise((resolve) => {
        const waiting: Waiting = { name, input: input ?? {}, settle: resolve as (result: Result<unknown>) => void };
        if (socket && socket.readyState === OPEN && state === 'open') {
          send(socket, waiting);
          return;
        }
        waiting.timer = setTimeout(() => {
          const at = queue.indexOf(waiting);
          if (at !== -1) queue.splice(at, 1);
          waiting.settle(unavailable(`the host could not be reached for ${name}`));
        }, queueTimeout);
        queue.push(waiting);
        ensureConnected();
      });
    },

    on(event, handler) {
      if (!isEventName(event)) throw new TypeError(`no event named ${String(event)}`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const subscription = handler as (payload: unknown) => void;
      const wrapped = (payload: unknown) => subscription(payload);
      set.add(wrapped);
      ensureConnected();
      return () => {
        set.delete(wrapped);
      };
    },

    connection: () => state,

    onConnection(handler) {
      connectionListeners.add(handler);
      handler(state);
      return () => {
        connectionListeners.delete(handler);
      };
    },

    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
      const current = socket;
      socket = null;
      for (const waiting of queue.splice(0)) {
        clearTimeout(waiting.timer);
        waiting.settle(unavailable('the host connection is closed'));
      }
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.settle(unavailable('the host connection is closed'));
      }
      current?.close(1000, 'page closed');
      setState('closed');
    },
  };
}

import { once, type EventEmitter } from 'node:events';
import JsSIP from 'jssip';
import type { UA } from 'jssip';
import { sipCredentials } from '../../../server/sip/ephemeral-credentials';
import type { SipProvisioning } from '../../../shared/sip/provisioning';
import type { Kamailio } from '../../fixtures/kamailio';
import { NodeSipSocket } from './node-sip-socket';

// JsSIP logs every SIP message through `debug`; test output stays readable without it.
JsSIP.debug.disable();

export interface PhoneOptions {
  /** The SIP user this phone is, e.g. "alice" → sip:alice@kalma.local */
  user: string;
  /** Defaults to a fresh valid credential for `user`. */
  credential?: { authorizationUser: string; password: string };
  /** Register on start (default true). */
  register?: boolean;
}

/** JsSIP user agents started by a test, so the test can stop them whatever happens. */
export class Phones {
  private readonly started = new Set<UA>();
  private readonly closing: Promise<void>[] = [];

  constructor(private readonly kamailio: () => Kamailio) {}

  /** A phone for `user` with a fresh credential (or the one given), provisioned as the server would. */
  start({ user, credential, register = true }: PhoneOptions): UA {
    const kamailio = this.kamailio();
    const { authorizationUser, password } =
      credential ?? sipCredentials({ secret: kamailio.secret, user, ttlSeconds: 600 });
    return this.provisioned(
      {
        uri: `sip:${user}@${kamailio.domain}`,
        wsServers: [kamailio.wsUrl],
        authorizationUser,
        password,
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
        iceServers: [],
      },
      { register },
    );
  }

  /** A JsSIP phone over WebSocket built from what the central server hands a console. */
  provisioned(provisioning: SipProvisioning, { register = true }: { register?: boolean } = {}): UA {
    const ua = new JsSIP.UA({
      sockets: provisioning.wsServers.map((url) => new NodeSipSocket(url)),
      uri: provisioning.uri,
      authorization_user: provisioning.authorizationUser,
      password: provisioning.password,
      register,
      register_expires: 60,
      session_timers: false,
      // Reconnect quickly after the SIP server comes back (defaults: 2 s to 30 s).
      connection_recovery_min_interval: 1,
      connection_recovery_max_interval: 2,
    });
    this.started.add(ua);
    ua.start();
    return ua;
  }

  /**
   * Stops every phone and waits until each has unregistered. JsSIP then closes the WebSocket up
   * to 2 s later on its own; `closed()` waits for that.
   */
  async stopAll(): Promise<void> {
    const stopping = [...this.started].map(async (ua) => {
      const emitter = ua as unknown as EventEmitter;
      if (ua.isConnected()) this.closing.push(settle(once(emitter, 'disconnected'), 3_000));
      const unregistered = ua.isRegistered() ? settle(once(emitter, 'unregistered'), 2_000) : Promise.resolve();
      ua.stop();
      await unregistered;
    });
    this.started.clear();
    await Promise.all(stopping);
  }

  /** Resolves when every stopped phone's WebSocket has closed. */
  async closed(): Promise<void> {
    await Promise.all(this.closing.splice(0));
  }
}

/** Waits for `promise` but never longer than `ms`, and never rejects: for best-effort cleanup. */
function settle(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((done) => {
    timer = setTimeout(done, ms);
  });
  return Promise.race([promise.then(() => undefined, () => undefined), timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves with the arguments of the next `event` on `emitter`; rejects after `timeoutMs` naming
 * the event, so a failing test says what never happened.
 */
export async function nextEvent<T = unknown>(emitter: object, event: string, timeoutMs = 5_000): Promise<T> {
  try {
    const [first] = await once(emitter as EventEmitter, event, { signal: AbortSignal.timeout(timeoutMs) });
    return first as T;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') {
      throw new Error(`no "${event}" within ${timeoutMs} ms`, { cause: error });
    }
    throw error;
  }
}

/** Which of two events comes first, with its argument — e.g. registered vs registrationFailed. */
export function firstOf<T = unknown>(
  emitter: object,
  events: readonly string[],
  timeoutMs = 5_000,
): Promise<{ event: string; data: T }> {
  const source = emitter as EventEmitter;
  return new Promise((resolve, reject) => {
    const listeners = events.map((event) => {
      const listener = (data: T) => {
        cleanup();
        resolve({ event, data });
      };
      source.on(event, listener);
      return [event, listener] as const;
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`none of ${events.join(', ')} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      for (const [event, listener] of listeners) source.removeListener(event, listener);
    };
  });
}

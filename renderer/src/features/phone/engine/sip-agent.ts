import JsSIP from 'jssip';
import type { CallOptions, IncomingRTCSessionEvent, RTCSessionEvent, UA, UnRegisteredEvent } from 'jssip/lib/UA';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RegistrationProblem, RegistrationState, RegistrationStatus } from '../../../../../shared/phone/phone-protocol';
import type { SipProvisioning } from '../../../../../shared/sip/provisioning';

/** JsSIP's registration refresh; Kamailio accepts 30 s to 1 h. Short enough that a dead console drops off soon. */
export const REGISTER_EXPIRES_SECONDS = 120;
/** Retries after a registration timeout or connection error: 2 s doubling to 30 s. */
const RETRY_MIN_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export interface SipAgentListener {
  registration(state: RegistrationState): void;
  /** A new incoming call (an INVITE with Replaces comes here too; see the engine). */
  incoming(session: RTCSession, event: IncomingRTCSessionEvent): void;
  /** The WebSocket to the SIP server dropped (false) or came back (true). */
  transport(connected: boolean): void;
}

/**
 * The JsSIP user agent and its registration: start, fresh credentials, reconnect, stop. It never
 * lets the registration state lie: every JsSIP transport and registrar event becomes a
 * RegistrationState, and a registration that timed out is retried with backoff instead of being
 * left failed until someone reloads the console.
 */
export class SipAgent {
  private ua: UA | null = null;
  private provisioning: SipProvisioning | null = null;
  private state: RegistrationState = offState();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = RETRY_MIN_MS;
  private everRegistered = false;

  constructor(private readonly listener: SipAgentListener) {}

  get registration(): RegistrationState {
    return this.state;
  }

  get running(): boolean {
    return this.ua !== null;
  }

  get connected(): boolean {
    return this.ua?.isConnected() ?? false;
  }

  /** The phone's SIP domain ("kalma.local"), for dialling bare numbers and user names. */
  get domain(): string | null {
    return this.provisioning ? (/@([^;>]+)$/.exec(this.provisioning.uri)?.[1] ?? null) : null;
  }

  start(provisioning: SipProvisioning): void {
    this.stopUa();
    this.provisioning = provisioning;
    this.everRegistered = false;
    this.retryDelay = RETRY_MIN_MS;
    JsSIP.debug.disable();
    const ua = new JsSIP.UA({
      sockets: provisioning.wsServers.map((url) => new JsSIP.WebSocketInterface(url)),
      uri: provisioning.uri,
      authorization_user: provisioning.authorizationUser,
      password: provisioning.password,
      register: true,
      register_expires: REGISTER_EXPIRES_SECONDS,
      // Session timers re-INVITE mid-call; WebRTC PBXs do not need them and some mishandle them.
      session_timers: false,
      // After a drop, try again within a second and never wait more than eight.
      connection_recovery_min_interval: 1,
      connection_recovery_max_interval: 8,
      no_answer_timeout: 60,
      user_agent: 'Kalma',
    });
    this.ua = ua;
    this.wire(ua);
    this.setState('connecting', null, null);
    ua.start();
  }

  /** A fresh credential; JsSIP uses it from the next REGISTER (and every challenge) on. */
  updateCredentials(provisioning: SipProvisioning): void {
    if (!this.ua || provisioning.uri !== this.provisioning?.uri) {
      this.start(provisioning);
      return;
    }
    this.provisioning = provisioning;
    this.ua.set('authorization_user', provisioning.authorizationUser);
    this.ua.set('password', provisioning.password);
  }

  /**
   * Registers again now. With the WebSocket up that is one REGISTER; with it down (and no call
   * to keep) the user agent is rebuilt so the connection is retried at once instead of after
   * JsSIP's recovery timer.
   */
  reconnect(hasCalls: boolean): void {
    if (!this.ua || !this.provisioning) return;
    if (this.ua.isConnected()) {
      this.ua.register();
      return;
    }
    if (!hasCalls) this.start(this.provisioning);
  }

  call(target: string, options: CallOptions): RTCSession {
    if (!this.ua) throw new Error('the phone is not started');
    return this.ua.call(target, options);
  }

  /** Unregisters and closes the WebSocket; calls still up are ended by JsSIP with a BYE. */
  stop(): void {
    this.stopUa();
    this.provisioning = null;
    this.setState('off', null, null);
  }

  private stopUa(): void {
    clearTimeout(this.retryTimer);
    const ua = this.ua;
    this.ua = null;
    if (!ua) return;
    ua.removeAllListeners();
    try {
      ua.stop();
    } catch {
      // Already stopping; nothing else to release.
    }
  }

  private wire(ua: UA): void {
    const current = () => this.ua === ua;
    ua.on('connecting', () => {
      if (current() && !this.everRegistered && this.state.status !== 'failed') this.setState('connecting', null, null);
    });
    ua.on('connected', () => {
      if (current()) this.listener.transport(true);
    });
    ua.on('disconnected', () => {
      if (!current()) return;
      this.listener.transport(false);
      if (this.state.status === 'registered' || this.state.status === 'connecting') this.setState('unregistered', 'connection', null);
    });
    ua.on('registered', () => {
      if (!current()) return;
      clearTimeout(this.retryTimer);
      this.retryDelay = RETRY_MIN_MS;
      this.everRegistered = true;
      this.setState('registered', null, null);
    });
    ua.on('unregistered', () => {
      if (current()) this.setState('unregistered', 'connection', null);
    });
    ua.on('registrationFailed', (event: UnRegisteredEvent) => {
      if (!current()) return;
      const status = event.response?.status_code ?? null;
      const problem = problemOf(String(event.cause ?? ''), status);
      this.setState('failed', problem, status);
      // A refused credential will be refused again: the console fetches a new one instead.
      if (problem !== 'rejected') this.scheduleRetry(ua);
    });
    ua.on('newRTCSession', (event: RTCSessionEvent) => {
      if (!current() || event.originator !== 'remote') return;
      this.listener.incoming(event.session, event as IncomingRTCSessionEvent);
    });
  }

  private scheduleRetry(ua: UA): void {
    clearTimeout(this.retryTimer);
    const delay = this.retryDelay;
    this.retryDelay = Math.min(RETRY_MAX_MS, this.retryDelay * 2);
    this.retryTimer = setTimeout(() => {
      if (this.ua === ua && ua.isConnected()) ua.register();
    }, delay);
  }

  private setState(status: RegistrationStatus, problem: RegistrationProblem | null, sipStatus: number | null): void {
    const uri = status === 'off' ? null : (this.provisioning?.uri ?? null);
    if (this.state.status === status && this.state.problem === problem && this.state.sipStatus === sipStatus && this.state.uri === uri) return;
    this.state = { status, problem, sipStatus, since: Date.now(), uri };
    this.listener.registration(this.state);
  }
}

function offState(): RegistrationState {
  return { status: 'off', problem: null, sipStatus: null, since: Date.now(), uri: null };
}

function problemOf(cause: string, status: number | null): RegistrationProblem {
  if (status === 401 || status === 403 || status === 407 || cause === 'Rejected' || cause === 'Authentication Error') return 'rejected';
  if (cause === 'Request Timeout') return 'timeout';
  if (cause === 'Connection Error') return 'connection';
  return 'other';
}

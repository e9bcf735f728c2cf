import { ContractFailure } from '../../shared/contract';
import type { User } from '../../shared/domain/user';
import type { CentralClient } from './central-client';
import type { HostEvents } from './contract/events';
import type { HostLogger } from './host-log';

interface SignedIn {
  user: User;
  token: string;
  /** Milliseconds since the epoch, or null when the server's expiry could not be read. */
  expiresAt: number | null;
}

/** setTimeout's ceiling; later expiries are caught by the check in current() instead. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Who is signed in on this host. The token lives only in this process's memory: it is never
 * written to disk, never logged and never handed to the page. Every change of person (sign-in,
 * sign-out, expiry, the server refusing the token) is announced as `session.changed`.
 */
export class SessionService {
  private state: SignedIn | null = null;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: CentralClient,
    private readonly events: HostEvents,
    private readonly log: HostLogger,
  ) {}

  current(): User | null {
    if (this.state?.expiresAt != null && this.state.expiresAt <= Date.now()) this.end('expired');
    return this.state?.user ?? null;
  }

  async signIn(username: string, password: string): Promise<User> {
    const reply = await this.client.login(username, password);
    const previous = this.state;
    if (previous) void this.logoutQuietly(previous.token);
    const expiresAt = Date.parse(reply.expiresAt);
    this.state = { user: reply.user, token: reply.token, expiresAt: Number.isNaN(expiresAt) ? null : expiresAt };
    this.armExpiry();
    this.log.info({ userId: reply.user.id, role: reply.user.role }, 'signed in');
    this.events.emit('session.changed', reply.user);
    return reply.user;
  }

  /** Ends the session here at once; the server is told when it can be reached. */
  async signOut(): Promise<void> {
    const previous = this.state;
    if (!previous) return;
    this.end('signed out');
    await this.logoutQuietly(previous.token);
  }

  /**
   * Runs a server request with the signed-in person's token. Without a session it fails with
   * UNAUTHENTICATED; when the server refuses the token (expired, revoked) the session ends here too,
   * so the console returns to sign-in instead of failing call after call.
   */
  async withToken<T>(request: (token: string) => Promise<T>): Promise<T> {
    if (!this.current() || !this.state) throw new ContractFailure('UNAUTHENTICATED', 'Sign in first.');
    const token = this.state.token;
    try {
      return await request(token);
    } catch (error) {
      if (error instanceof ContractFailure && error.code === 'UNAUTHENTICATED' && this.state?.token === token) {
        this.end('refused by the server');
      }
      throw error;
    }
  }

  /** Replaces the signed-in person's record (e.g. after a language change) and announces it. */
  updateUser(user: User): void {
    if (!this.state || this.state.user.id !== user.id) return;
    this.state = { ...this.state, user };
    this.events.emit('session.changed', user);
  }

  close(): void {
    clearTimeout(this.expiryTimer);
  }

  private end(why: string): void {
    if (!this.state) return;
    this.log.info({ userId: this.state.user.id, why }, 'session ended');
    this.state = null;
    clearTimeout(this.expiryTimer);
    this.events.emit('session.changed', null);
  }

  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    const expiresAt = this.state?.expiresAt;
    if (expiresAt == null) return;
    const delay = expiresAt - Date.now();
    if (delay > MAX_TIMER_MS) return;
    this.expiryTimer = setTimeout(() => this.current(), Math.max(0, delay));
    this.expiryTimer.unref();
  }

  private async logoutQuietly(token: string): Promise<void> {
    try {
      await this.client.logout(token);
    } catch (error) {
      // The local session is gone either way; an unreachable server lets the token expire on its own.
      this.log.warn({ code: error instanceof ContractFailure ? error.code : 'INTERNAL' }, 'server sign-out failed');
    }
  }
}

import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { LiveClientFrame, MAX_CLIENT_FRAME_BYTES, PRESENCE_STALE_MS } from '../../shared/api/presence';
import type { LiveMessage } from '../../shared/api/sync';
import type { PresenceReport } from '../../shared/domain/presence';
import type { LiveClientFrame as Frame } from '../../shared/api/presence';
import type { User } from '../../shared/domain/user';
import type { Db } from '../db/db';
import { markGone, PRESENCE_CHANNEL, sweepQuietConsoles, touchPresence, writePresence } from './presence-store';

/**
 * Presence over the live sockets (server/sync/live.ts holds the sockets; this listens on them).
 * Each console's presence frames are written to agent_presence in arrival order; a socket's close
 * marks its agent unreachable at once, and a sweep every `sweepMs` catches the consoles that went
 * quiet without a close. Any instance's presence write is a `kalma_presence` notification; on it,
 * every supervisor socket on this instance gets one `{"type":"presence"}` (coalesced) and reads
 * its wallboard again.
 */

export interface PresenceHubOptions {
  /** A console silent this long is unreachable. Default PRESENCE_STALE_MS. */
  staleMs?: number;
  /** How often quiet consoles are looked for. Default 1 s. */
  sweepMs?: number;
  /** Minimum gap between two pokes to supervisors. Default 25 ms. */
  coalesceMs?: number;
}

/** Roles whose consoles show a wallboard and so hear of presence changes. */
const WATCHING_ROLES: ReadonlySet<User['role']> = new Set(['supervisor']);
const POKE = JSON.stringify({ type: 'presence' } satisfies LiveMessage);

export class PresenceHub {
  private readonly watchers = new Set<WebSocket>();
  private readonly staleMs: number;
  private readonly coalesceMs: number;
  private readonly sweep: NodeJS.Timeout;
  private sweeping = false;
  private pokeTimer: NodeJS.Timeout | undefined;
  private lastPoke = 0;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    options: PresenceHubOptions = {},
  ) {
    this.staleMs = options.staleMs ?? PRESENCE_STALE_MS;
    this.coalesceMs = options.coalesceMs ?? 25;
    this.sweep = setInterval(() => void this.sweepOnce(), options.sweepMs ?? 1_000);
    this.sweep.unref();
  }

  /** Listens for presence changes from every instance; resolves to the stop function. */
  listen(): Promise<() => Promise<void>> {
    return this.db.listen(PRESENCE_CHANNEL, () => this.changed());
  }

  /** A console's live socket opened: follow its frames and its end. */
  attach(socket: WebSocket, user: User): void {
    if (this.closed) return;
    const connectionId = randomUUID();
    let lastReport: string | null = null;
    let queue = Promise.resolve();
    if (WATCHING_ROLES.has(user.role)) this.watchers.add(socket);

    const handle = async (report: PresenceReport): Promise<void> => {
      const text = JSON.stringify(report);
      if (text === lastReport && (await touchPresence(this.db, user.id, connectionId))) return;
      await writePresence(this.db, user.id, connectionId, report);
      lastReport = text;
    };

    const gone = async (): Promise<void> => {
      await markGone(this.db, user.id, connectionId);
      // The page's next report is written in full, which marks the agent reachable again.
      lastReport = null;
    };

    socket.on('message', (data: RawData, isBinary: boolean) => {
      const frame = this.parse(data, isBinary, user.id);
      if (!frame) return;
      // In arrival order: a heartbeat must not overtake the change sent before it.
      queue = queue
        .then(() => (frame.type === 'gone' ? gone() : handle(frame.report)))
        .catch((err: unknown) => this.log.warn({ err, userId: user.id }, 'presence not written'));
    });
    socket.on('close', () => {
      this.watchers.delete(socket);
      if (lastReport === null || this.closed) return;
      queue = queue
        .then(() => markGone(this.db, user.id, connectionId))
        .catch((err: unknown) => this.log.warn({ err, userId: user.id }, 'presence end not written'));
    });
  }

  close(): void {
    this.closed = true;
    clearInterval(this.sweep);
    clearTimeout(this.pokeTimer);
    this.watchers.clear();
  }

  private parse(data: RawData, isBinary: boolean, userId: string): Frame | null {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (isBinary || buffer.length > MAX_CLIENT_FRAME_BYTES) {
      this.log.debug({ userId, bytes: buffer.length }, 'live frame refused: binary or too big');
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(buffer.toString('utf8'));
    } catch {
      this.log.debug({ userId }, 'live frame is not JSON; ignored');
      return null;
    }
    const frame = LiveClientFrame.safeParse(json);
    if (!frame.success) {
      this.log.debug({ userId, issues: frame.error.issues.slice(0, 3) }, 'live frame not understood; ignored');
      return null;
    }
    return frame.data;
  }

  private async sweepOnce(): Promise<void> {
    if (this.sweeping || this.closed) return;
    this.sweeping = true;
    try {
      await sweepQuietConsoles(this.db, this.staleMs);
    } catch (err) {
      if (!this.closed) this.log.warn({ err }, 'presence sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  private changed(): void {
    if (this.pokeTimer || this.closed) return;
    const wait = this.lastPoke + this.coalesceMs - Date.now();
    if (wait <= 0) this.pokeWatchers();
    else this.pokeTimer = setTimeout(() => this.pokeWatchers(), wait);
  }

  private pokeWatchers(): void {
    this.pokeTimer = undefined;
    this.lastPoke = Date.now();
    for (const socket of this.watchers) {
      if (socket.readyState === socket.OPEN) socket.send(POKE);
    }
  }
}

import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../shared/api/sync';

/**
 * The consoles connected for live pokes. A commit anywhere (this instance or another one on the
 * same PostgreSQL) arrives as a `kalma_changes` notification; every socket then gets one
 * `{"type":"changed"}` and pulls. Pokes are coalesced — at most one per `coalesceMs` — so a
 * burst of commits costs each console one pull, not a thousand. A socket that misses a
 * heartbeat's pong is closed: a console that vanished without a close frame holds nothing.
 */

export const CHANGES_CHANNEL = 'kalma_changes';

export interface LiveHubOptions {
  /** Minimum gap between two pokes. Default 25 ms. */
  coalesceMs?: number;
  /** How often sockets are pinged; one missed pong closes the socket. Default 30 s. */
  heartbeatMs?: number;
}

interface Member {
  alive: boolean;
}

const CHANGED = JSON.stringify({ type: 'changed' } satisfies LiveMessage);

export class LiveHub {
  private readonly members = new Map<WebSocket, Member>();
  private readonly coalesceMs: number;
  private lastPoke = 0;
  private pokeTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(options: LiveHubOptions = {}) {
    this.coalesceMs = options.coalesceMs ?? 25;
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.members.size;
  }

  add(socket: WebSocket): void {
    // An upgrade that finished while the server was shutting down must not keep it alive.
    if (this.closed) {
      socket.close(1001, 'server shutting down');
      return;
    }
    const member: Member = { alive: true };
    this.members.set(socket, member);
    socket.on('pong', () => (member.alive = true));
    socket.on('close', () => this.members.delete(socket));
    socket.on('error', () => socket.terminate());
    // What a console sends up this socket (its presence) is the PresenceHub's (server/presence/).
    socket.send(JSON.stringify({ type: 'hello', serverTime: new Date().toISOString() } satisfies LiveMessage));
  }

  /** Something was committed: poke every socket now, or as soon as the coalescing gap allows. */
  changed(): void {
    if (this.pokeTimer) return;
    const wait = this.lastPoke + this.coalesceMs - Date.now();
    if (wait <= 0) this.pokeAll();
    else this.pokeTimer = setTimeout(() => this.pokeAll(), wait);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.pokeTimer) clearTimeout(this.pokeTimer);
    this.pokeTimer = undefined;
    for (const socket of this.members.keys()) socket.close(1001, 'server shutting down');
    this.members.clear();
  }

  private pokeAll(): void {
    this.pokeTimer = undefined;
    this.lastPoke = Date.now();
    for (const socket of this.members.keys()) {
      if (socket.readyState === socket.OPEN) socket.send(CHANGED);
    }
  }

  private checkHeartbeats(): void {
    for (const [socket, member] of this.members) {
      if (!member.alive) {
        socket.terminate();
        this.members.delete(socket);
        continue;
      }
      member.alive = false;
      socket.ping();
    }
  }
}

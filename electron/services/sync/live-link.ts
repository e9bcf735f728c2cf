import { WebSocket, type RawData } from 'ws';
import type { LiveClientFrame } from '../../../shared/api/presence';
import { API_SYNC, LiveMessage } from '../../../shared/api/sync';
import type { HostLogger } from '../host-log';
import { Backoff, type BackoffOptions } from './backoff';

/**
 * The server's poke channel: a WebSocket that says "something changed, pull". Reconnects on its
 * own with backoff; pings so that a dead network (no RST, no close) is noticed within
 * 2 × heartbeat. Tokens travel in the Authorization header, never in the URL (URLs end up in logs).
 */

export interface LiveLinkOptions {
  serverUrl: string;
  /** The signed-in person's token, or a rejection when there is none. */
  token(): Promise<string>;
  onConnected(): void;
  onChanged(): void;
  /** An agent's presence changed (the server tells supervisors' consoles only). */
  onPresence?(): void;
  onDisconnected(why: string): void;
  /** The server refused the token on the upgrade (401). */
  onUnauthorized(): void;
  backoff?: BackoffOptions;
  heartbeatMs?: number;
  log: HostLogger;
}

const MAX_MESSAGE_BYTES = 64 * 1024;

export class LiveLink {
  private socket: WebSocket | null = null;
  private readonly backoff: Backoff;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;
  private connected = false;

  constructor(private readonly opts: LiveLinkOptions) {
    // Short ceiling: the live link is also how a console notices the server is back after an outage.
    this.backoff = new Backoff({ baseMs: 500, maxMs: 10_000, ...opts.backoff });
  }

  get isConnected(): boolean {
    return this.connected;
  }

  start(): void {
    if (!this.closed && !this.socket && !this.reconnectTimer) void this.connect();
  }

  /** Try now instead of waiting for the scheduled reconnect (the agent pressed "retry"). */
  reconnectNow(): void {
    if (this.closed || this.socket) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.backoff.reset();
    void this.connect();
  }

  /**
   * Sends a frame up the socket (the console's presence); false when the link is down — the
   * caller sends again on its next heartbeat or when the link is back.
   */
  send(frame: LiveClientFrame): boolean {
    const socket = this.socket;
    if (!this.connected || !socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeat);
    const socket = this.socket;
    this.socket = null;
    if (socket?.readyState === WebSocket.OPEN) {
      // A close frame after what was sent (the last presence: offline), so the server hears both
      // now rather than a lost connection later; cut it if the server does not answer.
      socket.close(1000, 'signed out');
      setTimeout(() => socket.terminate(), 2_000).unref();
    } else {
      socket?.terminate();
    }
  }

  private async connect(): Promise<void> {
    let token: string;
    try {
      token = await this.opts.token();
    } catch {
      return; // signed out meanwhile: the sync client closes this link
    }
    if (this.closed) return;
    const url = new URL(API_SYNC.live, this.opts.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${token}` },
      maxPayload: MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
      handshakeTimeout: 10_000,
    });
    this.socket = socket;
    let alive = true;

    socket.on('open', () => {
      this.connected = true;
      this.backoff.reset();
      this.heartbeat = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, this.opts.heartbeatMs ?? 20_000);
      this.heartbeat.unref();
      this.opts.onConnected();
    });
    socket.on('pong', () => (alive = true));
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('unexpected-response', (_request, response) => {
      if (response.statusCode === 401) this.opts.onUnauthorized();
      this.opts.log.warn({ status: response.statusCode }, 'live updates refused by the server');
      response.resume();
      // Aborts the handshake; the socket then closes and the reconnect is scheduled as usual.
      socket.terminate();
    });
    socket.on('error', (error) => this.opts.log.debug({ err: error }, 'live socket error'));
    socket.on('close', () => {
      clearInterval(this.heartbeat);
      const wasConnected = this.connected;
      this.connected = false;
      if (this.socket === socket) this.socket = null;
      if (this.closed) return;
      this.opts.onDisconnected(wasConnected ? 'connection lost' : 'could not connect');
      const delay = this.backoff.next();
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = undefined;
        void this.connect();
      }, delay);
      this.reconnectTimer.unref();
    });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let json: unknown;
    try {
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      json = JSON.parse(text);
    } catch {
      return this.opts.log.warn('live message is not JSON; ignored');
    }
    const message = LiveMessage.safeParse(json);
    if (!message.success) return this.opts.log.debug('unknown live message; ignored');
    if (message.data.type === 'changed') this.opts.onChanged();
    else if (message.data.type === 'presence') this.opts.onPresence?.();
  }
}

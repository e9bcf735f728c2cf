import WebSocket from 'ws';
import type { Socket } from 'jssip';

/**
 * JsSIP's transport for Node: the same contract as JsSIP.WebSocketInterface (which needs a
 * browser's global WebSocket), built on the `ws` package. Lets integration tests drive real JsSIP
 * user agents against the real Kamailio without a browser.
 */
export class NodeSipSocket implements Socket {
  readonly url: string;
  readonly sip_uri: string;
  private transport: string;
  private ws: WebSocket | null = null;

  constructor(url: string) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new TypeError(`not a WebSocket URL: ${url}`);
    this.url = url;
    this.sip_uri = `sip:${parsed.host};transport=ws`;
    this.transport = parsed.protocol === 'wss:' ? 'WSS' : 'WS';
  }

  get via_transport(): string {
    return this.transport;
  }

  set via_transport(value: string) {
    this.transport = value.toUpperCase();
  }

  // JsSIP's Transport assigns these three before connecting.
  onconnect(): void {}
  ondisconnect(_error: boolean, _code?: number, _reason?: string): void {}
  ondata<T>(_event: T): void {}

  connect(): void {
    if (this.isConnected() || this.isConnecting()) return;
    this.disconnect();
    const ws = new WebSocket(this.url, 'sip');
    this.ws = ws;
    ws.on('open', () => this.onconnect());
    ws.on('close', (code, reason) => {
      if (this.ws !== ws) return;
      this.ws = null;
      // A close the server did not announce (crash, kill) is an error for JsSIP: it reconnects.
      this.ondisconnect(code !== 1000, code, reason.toString());
    });
    ws.on('message', (data, isBinary) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.ondata(isBinary ? buffer : buffer.toString('utf8'));
    });
    // 'close' follows every 'error'; JsSIP learns of the failure there.
    ws.on('error', () => undefined);
  }

  disconnect(): void {
    const ws = this.ws;
    if (ws === null) return;
    this.ws = null;
    ws.removeAllListeners();
    ws.on('error', () => undefined);
    ws.close();
  }

  send(message: string | ArrayBufferLike | Blob | ArrayBufferView): boolean {
    if (!this.isConnected() || this.ws === null) return false;
    if (typeof Blob !== 'undefined' && message instanceof Blob) return false;
    this.ws.send(message as string | ArrayBufferLike | ArrayBufferView);
    return true;
  }

  isConnected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  isConnecting(): boolean {
    return this.ws?.readyState === WebSocket.CONNECTING;
  }
}

import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { fail, issuesOf, type Result } from '../../shared/contract';
import { CallFrame, MAX_FRAME_BYTES, type EventFrame, type ResultFrame } from '../../shared/contract/wire';
import type { HostEvents } from '../services/contract/events';
import type { HandlerRegistry } from '../services/contract/registry';
import type { HostLogger } from '../services/host-log';

/**
 * Frame-level errors (not JSON, not a call frame, no usable id) are answered with this id. Page
 * clients number their calls from 1, so it never settles a real call, yet a page that sent garbage
 * still gets an explanation instead of silence.
 */
export const FRAME_ERROR_ID = 0;

export interface Bridge {
  /** Takes over an upgrade the web host has already authorized. */
  wss: WebSocketServer;
  close(): Promise<void>;
}

/**
 * The contract over one WebSocket per page: call frames in, result frames out, and every host
 * event pushed to every page. The upgrade is authorized before it reaches this (cookie + Origin);
 * here every frame is still parsed, and nothing a page sends can crash the host.
 */
export function createBridge(opts: {
  registry: HandlerRegistry;
  events: HostEvents;
  /** The page origin the upgrade check admitted (known once the host listens). */
  origin: () => string;
  log: HostLogger;
  /** Pages connected now, after each connect and close (presence: no page, no one to take calls). */
  onPages?(count: number): void;
}): Bridge {
  const { registry, events, origin, log, onPages } = opts;
  // maxPayload makes ws refuse oversized frames (close 1009) before buffering them whole.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });

  const send = (socket: WebSocket, frame: ResultFrame | EventFrame) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  };
  const reply = (socket: WebSocket, id: number, result: Result<unknown>) => send(socket, { type: 'result', id, result });

  async function onMessage(socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) return reply(socket, FRAME_ERROR_ID, fail('INVALID_INPUT', 'The bridge accepts text frames only.'));
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return reply(socket, FRAME_ERROR_ID, fail('INVALID_INPUT', 'The frame is not valid JSON.'));
    }
    const frame = CallFrame.safeParse(json);
    if (!frame.success) {
      const id = (json as { id?: unknown } | null)?.id;
      const usableId = Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : FRAME_ERROR_ID;
      return reply(socket, usableId, fail('INVALID_INPUT', 'The frame is not a call frame.', issuesOf(frame.error)));
    }
    const { id, name, input } = frame.data;
    const result = await registry.dispatch(name, input, { origin: origin() });
    reply(socket, id, result);
  }

  wss.on('connection', (socket) => {
    log.debug({ clients: wss.clients.size }, 'page connected to the bridge');
    onPages?.(wss.clients.size);
    socket.on('close', () => onPages?.(wss.clients.size));
    socket.on('message', (data, isBinary) => {
      onMessage(socket, data, isBinary).catch((error: unknown) => log.error({ err: error }, 'bridge frame failed'));
    });
    socket.on('error', (error) => log.warn({ err: error }, 'bridge socket error'));
  });

  const unsubscribe = events.subscribe((name, payload) => {
    for (const socket of wss.clients) send(socket, { type: 'event', name, payload });
  });

  return {
    wss,
    close: () =>
      new Promise<void>((done) => {
        unsubscribe();
        for (const socket of wss.clients) socket.close(1001, 'host shutting down');
        // Pages that do not finish the closing handshake promptly are cut off.
        const cutoff = setTimeout(() => {
          for (const socket of wss.clients) socket.terminate();
        }, 1000);
        cutoff.unref();
        wss.close(() => {
          clearTimeout(cutoff);
          done();
        });
      }),
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import { createConsoleHost, type ConsoleHost } from '../services/console-host';
import { silentLog, type HostLogger } from '../services/host-log';
import { createBridge } from './bridge-socket';
import { createLaunchSecret, HOST_COOKIE, hostCookie, readCookie, secretMatches } from './launch-secret';
import { applySecurityHeaders, sendPlain } from './security-headers';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  serverUrl: string;
  /** The host's data folder (settings, later the local cache). */
  dataDir: string;
  /** The built renderer; relative paths resolve from the working directory. */
  rendererDir?: string;
  log?: HostLogger;
  version?: string;
}

export interface RunningWebHost {
  /** The host's origin, e.g. http://127.0.0.1:41234 — useless to a browser without the cookie. */
  url: string;
  /** What a person opens: the origin with this launch's secret (`/?k=…`). */
  launchUrl: string;
  /** The services behind the bridge, for in-process tests. */
  consoleHost: ConsoleHost;
  close(): Promise<void>;
}

/** Only loopback: the console and its secrets never listen on a network interface. */
const BIND_ADDRESS = '127.0.0.1';
export const BRIDGE_PATH = '/bridge';

const NOT_AUTHORIZED =
  'This is the Kalma console host. Open the address the host printed when it started (it ends in /?k=…) to use the console.';

/**
 * The web host: one local HTTP server that serves the built renderer and carries the contract
 * over a WebSocket at /bridge, on the same port. A page proves it was opened by the person at
 * this machine with the per-launch secret from the printed URL, exchanged once for an HttpOnly
 * SameSite=Strict cookie; the bridge also requires the host's own Origin, so no other site open in
 * the same browser can drive the console. The Host header must name the loopback address too,
 * which turns away DNS-rebinding pages.
 */
export async function startWebHost(opts: WebHostOptions): Promise<RunningWebHost> {
  const log = opts.log ?? silentLog();
  const rendererDir = resolve(opts.rendererDir ?? 'out/renderer');
  const secret = createLaunchSecret();
  const consoleHost = createConsoleHost({
    dataDir: opts.dataDir,
    serverUrl: opts.serverUrl,
    hostKind: 'web',
    version: opts.version ?? '0.0.0',
    log,
  });

  const server = createServer();
  // The origin is known once the port is; no request can arrive before these are set.
  let origin = '';
  let hostHeader = '';
  const bridge = createBridge({
    registry: consoleHost.registry,
    events: consoleHost.events,
    origin: () => origin,
    log,
    onPages: (count) => consoleHost.pagesOpen(count),
  });

  const hasCookie = (req: IncomingMessage) => secretMatches(readCookie(req.headers.cookie, HOST_COOKIE), secret);

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== hostHeader) return sendPlain(res, 421, `Open the console at ${origin}.`);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    const rawPath = req.url ?? '/';
    const queryAt = rawPath.indexOf('?');
    const pathname = queryAt === -1 ? rawPath : rawPath.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : rawPath.slice(queryAt + 1));

    const offered = query.get('k');
    if (offered !== null) {
      if (!secretMatches(offered, secret)) {
        log.warn({ path: pathname }, 'launch link with a wrong secret refused');
        return sendPlain(res, 401, NOT_AUTHORIZED);
      }
      // Swap the secret for a cookie and take it out of the address bar (and out of history).
      applySecurityHeaders(res);
      res.writeHead(303, { Location: '/', 'Set-Cookie': hostCookie(secret), 'Cache-Control': 'no-store', 'Content-Length': '0' });
      return void res.end();
    }
    if (!hasCookie(req)) return sendPlain(res, 401, NOT_AUTHORIZED);
    await serveStatic(req, res, rendererDir, pathname);
  }

  function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404 | 421, reason: string): void {
    log.warn({ status, reason }, 'bridge connection refused');
    // Destroyed once the refusal is flushed, so the page learns why instead of seeing a reset.
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error({ err: error, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) sendPlain(res, 500, 'The console host failed to answer.');
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== BRIDGE_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (req.headers.host !== hostHeader) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!hasCookie(req)) return refuseUpgrade(socket, 401, 'Unauthorized');
    // Browsers always send Origin on WebSocket handshakes; a foreign or missing one is another site.
    if (req.headers.origin !== origin) return refuseUpgrade(socket, 403, 'Forbidden');
    const { wss } = bridge;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  // Slow or idle clients must not hold sockets open forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  try {
    await new Promise<void>((done, failed) => {
      server.once('error', failed);
      server.listen(opts.port ?? 0, BIND_ADDRESS, () => {
        server.off('error', failed);
        done();
      });
    });
  } catch (error) {
    await bridge.close();
    await consoleHost.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  hostHeader = `${BIND_ADDRESS}:${port}`;
  origin = `http://${hostHeader}`;
  log.debug({ url: origin, rendererDir, serverUrl: consoleHost.serverUrl }, 'web host listening');

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    launchUrl: `${origin}/?k=${secret}`,
    consoleHost,
    close: () =>
      (closing ??= (async () => {
        await bridge.close();
        await new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
        await consoleHost.close();
      })()),
  };
}

import { request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';
import type { Result } from '../../../shared/contract';
import { startTsProcess, type ReadyProcess } from '../../fixtures/processes';

/**
 * Real processes for the crash tests: the web host and the central server started from source,
 * on a data folder (and, for the server, a port) that survives a SIGKILL and a restart.
 */

export interface HostProcess {
  url: string;
  launchUrl: string;
  process: ReadyProcess;
}

export async function startHostProcess(serverUrl: string, dataDir: string): Promise<HostProcess> {
  const proc = await startTsProcess(
    'electron/web/main.ts',
    { PORT: '0', KALMA_SERVER_URL: serverUrl, KALMA_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    { name: 'web host' },
  );
  return { url: String(proc.ready.url), launchUrl: String(proc.ready.launchUrl), process: proc };
}

export async function startServerProcess(opts: { port: number; dataDir: string; databaseUrl?: string }): Promise<ReadyProcess> {
  return startTsProcess(
    'server/main.ts',
    { PORT: String(opts.port), KALMA_DATA_DIR: opts.dataDir, KALMA_DEMO: '1', DATABASE_URL: opts.databaseUrl, LOG_LEVEL: 'info' },
    { name: 'central server', timeoutMs: 60_000 },
  );
}

/** SIGKILL: no shutdown code runs, exactly like a crash or a pulled plug (minus the disk cache). */
export async function kill(proc: ReadyProcess): Promise<void> {
  await proc.stop('SIGKILL');
}

export interface BridgeClient {
  call<T = unknown>(name: string, input?: unknown): Promise<Result<T>>;
  value<T = unknown>(name: string, input?: unknown): Promise<T>;
  close(): void;
}

/** The contract over the web host's bridge, as a page uses it: launch secret → cookie → WebSocket. */
export async function openBridge(host: HostProcess): Promise<BridgeClient> {
  const cookie = await new Promise<string>((resolve, reject) => {
    const launch = new URL(host.launchUrl);
    const req = httpRequest({ host: launch.hostname, port: launch.port, path: `${launch.pathname}${launch.search}`, agent: false }, (res) => {
      res.resume();
      const set = res.headers['set-cookie']?.[0];
      if (set) resolve(set.split(';')[0]!);
      else reject(new Error(`no cookie from the launch URL (HTTP ${res.statusCode})`));
    });
    req.on('error', reject);
    req.end();
  });
  const socket = new WebSocket(`${host.url.replace('http:', 'ws:')}/bridge`, { headers: { cookie, origin: host.url } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; id?: number; result?: Result<unknown> };
    if (frame.type === 'result' && frame.id !== undefined) {
      waiting.get(frame.id)?.(frame.result!);
      waiting.delete(frame.id);
    }
  });
  socket.on('close', () => {
    for (const settle of waiting.values()) settle({ ok: false, error: { code: 'UNAVAILABLE', message: 'bridge closed' } });
    waiting.clear();
  });
  socket.on('error', () => {});
  const client: BridgeClient = {
    call: <T>(name: string, input: unknown = {}) =>
      new Promise<Result<T>>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve as (r: Result<unknown>) => void);
        socket.send(JSON.stringify({ type: 'call', id, name, input }));
      }),
    async value<T>(name: string, input: unknown = {}) {
      const result = await client.call<T>(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    close: () => socket.terminate(),
  };
  return client;
}

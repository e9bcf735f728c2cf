import { createBridgeClient } from './bridge-client';
import type { ConnectionState, HostClient } from './host-client';
import { createIpcClient } from './ipc-client';

export type { ConnectionState, HostClient } from './host-client';

/** The web host's bridge lives on the page's own origin; the host checks that origin. */
const bridgeUrl = (location: Location): string => `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/bridge`;

/** Electron's preload when present (it defines window.kalma), else the web host's WebSocket. */
function pickHost(): HostClient {
  if (window.kalma) return createIpcClient(window.kalma);
  return createBridgeClient({ url: bridgeUrl(window.location) });
}

let chosen: HostClient | undefined;
// Chosen on first use, not at import: importing the module opens no connection.
const current = (): HostClient => (chosen ??= pickHost());

/**
 * The host, whichever it is. The rest of the renderer uses only this object:
 * `await host.invoke('session.signIn', { username, password })` → Result, and
 * `host.on('session.changed', (user) => …)` → unsubscribe.
 */
export const host: HostClient = {
  invoke: (name, input) => current().invoke(name, input),
  on: (event, handler) => current().on(event, handler),
  connection: (): ConnectionState => current().connection(),
  onConnection: (handler) => current().onConnection(handler),
};

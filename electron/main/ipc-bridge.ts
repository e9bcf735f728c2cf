import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { fail, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract';
import type { ConsoleHost } from '../services/console-host';
import type { HostLogger } from '../services/host-log';
import { originOf } from './app-protocol';

/**
 * The contract over Electron IPC. A call is dispatched only when the frame that sent it shows the
 * console's own origin, so a page that somehow got into a window (or a frame inside it) cannot
 * drive the host. Events go to every window showing the console.
 */
export function connectIpc(consoleHost: ConsoleHost, appOrigin: string, log: HostLogger): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    const origin = frameOrigin(event.senderFrame);
    if (origin !== appOrigin) {
      log.warn({ origin, call: typeof name === 'string' ? name.slice(0, 128) : typeof name }, 'call from a foreign page refused');
      return fail('FORBIDDEN', 'Calls are accepted only from the Kalma console page.');
    }
    return consoleHost.registry.dispatch(name, input, { origin });
  });

  const unsubscribe = consoleHost.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || originOf(contents.getURL()) !== appOrigin) continue;
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}

/**
 * The sender's origin from its URL, confirmed by the frame's real origin: a sandboxed frame at a
 * console URL has an opaque origin ("null") and is not the console.
 */
function frameOrigin(frame: WebFrameMain | null | undefined): string | null {
  try {
    if (!frame) return null;
    const fromUrl = originOf(frame.url);
    return fromUrl !== null && fromUrl === frame.origin ? fromUrl : null;
  } catch {
    // A frame that navigated or was destroyed mid-call throws on access: treat it as no sender.
    return null;
  }
}

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { pino } from 'pino';
import { z } from 'zod';
import { createConsoleHost, type ConsoleHost } from '../services/console-host';
import { createHostLog } from '../services/host-log';
import { APP_ORIGIN, APP_START_URL, originOf, registerAppScheme, serveRenderer } from './app-protocol';
import { connectIpc } from './ipc-bridge';
import { createMainWindow } from './main-window';
import { applySessionPolicy, guardContents } from './page-security';

// Bundled to out/main/index.js; the preload and renderer bundles sit beside it in out/.
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // One console per machine: a second launch hands over to the first and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Before the logger exists there is only stderr; a half-started host must not linger.
      console.error('Kalma could not start', error);
      app.exit(1);
    });
}

function start(): void {
  const dataDir = app.getPath('userData');
  const log = createHostLog({
    name: 'kalma-electron',
    destination: pino.multistream([
      { stream: process.stdout },
      { stream: pino.destination({ dest: join(dataDir, 'logs', 'host.log'), mkdir: true, sync: false }) },
    ]),
  });

  const envServerUrl = z.url({ protocol: /^https?$/ }).safeParse(process.env.KALMA_SERVER_URL);
  if (process.env.KALMA_SERVER_URL && !envServerUrl.success) log.warn('KALMA_SERVER_URL is not an http(s) URL; ignored');
  const consoleHost: ConsoleHost = createConsoleHost({
    dataDir,
    serverUrl: envServerUrl.success ? envServerUrl.data : undefined,
    hostKind: 'electron',
    version: app.getVersion(),
    log,
  });

  // In development electron-vite serves the renderer with hot reload; the app origin follows it.
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const appOrigin = (devUrl && originOf(devUrl)) || APP_ORIGIN;
  const startUrl = devUrl ?? APP_START_URL;

  app.on('web-contents-created', (_event, contents) => guardContents(contents, appOrigin, log));
  serveRenderer(session.defaultSession, RENDERER_DIR);
  applySessionPolicy(session.defaultSession, appOrigin, log);
  const disconnectIpc = connectIpc(consoleHost, appOrigin, log);

  const openWindow = () => {
    mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, settings: consoleHost.settings, log });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(startUrl).catch((error: unknown) => log.error({ err: error, url: startUrl }, 'console page failed to load'));
  };
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // The host holds the person's session: closing the console ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    disconnectIpc();
    void consoleHost.close();
  });
  log.info({ url: startUrl, serverUrl: consoleHost.serverUrl, dataDir }, 'ready');
}

import { app, BrowserWindow, dialog, screen, type Rectangle } from 'electron';
import { LEAVE_DURING_CALL } from '../../shared/i18n/leave-during-call';
import type { HostLogger } from '../services/host-log';
import type { SettingsStore, WindowBounds } from '../services/settings-store';
import { isReloadKey } from './reload-keys';

const DEFAULT_SIZE = { width: 1366, height: 860 };
const SAVE_DELAY_MS = 500;

/** Saved bounds are used only if they still overlap a connected display (monitors come and go). */
function visibleBounds(saved: WindowBounds | undefined): WindowBounds | undefined {
  if (!saved) return undefined;
  const overlaps = (area: Rectangle) =>
    saved.x < area.x + area.width && saved.x + saved.width > area.x && saved.y < area.y + area.height && saved.y + saved.height > area.y;
  return screen.getAllDisplays().some((display) => overlaps(display.workArea)) ? saved : undefined;
}

/**
 * The console window: sandboxed, context-isolated, no Node in the page; the preload is the only
 * bridge. It opens where it was last closed, and its place is saved as it moves.
 */
export function createMainWindow(opts: { preloadPath: string; settings: SettingsStore; log: HostLogger }): BrowserWindow {
  const bounds = visibleBounds(opts.settings.get().windowBounds);
  const window = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : DEFAULT_SIZE),
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Kalma',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });

  // Developers keep their reload; agents on a packaged build cannot reload by accident.
  if (app.isPackaged) {
    window.webContents.on('before-input-event', (event, input) => {
      if (isReloadKey(input)) event.preventDefault();
    });
  }
  // The page refuses to unload during a call (beforeunload); Electron shows no dialog of its own.
  window.webContents.on('will-prevent-unload', (event) => {
    const text = LEAVE_DURING_CALL[opts.settings.get().language];
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: [text.stay, text.leave],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });

  window.once('ready-to-show', () => {
    if (bounds?.maximized) window.maximize();
    window.show();
  });

  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    if (window.isDestroyed() || window.isMinimized()) return;
    const { x, y, width, height } = window.getNormalBounds();
    try {
      opts.settings.update({ windowBounds: { x, y, width, height, maximized: window.isMaximized() } });
    } catch (error) {
      // Losing the window's place is not worth interrupting anyone's work.
      opts.log.warn({ err: error }, 'window position not saved');
    }
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
  return window;
}

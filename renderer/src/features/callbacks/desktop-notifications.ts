import { z } from 'zod';

/**
 * The browser's Notification API, as the callbacks list uses it. Kept apart from the store so the
 * store reads as what it does, and so tests replace the browser at one place. Electron grants the
 * permission to the console's own page only (electron/main/permission-policy.ts).
 */

export type NotificationAccess = 'granted' | 'denied' | 'default' | 'unsupported';

export interface DesktopNotice {
  title: string;
  body: string;
  /** One notification per callback: the system replaces rather than stacks a second with the same tag. */
  tag: string;
  onClick(): void;
}

const api = (): typeof Notification | null => (typeof Notification === 'function' ? Notification : null);

export function notificationAccess(): NotificationAccess {
  return api()?.permission ?? 'unsupported';
}

/** Asks for the permission; call only from what the agent clicked (browsers ignore it otherwise). */
export async function askForNotifications(): Promise<NotificationAccess> {
  const Api = api();
  if (!Api) return 'unsupported';
  if (Api.permission !== 'default') return Api.permission;
  try {
    return await Api.requestPermission();
  } catch {
    return Api.permission;
  }
}

/** Shows the notice; false when it could not be shown (no permission, or the system refused). */
export function showNotice(notice: DesktopNotice): boolean {
  const Api = api();
  if (!Api || Api.permission !== 'granted') return false;
  try {
    const shown = new Api(notice.title, { body: notice.body, tag: notice.tag });
    shown.onclick = () => {
      notice.onClick();
      shown.close();
    };
    return true;
  } catch {
    return false;
  }
}

/**
 * The callbacks already notified in this console's session, kept in sessionStorage so a reload of
 * the page does not notify them again (a new session does, once). Read back through zod: it is
 * storage the page does not control alone.
 */
const NOTIFIED_KEY = 'kalma.notifiedCallbacks';
const MAX_REMEMBERED = 500;
const Notified = z.array(z.string().max(64)).max(MAX_REMEMBERED);

export function loadNotified(): Set<string> {
  try {
    const parsed = Notified.safeParse(JSON.parse(sessionStorage.getItem(NOTIFIED_KEY) ?? '[]'));
    return new Set(parsed.success ? parsed.data : []);
  } catch {
    return new Set();
  }
}

export function saveNotified(ids: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(NOTIFIED_KEY, JSON.stringify([...ids].slice(-MAX_REMEMBERED)));
  } catch {
    // Storage full or refused: at worst a reload notifies a callback once more.
  }
}

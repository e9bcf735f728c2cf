import { shell, type Session, type WebContents } from 'electron';
import { originOf } from './app-protocol';
import type { HostLogger } from '../services/host-log';
import { grantsCheck, grantsRequest } from './permission-policy';

/**
 * Links the console may open in the person's browser. Empty for now: every new window and every
 * navigation away from the console is refused. Entries are exact https origins.
 */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = [];

/**
 * The session's permission policy (permission-policy.ts): the console's own page may use the
 * microphone (the softphone) and desktop notifications (callbacks due) and nothing else — no
 * camera, screen, devices or geolocation — and no other page may use anything at all.
 */
export function applySessionPolicy(ses: Session, appOrigin: string, log: HostLogger): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const origin = originOf(details.requestingUrl);
    const granted = grantsRequest({ permission, origin, mediaTypes }, appOrigin);
    if (!granted) log.warn({ permission, origin, mediaTypes }, 'permission request refused');
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const origin = details.securityOrigin ? originOf(details.securityOrigin) : originOf(requestingOrigin);
    return grantsCheck({ permission, origin, mediaType: details.mediaType }, appOrigin);
  });
  // USB, HID, serial and Bluetooth: none. (Without a select-*-device handler Electron cancels
  // device choosers, and without a display-media handler screen capture is refused.)
  ses.setDevicePermissionHandler(() => false);
}

/** Applied to every web contents the app creates: no navigation away, no popups, no webviews. */
export function guardContents(contents: WebContents, appOrigin: string, log: HostLogger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log.warn({ url: originOf(url) }, 'navigation refused');
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) === appOrigin) return;
    event.preventDefault();
    log.warn({ url: originOf(url) }, 'redirect refused');
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const origin = originOf(url);
    if (origin && url.startsWith('https://') && EXTERNAL_LINK_ALLOWLIST.includes(origin)) {
      void shell.openExternal(url);
    } else {
      log.warn({ url: origin }, 'window.open refused');
    }
    return { action: 'deny' };
  });
}

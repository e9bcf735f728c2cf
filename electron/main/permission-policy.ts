/**
 * What the console's page may use, decided apart from Electron so it can be tested in plain Node:
 * the microphone (the softphone) and desktop notifications (a callback is due), both for the
 * console's own origin only. Everything else — camera, screen, devices, geolocation, clipboard —
 * is refused, and no other origin gets anything at all.
 */

/** A page asking for a permission (setPermissionRequestHandler). */
export interface PermissionRequestFacts {
  permission: string;
  /** The origin of the requesting frame, as app-protocol's originOf reads it. */
  origin: string | null;
  /** For media requests: the kinds of media asked for. */
  mediaTypes?: readonly string[];
}

/** A page checking whether it holds a permission (setPermissionCheckHandler). */
export interface PermissionCheckFacts {
  permission: string;
  origin: string | null;
  /** For media checks: 'audio', 'video' or 'unknown'. */
  mediaType?: string;
}

const isAudioOnly = (types: readonly string[] | undefined): boolean =>
  Array.isArray(types) && types.length > 0 && types.every((t) => t === 'audio');

export function grantsRequest(ask: PermissionRequestFacts, appOrigin: string): boolean {
  if (ask.origin !== appOrigin) return false;
  if (ask.permission === 'notifications') return true;
  return ask.permission === 'media' && isAudioOnly(ask.mediaTypes);
}

export function grantsCheck(check: PermissionCheckFacts, appOrigin: string): boolean {
  if (check.origin !== appOrigin) return false;
  if (check.permission === 'notifications') return true;
  return check.permission === 'media' && check.mediaType === 'audio';
}

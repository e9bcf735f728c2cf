import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { cacheControlFor, mimeTypeOf, resolveInside } from '../services/renderer-files';

/**
 * The console loads from `kalma://app/`, a privileged scheme served from the built renderer,
 * rather than file://: it gets a real origin (so permissions and IPC can be pinned to it), it is a
 * secure context (getUserMedia works), and it cannot read arbitrary local files the way a file://
 * page's origin can.
 */
export const APP_SCHEME = 'kalma';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** Must run before the app is ready: Chromium learns scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin and relative URLs; secure: a secure context for the microphone;
      // supportFetchAPI + corsEnabled: Vite's `<script type="module" crossorigin>` loads.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true, stream: true },
    },
  ]);
}

/**
 * The origin of a URL as Chromium sees it. Node's URL gives 'null' as the origin of non-special
 * schemes such as kalma:, so it is built from protocol and host instead.
 */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const notFound = () =>
  new Response('Not found.', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves `kalma://app/…` from the built renderer with the shared CSP; nothing outside it. */
export function serveRenderer(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
    const file = resolveInside(rendererDir, url.pathname);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file), 'Cache-Control': cacheControlFor(file) },
      });
    } catch {
      return notFound();
    }
  });
}

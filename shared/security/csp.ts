/**
 * The console's Content-Security-Policy, one string for every place that serves the renderer:
 * the web host's header, Electron's protocol handler header, and (optionally) a meta tag in
 * renderer/index.html.
 *
 * connect-src allows ws:/wss: because the softphone opens SIP WebSockets straight to the PBX;
 * no http(s) origin other than the page's own may be fetched, so the renderer reaches the central
 * server only through its host. media-src allows blob:/mediastream: for call audio.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

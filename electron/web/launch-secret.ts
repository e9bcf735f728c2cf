import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie that proves a browser opened this launch's URL. */
export const HOST_COOKIE = 'kalma_host';

/** A per-launch secret: 32 random bytes, base64url (safe in a URL and in a cookie as is). */
export const createLaunchSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Constant-time comparison. Hashing both sides first gives timingSafeEqual equal lengths, so
 * neither the content nor the length of the secret leaks through response timing.
 */
export function secretMatches(candidate: string | null | undefined, secret: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(candidate), digest(secret));
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export const hostCookie = (secret: string): string => `${HOST_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`;

import { z } from 'zod';

/**
 * The reference number an agent reads out for every call (Brazil's customer-service decree asks
 * for a protocol number for every contact). Made on the console from the call itself, with no
 * server round trip, so it exists the moment the call does, offline too:
 *
 *   MMDD-XXXX-XXXX   e.g. 0714-K7QX-3MPA
 *
 * MMDD is the UTC day the call started (UTC so the console, the host and the server all derive the
 * same number from the same call whatever their time zones); the eight characters after it are 40
 * bits of a hash of the call's SIP id in Crockford's base32, which has no I, L, O or U, so nothing
 * read aloud can be heard or typed as something else. Groups of four are easy to say and repeat.
 */

/** Crockford's base32: digits and letters without I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const CALL_REFERENCE_PATTERN = /^\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
export const CallReference = z.string().regex(CALL_REFERENCE_PATTERN, 'a call reference like 0714-K7QX-3MPA');
export type CallReference = z.infer<typeof CallReference>;

/** The call record keeps at most this much of the SIP id; the reference hashes the same text. */
const CALL_ID_CHARS = 300;

/**
 * cyrb53: a small, well-mixed 53-bit string hash (public domain). Pure JavaScript, so shared code
 * can use it in the page, the host and the server alike.
 */
function hash53(text: string): { high: number; low: number } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { high: (h2 >>> 0) & 0x1fffff, low: h1 >>> 0 };
}

/** Eight base32 characters from 40 bits: the low 32 bits of the hash and 8 of the high ones. */
function base32Of40(high8: number, low32: number): string {
  let out = '';
  // 40 bits = 8 groups of 5, most significant first; split so no shift runs past 32 bits.
  const value = high8 * 2 ** 32 + low32;
  for (let i = 7; i >= 0; i--) out += ALPHABET[Math.floor(value / 2 ** (5 * i)) % 32];
  return out;
}

/** The reference of a call: its SIP id and when it started (ISO text or epoch milliseconds). */
export function callReference(callId: string, startedAt: string | number | Date): CallReference {
  const started = new Date(startedAt);
  if (Number.isNaN(started.getTime())) throw new Error(`not a time: ${String(startedAt)}`);
  const day = `${String(started.getUTCMonth() + 1).padStart(2, '0')}${String(started.getUTCDate()).padStart(2, '0')}`;
  const { high, low } = hash53(callId.slice(0, CALL_ID_CHARS));
  const code = base32Of40(high & 0xff, low);
  return `${day}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What someone typed or read back ("0714 k7qx 3mpa", "0714-K7QX-3MPA", an O for a zero) as the
 * reference it must mean, or null when it cannot be one.
 */
export function normalizeCallReference(typed: string): CallReference | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s.-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^\d{4}[0-9A-HJKMNP-TV-Z]{8}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

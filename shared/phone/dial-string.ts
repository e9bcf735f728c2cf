import { z } from 'zod';
import { parsePhone, type PhoneRegion } from '../domain/phone';

/**
 * What an agent types in the dial box, turned into someone the phone can call:
 * - a phone number in any local or international format → E.164 under the agent's region
 *   ("0917 123 4567" in Manila → +639171234567);
 * - a short run of digits → an extension ("1001");
 * - a colleague's user name → that user in our SIP domain ("maria.s");
 * - a SIP address → as written ("sip:queue@kalma.local").
 * Anything with characters a SIP address cannot carry is refused with the character named, so
 * a pasted `sip:bob@x;transport=tcp` or `"Bob" <sip:…>` is never sent half-understood.
 */

export const DialProblem = z.enum(['empty', 'odd-characters', 'not-a-number', 'too-short', 'too-long', 'unknown-country', 'no-such-number']);
export type DialProblem = z.infer<typeof DialProblem>;

export type DialTargetKind = 'phone' | 'extension' | 'user' | 'sip';

export interface DialTarget {
  kind: DialTargetKind;
  /** The SIP user part: "+639171234567", "1001", "maria.s". */
  user: string;
  /** The host when one was written; otherwise the phone's own SIP domain is used. */
  host: string | null;
  /** How the line card shows it: national format for phone numbers, else the user part. */
  display: string;
}

export type DialCheck = { ok: true; target: DialTarget } | { ok: false; problem: DialProblem; char?: string };

/** The longest dial text read; a paste of a whole document is not a number. */
const MAX_DIAL_TEXT = 200;
/** Two to this many digits without a "+" or a leading 0 are an extension, not a phone number. */
const MAX_EXTENSION_DIGITS = 6;

const USER_PART = /^[A-Za-z0-9._~+-]+$/;
const HOST_PART = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/;
const PHONE_CHARS = /^[+\d\s().\-/]+$/;
const USER_NAME = /^[A-Za-z0-9._-]*[A-Za-z][A-Za-z0-9._-]*$/;

const fail = (problem: DialProblem, char?: string): DialCheck => (char === undefined ? { ok: false, problem } : { ok: false, problem, char });

/** The first character that may not appear in the given part, for the error message. */
function firstOdd(text: string, allowed: RegExp): string | undefined {
  for (const char of text) if (!allowed.test(char)) return char;
  return undefined;
}

function sipAddress(text: string): DialCheck {
  const rest = text.replace(/^sips?:/i, '');
  const at = rest.indexOf('@');
  const user = at === -1 ? rest : rest.slice(0, at);
  const host = at === -1 ? null : rest.slice(at + 1);
  if (user === '') return fail('empty');
  const oddUser = firstOdd(user, /[A-Za-z0-9._~+-]/);
  if (oddUser !== undefined || !USER_PART.test(user)) return fail('odd-characters', oddUser ?? '@');
  if (host !== null) {
    const oddHost = firstOdd(host, /[A-Za-z0-9.:-]/);
    if (oddHost !== undefined || !HOST_PART.test(host)) return fail('odd-characters', oddHost ?? host.slice(-1));
  }
  return { ok: true, target: { kind: 'sip', user, host, display: host === null ? user : `${user}@${host}` } };
}

function phoneNumber(text: string, region: PhoneRegion): DialCheck {
  const digits = text.replace(/\D/g, '');
  // Extensions never start with 0: a leading 0 is a trunk prefix ("0917…"), a number in the making.
  if (!text.includes('+') && /^[1-9]\d{1,5}$/.test(digits) && digits.length <= MAX_EXTENSION_DIGITS) {
    return { ok: true, target: { kind: 'extension', user: digits, host: null, display: digits } };
  }
  const parsed = parsePhone(text, region);
  if (!parsed.ok) {
    const problem = { empty: 'empty', not_a_number: 'not-a-number', unknown_country: 'unknown-country', too_short: 'too-short', too_long: 'too-long' } as const;
    return fail(problem[parsed.reason]);
  }
  const { phone } = parsed;
  // A local number outside every known range is most likely mistyped. Written with "+" the agent
  // vouches for it (numbering plans gain ranges every year), so it is dialled as long as its
  // length is possible.
  if (!phone.valid && !text.trim().startsWith('+')) return fail('no-such-number');
  // Numbers abroad are shown as dialled internationally; local ones the way the agent writes them.
  const display = phone.international ? phone.e164 : phone.national;
  return { ok: true, target: { kind: 'phone', user: phone.e164, host: null, display } };
}

/** Reads the dial box. `region` is the agent's region (PH in Manila, BR in São Paulo). */
export function checkDialString(raw: string, region: PhoneRegion): DialCheck {
  if (raw.length > MAX_DIAL_TEXT) return fail('too-long');
  const text = raw.trim();
  if (text === '') return fail('empty');
  if (/^sips?:/i.test(text) || text.includes('@')) return sipAddress(text);
  if (PHONE_CHARS.test(text)) return phoneNumber(text, region);
  if (USER_NAME.test(text)) return { ok: true, target: { kind: 'user', user: text, host: null, display: text } };
  return fail('odd-characters', firstOdd(text, /[A-Za-z0-9._-]/));
}

/** The SIP URI the phone dials: the target's own host, or the phone's SIP domain. */
export function dialUri(target: DialTarget, domain: string): string {
  return `sip:${target.user}@${target.host ?? domain}`;
}

/** The domain of the phone's own address of record ("sip:alice@kalma.local" → "kalma.local"). */
export function domainOf(uri: string): string | null {
  const match = /^sips?:[^@]+@([^;>?]+)$/i.exec(uri);
  return match?.[1] ?? null;
}

/**
 * A SIP URI the engine will dial: the shape dialUri produces, nothing looser — plus `*` and an
 * escaped `#` (%23) in the user part, which PBX feature codes start with (sip:*222alice@pbx).
 */
export const DialUri = z
  .string()
  .max(300)
  .regex(/^sips?:(?:[A-Za-z0-9._~+*-]|%23)+@[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a SIP address like sip:alice@kalma.local');

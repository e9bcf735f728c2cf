import {
  getCountryCallingCode,
  isSupportedCountry,
  parseIncompletePhoneNumber,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js';
import { z } from 'zod';

/**
 * Phone numbers as the floor meets them: caller IDs with or without country code, with a trunk
 * prefix (`0917…` in Manila, `0 21 11 …` with a carrier code in São Paulo), from `sip:`/`tel:`
 * URIs, typed with any punctuation. Pure: runs in the renderer, the host and the server alike.
 */

/** ISO 3166 region whose dialling rules apply to numbers written without a country code. */
export const PhoneRegion = z
  .string()
  .length(2)
  .refine((r) => isSupportedCountry(r), 'unknown phone region')
  .transform((r) => r as CountryCode);
export type PhoneRegion = CountryCode;

export interface NormalizedPhone {
  /** `+639171234567`: the key numbers are stored and matched by. */
  e164: string;
  /** As a local agent would write it: `0917 123 4567`, `(11) 91234-5678`. */
  national: string;
  /** The region the number belongs to; null for non-geographic numbers (+800 …). */
  region: string | null;
  /** False when the number has a possible length but no known range (new ranges appear yearly). */
  valid: boolean;
  /** The text carried its own country code (`+63…`, or an IDD prefix to another country). */
  international: boolean;
  /** Digits of the national significant number, without trunk prefix: `9171234567`. */
  nationalDigits: string;
}

export const PhoneProblem = z.enum(['empty', 'not_a_number', 'unknown_country', 'too_short', 'too_long']);
export type PhoneProblem = z.infer<typeof PhoneProblem>;

export type PhoneParse = { ok: true; phone: NormalizedPhone } | { ok: false; reason: PhoneProblem };

/** libphonenumber refuses longer input; refusing it here keeps the reason ours. */
const MAX_PHONE_TEXT = 250;

const PROBLEM_BY_PARSE_ERROR: Readonly<Record<string, PhoneProblem>> = {
  INVALID_COUNTRY: 'unknown_country',
  NOT_A_NUMBER: 'not_a_number',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_LENGTH: 'too_short',
};

const SIP_URI = /^sips?:([^@;]*)/i;
const TRAILING_EXTENSION = /(?:;ext=|\s*(?:ext\.?|extension|x|#))\s*\d{1,7}\s*$/i;

/**
 * The part of a caller ID that is the number: the user part of a `sip:` URI (the host may be an
 * IP address whose digits are not the caller's), without a trailing extension.
 */
export function phoneText(raw: string): string {
  const sip = SIP_URI.exec(raw.trim());
  const text = sip ? (sip[1] ?? '') : raw;
  return text.replace(TRAILING_EXTENSION, '');
}

export function parsePhone(raw: string, defaultRegion: PhoneRegion): PhoneParse {
  if (raw.length > MAX_PHONE_TEXT) return { ok: false, reason: 'too_long' };
  const text = phoneText(raw);
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  try {
    const number = parsePhoneNumberWithError(text, defaultRegion);
    if (!number.isPossible()) {
      const problem = validatePhoneNumberLength(text, defaultRegion);
      return { ok: false, reason: problem === 'TOO_LONG' ? 'too_long' : 'too_short' };
    }
    const international = carriesCountryCode(text, number, defaultRegion);
    return {
      ok: true,
      phone: {
        e164: number.number,
        national: number.formatNational(),
        region: number.country ?? null,
        valid: number.isValid(),
        international,
        nationalDigits: number.nationalNumber,
      },
    };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, reason: PROBLEM_BY_PARSE_ERROR[error.message] ?? 'not_a_number' };
    // libphonenumber is not expected to throw anything else; a caller ID must never crash a lookup.
    return { ok: false, reason: 'not_a_number' };
  }
}

/** The text carried its own country code: a `+`, or an IDD prefix that dialled another country. */
function carriesCountryCode(text: string, number: PhoneNumber, defaultRegion: PhoneRegion): boolean {
  return parseIncompletePhoneNumber(text).startsWith('+') || number.countryCallingCode !== getCountryCallingCode(defaultRegion);
}

/** What a caller-ID lookup needs of a number. */
export type DialledPhone = Pick<NormalizedPhone, 'e164' | 'international' | 'nationalDigits'>;

/**
 * parsePhone's acceptance and fields for matching a caller ID, without formatting the number or
 * checking its range, which were a third of a lookup while the phone rings; null when parsePhone
 * would say it is not a number.
 */
export function parseDialled(raw: string, defaultRegion: PhoneRegion): DialledPhone | null {
  if (raw.length > MAX_PHONE_TEXT) return null;
  const text = phoneText(raw);
  if (text.trim() === '') return null;
  try {
    const number = parsePhoneNumberWithError(text, defaultRegion);
    if (!number.isPossible()) return null;
    return { e164: number.number, international: carriesCountryCode(text, number, defaultRegion), nationalDigits: number.nationalNumber };
  } catch {
    return null;
  }
}

/** The normalized number, or null when the text cannot be a phone number (see parsePhone for why). */
export function normalizePhone(raw: string, defaultRegion: PhoneRegion): NormalizedPhone | null {
  const parsed = parsePhone(raw, defaultRegion);
  return parsed.ok ? parsed.phone : null;
}

/**
 * Just the E.164 form, for bulk writes: the same acceptance as parsePhone (a possible number)
 * without formatting or range checks, which cost as much again on a 100k-customer load.
 */
export function toE164(raw: string, defaultRegion: PhoneRegion): string | null {
  if (raw.length > MAX_PHONE_TEXT) return null;
  try {
    const number = parsePhoneNumberWithError(phoneText(raw), defaultRegion);
    return number.isPossible() ? number.number : null;
  } catch {
    return null;
  }
}

/**
 * How many trailing digits the suffix index keys on. Eight covers a Manila or São Paulo landline
 * dialled locally (`8123 4567`, `3123-4567`) and keeps collisions rare (about 1 in 10⁸ per pair),
 * while every mobile number (10–11 national digits) still has the suffix in full.
 */
export const PHONE_SUFFIX_DIGITS = 8;

/** Only the digits of a phone text (wide and Arabic-Indic digits become ASCII; `+` dropped). */
export function phoneDigits(raw: string): string {
  if (raw.length > MAX_PHONE_TEXT) return '';
  return parseIncompletePhoneNumber(raw).replace(/\D/g, '');
}

/** The last `n` digits, or null when there are fewer: too few digits to tell customers apart. */
export function phoneSuffix(digits: string, n: number = PHONE_SUFFIX_DIGITS): string | null {
  const only = digits.replace(/\D/g, '');
  return only.length >= n ? only.slice(-n) : null;
}

/**
 * The digit strings a caller ID may be the tail of: the national significant number as parsed
 * under the agent's region, and the raw digits without leading zeros (trunk or IDD prefix).
 * A stored E.164 number matches when its digits end with one of them. `dialled`: the text already
 * read by parseDialled, so a lookup does not parse it twice.
 */
export function phoneTails(raw: string, defaultRegion: PhoneRegion, dialled: DialledPhone | null = parseDialled(raw, defaultRegion)): string[] {
  const tails = new Set<string>();
  if (dialled) tails.add(dialled.nationalDigits);
  const digits = phoneDigits(phoneText(raw)).replace(/^0+/, '');
  if (digits !== '') tails.add(digits);
  return [...tails].filter((t) => t.length >= PHONE_SUFFIX_DIGITS);
}

import type { PhoneMatch } from '../../../../shared/domain/customer';

/**
 * Who is calling, as far as the local customer cache knows: looked up the moment a call rings,
 * so the agent sees the customer's name with the ring (and the customer panel opens on them).
 * - looking: the cache has not answered yet (milliseconds);
 * - known: the number belongs to a customer;
 * - unknown: a number nobody in the cache has ("new customer");
 * - failed: the cache could not be asked (signed out, cache not ready): the number alone shows.
 */
export type ScreenPop =
  | { callId: string; number: string; status: 'looking' | 'unknown' | 'failed' }
  | { callId: string; number: string; status: 'known'; customerId: string; name: string; otherMatches: number };

/** A caller ID worth looking up: digits, maybe a leading + and separators, at least three digits. */
export function isPhoneNumber(user: string): boolean {
  return /^\+?[\d\s().-]{3,40}$/.test(user) && (user.match(/\d/g)?.length ?? 0) >= 3;
}

/**
 * Fewest trailing digits that must agree for a partial caller ID (e.g. a gateway that drops the
 * country code) to name a customer; fewer would pop the wrong person's card.
 */
export const MIN_SUFFIX_DIGITS = 7;

/**
 * The customer to show for a caller ID: an exact E.164 match wins; otherwise the longest suffix
 * match if long enough. Several customers can share a number (a family, a shop line): the first
 * is shown and the others counted, so the agent knows to ask.
 */
export function callerOf(matches: readonly PhoneMatch[]): { customerId: string; name: string; otherMatches: number } | null {
  const exact = matches.filter((match) => match.match === 'exact');
  const longest = Math.max(0, ...matches.filter((match) => match.match === 'suffix').map((match) => match.matchedDigits));
  const pool = exact.length > 0 ? exact : longest >= MIN_SUFFIX_DIGITS ? matches.filter((match) => match.match === 'suffix' && match.matchedDigits === longest) : [];
  const best = pool[0];
  if (!best) return null;
  const others = new Set(pool.map((match) => match.customer.id));
  return { customerId: best.customer.id, name: best.customer.name, otherMatches: others.size - 1 };
}

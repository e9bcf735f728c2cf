import type { PhoneMatch } from '../../../../shared/domain/customer';

/** One customer a caller ID names, with what tells them apart from others on the same number. */
export interface CallerChoice {
  customerId: string;
  name: string;
  /** An account number, else an email: a family or a shop sharing a line rarely share these. */
  detail: { kind: 'account' | 'email'; value: string } | null;
}

/**
 * Who is calling, as far as the local customer cache knows: looked up the moment a call rings,
 * so the agent sees the customer's name with the ring (and the customer panel opens on them).
 * - looking: the cache has not answered yet (milliseconds);
 * - known: the call is linked to a customer, by its caller ID or by the agent;
 * - unknown: a number nobody in the cache has ("new customer");
 * - failed: the cache could not be asked (signed out, cache not ready): the number alone shows.
 */
export type ScreenPop =
  | { callId: string; number: string; status: 'looking' | 'unknown' | 'failed' }
  | {
      callId: string;
      number: string;
      status: 'known';
      customerId: string;
      name: string;
      /** Everyone the caller ID names (several when a family or a shop shares the number). */
      choices: CallerChoice[];
      /** The caller ID picked the customer (a guess when several share the number), or the agent did. */
      linkedBy: 'caller-id' | 'agent';
    };

export type KnownCaller = Extract<ScreenPop, { status: 'known' }>;

/** The caller ID names several customers and the agent has not said which one is calling. */
export function isGuess(pop: ScreenPop | null): boolean {
  return pop?.status === 'known' && pop.linkedBy === 'caller-id' && pop.choices.length > 1;
}

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
 * The customers a caller ID names: the exact E.164 matches; otherwise those with the longest
 * suffix match, if long enough. Several customers can share a number (a family, a shop line): the
 * first is shown until the agent chooses, and all of them are offered.
 */
export function callerOf(matches: readonly PhoneMatch[]): { customerId: string; name: string; choices: CallerChoice[] } | null {
  const exact = matches.filter((match) => match.match === 'exact');
  const longest = Math.max(0, ...matches.filter((match) => match.match === 'suffix').map((match) => match.matchedDigits));
  const pool = exact.length > 0 ? exact : longest >= MIN_SUFFIX_DIGITS ? matches.filter((match) => match.match === 'suffix' && match.matchedDigits === longest) : [];
  const choices: CallerChoice[] = [];
  for (const { customer } of pool) {
    if (choices.some((choice) => choice.customerId === customer.id)) continue;
    choices.push({ customerId: customer.id, name: customer.name, detail: detailOf(customer) });
  }
  const first = choices[0];
  return first ? { customerId: first.customerId, name: first.name, choices } : null;
}

function detailOf(customer: PhoneMatch['customer']): CallerChoice['detail'] {
  const account = customer.accountNumbers[0];
  if (account) return { kind: 'account', value: account };
  return customer.email ? { kind: 'email', value: customer.email } : null;
}

/** The screen-pop once the agent has said who the call is with. */
export function linkedPop(pop: ScreenPop | null, call: { callId: string; number: string }, customer: { id: string; name: string }): KnownCaller {
  return {
    callId: call.callId,
    number: pop?.number ?? call.number,
    status: 'known',
    customerId: customer.id,
    name: customer.name,
    choices: pop?.status === 'known' ? pop.choices : [],
    linkedBy: 'agent',
  };
}

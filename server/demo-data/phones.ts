import type { Prng } from './prng';
import type { City, DemoCountry } from './places';

/**
 * Phone numbers as customers give them and CRMs store them: `0917 123 4567`, `+63 917 123 4567`,
 * `09171234567`; `(11) 91234-5678`, `+55 11 91234-5678`; `(415) 555-0134`. The same number in any
 * of these forms must find the same customer, which is what the cache's normalizer is for.
 */

export type PhoneKind = 'mobile' | 'landline';

export interface DemoPhone {
  country: DemoCountry;
  kind: PhoneKind;
  /** Area code as dialled after the country code: PH `2`/`32`, BR `11`, US `415`; PH mobiles `917`. */
  area: string;
  /** The rest of the national number. */
  subscriber: string;
}

// Prefixes the Philippine mobile networks hand out (Globe, Smart, DITO), without the trunk 0.
const PH_MOBILE_PREFIXES = [
  '905', '906', '915', '916', '917', '926', '927', '935', '936', '945', '953', '955', '956', '965', '966',
  '975', '977', '995', '997', '908', '909', '910', '912', '918', '919', '920', '921', '928', '929', '930',
  '938', '939', '946', '947', '948', '949', '951', '961', '998', '999', '991', '992', '993', '994',
] as const;

export function demoPhone(rng: Prng, country: DemoCountry, city: City, kind: PhoneKind): DemoPhone {
  switch (country) {
    case 'PH':
      if (kind === 'mobile') return { country, kind, area: rng.pick(PH_MOBILE_PREFIXES), subscriber: rng.digits(7) };
      // Metro Manila landlines have 8 digits starting with 8 since 2019; provincial ones 7.
      return city.area === '2'
        ? { country, kind, area: '2', subscriber: `8${rng.digits(7)}` }
        : { country, kind, area: city.area, subscriber: `${rng.int(2, 5)}${rng.digits(6)}` };
    case 'BR':
      return kind === 'mobile'
        ? { country, kind, area: city.area, subscriber: `9${rng.int(6, 9)}${rng.digits(7)}` }
        : { country, kind, area: city.area, subscriber: `${rng.int(2, 5)}${rng.digits(7)}` };
    case 'US': {
      // Exchanges never start with 0 or 1, and N11 codes are service numbers.
      let exchange = `${rng.int(2, 9)}${rng.digits(2)}`;
      if (exchange.endsWith('11')) exchange = `${exchange.charAt(0)}10`;
      return { country, kind, area: city.area, subscriber: `${exchange}${rng.digits(4)}` };
    }
  }
}

const CALLING_CODES: Readonly<Record<DemoCountry, string>> = { PH: '63', BR: '55', US: '1' };

export function e164Of(p: DemoPhone): string {
  return `+${CALLING_CODES[p.country]}${p.area}${p.subscriber}`;
}

type Style = (p: DemoPhone) => string;

const split = (s: string, ...at: number[]): string[] => {
  const parts: string[] = [];
  let from = 0;
  for (const to of at) {
    parts.push(s.slice(from, to));
    from = to;
  }
  parts.push(s.slice(from));
  return parts;
};

// PH mobile subscriber `1234567` reads `123 4567`; Manila landline `81234567` reads `8123 4567`.
const phSub = (p: DemoPhone) => (p.subscriber.length === 8 ? split(p.subscriber, 4) : split(p.subscriber, 3));
const brSub = (p: DemoPhone) => split(p.subscriber, p.subscriber.length - 4);
const usSub = (p: DemoPhone) => split(p.subscriber, 3);

/** How people write each kind of number, most common first (weights for a stored record). */
const STYLES: Readonly<Record<DemoCountry, Record<PhoneKind, readonly (readonly [Style, number])[]>>> = {
  PH: {
    mobile: [
      [(p) => `0${p.area} ${phSub(p).join(' ')}`, 30],
      [(p) => `0${p.area}${p.subscriber}`, 25],
      [(p) => `+63 ${p.area} ${phSub(p).join(' ')}`, 20],
      [(p) => `+63${p.area}${p.subscriber}`, 10],
      [(p) => `0${p.area}-${phSub(p).join('-')}`, 10],
      [(p) => `(0${p.area}) ${phSub(p).join('-')}`, 5],
    ],
    landline: [
      [(p) => `(0${p.area}) ${phSub(p).join(' ')}`, 45],
      [(p) => `0${p.area}-${phSub(p).join('-')}`, 20],
      [(p) => `+63 ${p.area} ${phSub(p).join(' ')}`, 20],
      [(p) => `0${p.area}${p.subscriber}`, 15],
    ],
  },
  BR: {
    mobile: [
      [(p) => `(${p.area}) ${brSub(p).join('-')}`, 40],
      [(p) => `+55 ${p.area} ${brSub(p).join('-')}`, 20],
      [(p) => `${p.area}${p.subscriber}`, 15],
      [(p) => `${p.area} ${brSub(p).join('-')}`, 10],
      [(p) => `+55${p.area}${p.subscriber}`, 8],
      [(p) => `(${p.area}) ${p.subscriber.charAt(0)} ${split(p.subscriber.slice(1), 4).join('-')}`, 7],
    ],
    landline: [
      [(p) => `(${p.area}) ${brSub(p).join('-')}`, 60],
      [(p) => `+55 ${p.area} ${brSub(p).join('-')}`, 25],
      [(p) => `${p.area}${p.subscriber}`, 15],
    ],
  },
  US: {
    mobile: [
      [(p) => `(${p.area}) ${usSub(p).join('-')}`, 45],
      [(p) => `${p.area}-${usSub(p).join('-')}`, 20],
      [(p) => `+1 ${p.area} ${usSub(p).join(' ')}`, 15],
      [(p) => `${p.area}.${usSub(p).join('.')}`, 8],
      [(p) => `${p.area}${p.subscriber}`, 7],
      [(p) => `1-${p.area}-${usSub(p).join('-')}`, 5],
    ],
    landline: [
      [(p) => `(${p.area}) ${usSub(p).join('-')}`, 60],
      [(p) => `${p.area}-${usSub(p).join('-')}`, 25],
      [(p) => `+1 ${p.area} ${usSub(p).join(' ')}`, 15],
    ],
  },
};

/** The number as a record would hold it: one of the forms people type, by how often they do. */
export function writePhone(rng: Prng, p: DemoPhone): string {
  return rng.weighted(STYLES[p.country][p.kind])(p);
}

/**
 * Every form of the number a caller ID or an agent may produce, including the ones only a local
 * caller uses (a Manila landline without area code, a São Paulo mobile without DDD), for lookups.
 */
export function allForms(p: DemoPhone): string[] {
  const forms = STYLES[p.country][p.kind].map(([style]) => style(p));
  forms.push(e164Of(p));
  if (p.country === 'PH' && p.kind === 'landline' && p.area === '2') forms.push(phSub(p).join(' '));
  if (p.country === 'BR') forms.push(brSub(p).join('-'), `0${p.area} ${brSub(p).join('-')}`);
  return forms;
}

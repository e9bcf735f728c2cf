import type { Address, CustomerPhone } from '../../shared/domain/customer';
import { foldForSearch } from '../../shared/search/fold';
import { demoName, type PersonName } from './names';
import { demoAddress, pickCity, type City, type DemoCountry } from './places';
import { demoPhone, writePhone, type DemoPhone, type PhoneKind } from './phones';
import type { Prng } from './prng';

/**
 * Who a demo customer is: name, language, how to reach them, where they live, their accounts.
 * History comes after (history.ts), since tags like VIP depend on it.
 */

export const COUNTRY_MIX: readonly (readonly [DemoCountry, number])[] = [
  ['PH', 50],
  ['BR', 35],
  ['US', 15],
];

export interface Identity {
  country: DemoCountry;
  city: City;
  name: PersonName;
  /** BCP 47: `fil` or `en` in the Philippines, `pt-BR` in Brazil, `en` in the US. */
  language: 'fil' | 'en' | 'pt-BR';
  emails: string[];
  accountNumbers: string[];
  phones: CustomerPhone[];
  /** The numbers behind `phones`, same order: what a caller ID will carry. */
  dialable: DemoPhone[];
  addresses: Address[];
}

const EMAIL_DOMAINS: Readonly<Record<DemoCountry, readonly (readonly [string, number])[]>> = {
  PH: [['gmail.com', 55], ['yahoo.com', 20], ['yahoo.com.ph', 8], ['outlook.com', 8], ['ymail.com', 5], ['hotmail.com', 4]],
  BR: [['gmail.com', 50], ['hotmail.com', 18], ['outlook.com', 10], ['uol.com.br', 8], ['bol.com.br', 6], ['terra.com.br', 4], ['yahoo.com.br', 4]],
  US: [['gmail.com', 45], ['yahoo.com', 15], ['outlook.com', 12], ['icloud.com', 12], ['aol.com', 6], ['comcast.net', 10]],
};

const ascii = (text: string) => foldForSearch(text).replace(/[^a-z0-9]/g, '');

function demoEmail(rng: Prng, country: DemoCountry, name: PersonName): string {
  const given = ascii(name.given.split(' ')[0] ?? name.given);
  const family = ascii(name.family);
  const year = String(rng.int(1960, 2004));
  const local = rng.weighted<string>([
    [`${given}.${family}`, 30],
    [`${given}${family}${year.slice(2)}`, 20],
    [`${given.charAt(0)}${family}`, 15],
    [`${given}_${family}${rng.int(1, 99)}`, 10],
    [`${family}.${given}`, 8],
    [`${given}${year}`, 10],
    [`${given}.${family.charAt(0)}${rng.int(100, 999)}`, 7],
  ]);
  return `${local}@${rng.weighted(EMAIL_DOMAINS[country])}`;
}

/** Luhn check digit, as account numbers carry so a misheard digit is caught. */
function checkDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `PH-10012345-3`: country, account slot and the customer's index, so every number is unique. */
export function accountNumber(country: DemoCountry, index: number, slot: number): string {
  const body = `${slot + 1}${String(index).padStart(7, '0')}`;
  return `${country}-${body}-${checkDigit(body)}`;
}

export function demoIdentity(rng: Prng, index: number): Identity {
  const country = rng.weighted(COUNTRY_MIX);
  const city = pickCity(rng, country);
  const name = demoName(rng, country);
  const language = country === 'BR' ? 'pt-BR' : country === 'US' ? 'en' : rng.chance(0.55) ? 'fil' : 'en';

  const emailCount = rng.weighted([[0, 10], [1, 75], [2, 15]] as const);
  const emails: string[] = [];
  for (let i = 0; i < emailCount; i++) emails.push(demoEmail(rng, country, name));

  const accountCount = rng.chance(0.12) ? 2 : 1;
  const accountNumbers = Array.from({ length: accountCount }, (_, slot) => accountNumber(country, index, slot));

  const kinds: [PhoneKind, CustomerPhone['label']][] = [['mobile', 'mobile']];
  if (rng.chance(0.3)) kinds.push(rng.chance(0.6) ? ['landline', 'home'] : ['landline', 'work']);
  if (rng.chance(0.08)) kinds.push(['mobile', 'other']);
  const dialable = kinds.map(([kind]) => demoPhone(rng, country, city, kind));
  const phones = dialable.map((p, i) => ({ number: writePhone(rng, p), label: kinds[i]![1] }));

  const addresses = [demoAddress(rng, country, city, 'home')];
  if (rng.chance(0.15)) addresses.push(demoAddress(rng, country, pickCity(rng, country), rng.chance(0.5) ? 'work' : 'billing'));

  return { country, city, name, language, emails, accountNumbers, phones, dialable, addresses };
}

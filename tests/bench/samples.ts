import { demoCustomer } from '../../server/demo-data/generator';
import { allForms, demoPhone, writePhone } from '../../server/demo-data/phones';
import { pickCity } from '../../server/demo-data/places';
import { Prng } from '../../server/demo-data/prng';
import { foldForSearch, searchTokens } from '../../shared/search/fold';

/**
 * What the benchmark looks up: caller IDs of random demo customers in the forms a trunk or an
 * agent produces (plus some numbers nobody has), and what agents type into the search box —
 * the first one to four letters of a name, whole names, surnames.
 */

export interface LookupSample {
  number: string;
  /** The customer this number belongs to; null for a number no customer has. */
  customerId: string | null;
}

export interface SearchSample {
  text: string;
  /** `prefix1` … `prefix4` (letters typed so far), or `name`. */
  kind: string;
}

export function lookupSamples(customers: number, count: number, seed: string): LookupSample[] {
  const rng = Prng.fromSeed(`${seed}:bench-lookups`);
  const samples: LookupSample[] = [];
  for (let i = 0; i < count; i++) {
    if (rng.chance(0.1)) {
      // Someone who is not a customer (yet): the lookup must say so quickly too.
      const country = rng.weighted([['PH', 50], ['BR', 35], ['US', 15]] as const);
      samples.push({ number: writePhone(rng, demoPhone(rng, country, pickCity(rng, country), 'mobile')), customerId: null });
      continue;
    }
    const demo = demoCustomer(rng.int(0, customers - 1), { seed });
    const phone = rng.pick(demo.dialable);
    samples.push({ number: rng.pick(allForms(phone)), customerId: demo.customer.id });
  }
  return samples;
}

export function searchSamples(customers: number, count: number, seed: string): SearchSample[] {
  const rng = Prng.fromSeed(`${seed}:bench-searches`);
  const samples: SearchSample[] = [];
  while (samples.length < count) {
    const demo = demoCustomer(rng.int(0, customers - 1), { seed });
    const words = searchTokens(demo.customer.name);
    const word = rng.pick(words);
    for (let letters = 1; letters <= 4 && letters <= word.length; letters++) samples.push({ text: word.slice(0, letters), kind: `prefix${letters}` });
    // A whole name as typed (accents or not), and a given name plus the start of a surname.
    const folded = foldForSearch(demo.customer.name);
    samples.push({ text: rng.chance(0.5) ? demo.customer.name : folded, kind: 'name' });
    if (words.length > 1) samples.push({ text: `${words[0]} ${words.at(-1)!.slice(0, 2)}`, kind: 'name' });
  }
  return samples.slice(0, count);
}

/** Percentile by nearest rank over sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Timings {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): Timings {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

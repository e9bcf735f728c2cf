import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { customer, openTestCache, tempFile, tombstone } from './cache-fixtures';
import type { CustomerCache } from '../../../electron/services/cache/customer-cache';

/** Maria in Manila, Ana in São Paulo, a family sharing a landline, and a near-twin of Maria's number. */
const floorRows = () => [
  customer('maria', 'Maria Santos', {
    phones: [{ number: '0917 123 4567' }, { number: '+63 917 123 4567', label: 'work' }],
    addresses: [{ lines: ['12 Rizal Ave'], city: 'Manila', country: 'PH' }],
  }),
  customer('pedro', 'Pedro Reyes', { phones: [{ number: '+639271234567' }] }), // same last 8 digits as Maria
  customer('ana', 'Ana Souza', { phones: [{ number: '+55 11 91234-5678' }] }),
  customer('lola', 'Lola Bautista', { phones: [{ number: '(02) 8123 4567', label: 'home' }] }),
  customer('lolo', 'Lolo Bautista', { phones: [{ number: '+63 2 8123 4567', label: 'home' }] }),
];

const namesOf = (cache: CustomerCache, raw: string) => cache.lookupByPhone(raw).map((m) => m.customer.name);

describe('lookupByPhone on a Manila floor', () => {
  let cache: CustomerCache;
  beforeEach(() => {
    cache = openTestCache(tempFile(), { region: 'PH' });
    cache.applyBatch(floorRows(), 'c1');
  });

  it.each(['09171234567', '0917 123 4567', '917-123-4567', '+639171234567', 'sip:+639171234567@10.1.1.1'])(
    'finds Maria exactly from %s, once although her record lists the number twice',
    (raw) => {
      const matches = cache.lookupByPhone(raw);
      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ match: 'exact', customer: { id: 'maria', matchedBy: 'phone' } });
      expect(matches[0]?.phone.e164).toBe('+639171234567');
    },
  );

  it('finds a São Paulo customer whose number arrives without country code, by its trailing digits', () => {
    const [match] = cache.lookupByPhone('(11) 91234-5678');
    expect(match).toMatchObject({ match: 'suffix', matchedDigits: 11, customer: { id: 'ana' } });
  });

  it('lists everyone on a shared line', () => {
    expect(namesOf(cache, '02 8123 4567').sort()).toEqual(['Lola Bautista', 'Lolo Bautista']);
  });

  it('does not guess from trailing digits when the caller ID carried another country code', () => {
    expect(cache.lookupByPhone('+1 917 123 4567')).toEqual([]);
  });

  it('needs eight digits before it guesses at all', () => {
    expect(cache.lookupByPhone('123 4567')).toEqual([]);
    expect(cache.lookupByPhone('')).toEqual([]);
  });

  it('forgets a number removed from the record and a deleted customer', () => {
    cache.applyBatch([customer('maria', 'Maria Santos', { phones: [] }), tombstone('customer', 'ana')], 'c2');
    expect(cache.lookupByPhone('09171234567')).toEqual([]);
    expect(cache.lookupByPhone('+55 11 91234-5678')).toEqual([]);
  });

  it('never throws on whatever a trunk puts in the caller ID', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 ()\-#;@a-z:]{0,40}$/)), (raw) => {
        expect(Array.isArray(cache.lookupByPhone(raw))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lookupByPhone on a São Paulo floor', () => {
  let cache: CustomerCache;
  beforeEach(() => {
    cache = openTestCache(tempFile(), { region: 'BR' });
    cache.applyBatch(floorRows(), 'c1');
  });

  it("reads a record's local-format number with the customer's own country", () => {
    expect(cache.getCustomer('maria')?.phones.map((p) => p.e164)).toEqual(['+639171234567', '+639171234567']);
  });

  it('reads local numbers with the Brazilian rules', () => {
    expect(cache.lookupByPhone('(11) 91234-5678')[0]).toMatchObject({ match: 'exact', customer: { id: 'ana' } });
    expect(cache.lookupByPhone('0 21 11 91234-5678')[0]?.customer.id).toBe('ana');
  });

  it('finds the Manila customer when a trunk stripped the +63, and not her near-twin', () => {
    // Under BR rules 09171234567 is a valid Pará number, so the exact lookup misses first.
    const matches = cache.lookupByPhone('09171234567');
    expect(matches.map((m) => m.customer.id)).toEqual(['maria']);
    expect(matches[0]).toMatchObject({ match: 'suffix', matchedDigits: 10 });
  });
});

describe('lookupByPhone on a US floor', () => {
  it('finds the Manila customer from 917-123-4567 by its trailing digits', () => {
    const cache = openTestCache(tempFile(), { region: 'US' });
    cache.applyBatch(floorRows(), 'c1');
    expect(namesOf(cache, '917-123-4567')).toEqual(['Maria Santos']);
  });
});

describe('the floor region', () => {
  it('must be a region the phone rules know', () => {
    expect(() => openTestCache(tempFile(), { region: 'XX' })).toThrow(/phone region/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fill } from '../../../server/demo-data/phrasebook';
import { Prng } from '../../../server/demo-data/prng';
import { instant, money } from '../../../server/demo-data/timeline';

describe('demo data formats', () => {
  it('writes instants exactly as Date#toISOString does, to the second (years 1000–9999)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_610_224_000_000, max: 253_402_300_799_000 }), (ms) => {
        expect(instant(ms)).toBe(new Date(Math.floor(ms / 1000) * 1000).toISOString());
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes money the way each country writes it', () => {
    expect(money(129_900, 'PHP')).toBe('₱1,299.00');
    expect(money(24_990, 'BRL')).toBe('R$ 249,90');
    expect(money(123_456_789, 'BRL')).toBe('R$ 1.234.567,89');
    expect(money(3_999, 'USD')).toBe('$39.99');
    expect(money(5, 'USD')).toBe('$0.05');
  });

  it('fills template slots and leaves unknown ones visible', () => {
    expect(fill('Cx {name} re: {order} {missing}', { name: 'João', order: 'SO-1' })).toBe('Cx João re: SO-1 {missing}');
  });

  it('draws the same numbers from the same seed and well-formed uuids', () => {
    const a = Prng.forItem('s', 'customer', 42);
    const b = Prng.forItem('s', 'customer', 42);
    const drawn = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(drawn);
    expect(Prng.forItem('s', 'customer', 43).uint32()).not.toBe(drawn[0]);
    const rng = Prng.fromSeed('uuids');
    for (let i = 0; i < 200; i++) expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 200; i++) expect(rng.digits(12)).toMatch(/^\d{12}$/);
  });

  it('keeps integer draws inside their bounds and covers them', () => {
    const rng = Prng.fromSeed('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const n = rng.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      seen.add(n);
    }
    expect(seen.size).toBe(7);
  });
});

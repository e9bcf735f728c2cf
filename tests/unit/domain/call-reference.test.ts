import { describe, expect, it } from 'vitest';
import { CALL_REFERENCE_PATTERN, callReference, normalizeCallReference } from '../../../shared/phone/call-reference';

/** Call ids as JsSIP makes them: a random Call-ID and a tag, from a fixed seed so the run is repeatable. */
function sipCallIds(count: number): string[] {
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0).toString(36);
  };
  return Array.from({ length: count }, () => `${next()}${next()}@kalma-${next()}`);
}

describe('call reference numbers', () => {
  it('reads as the UTC day and two groups of four unambiguous characters', () => {
    const reference = callReference('a84kd0@kalma-3f9a', '2025-07-14T09:30:00.000Z');
    expect(reference).toMatch(CALL_REFERENCE_PATTERN);
    expect(reference.startsWith('0714-')).toBe(true);
    expect(reference.replace(/-/g, '')).toHaveLength(12);
    expect(reference).not.toMatch(/[ILOU]/);
  });

  it('is the same for the same call wherever it is made (page and host, any time zone)', () => {
    const started = Date.parse('2025-12-31T23:59:59.000Z');
    expect(callReference('x1@h', started)).toBe(callReference('x1@h', '2025-12-31T23:59:59.000Z'));
    expect(callReference('x1@h', started)).toBe(callReference('x1@h', new Date(started)));
    expect(callReference('x1@h', started).slice(0, 4)).toBe('1231');
  });

  it('tells 100,000 calls of one day apart', () => {
    const ids = sipCallIds(100_000);
    expect(new Set(ids).size).toBe(ids.length);
    const references = new Set(ids.map((id) => callReference(id, '2025-03-01T02:00:00Z')));
    expect(references.size).toBe(ids.length);
  });

  it('tells apart call ids that differ in one character', () => {
    const references = new Set(Array.from({ length: 10_000 }, (_, i) => callReference(`call-${i}@kalma`, '2025-03-01T02:00:00Z')));
    expect(references.size).toBe(10_000);
  });

  it('reads back what a customer typed or said, letters mistaken for digits included', () => {
    const reference = callReference('a84kd0@kalma-3f9a', '2025-07-14T09:30:00.000Z');
    expect(normalizeCallReference(reference.toLowerCase().replace(/-/g, ' '))).toBe(reference);
    expect(normalizeCallReference('O714-0000-IL00')).toBe('0714-0000-1100');
    expect(normalizeCallReference('0714-K7QX')).toBeNull();
    expect(normalizeCallReference('0714-K7QX-3MPU')).toBeNull();
  });

  it('refuses a start time that is not one', () => {
    expect(() => callReference('x@y', 'yesterday')).toThrow(/not a time/);
  });
});

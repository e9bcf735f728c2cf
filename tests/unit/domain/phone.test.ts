import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import {
  normalizePhone,
  parsePhone,
  phoneSuffix,
  phoneTails,
  toE164,
  type PhoneRegion,
} from '../../../shared/domain/phone';

const MARIA = '+639171234567';

describe('normalizePhone: the ways a Manila mobile number reaches the agent', () => {
  it.each([
    ['09171234567', 'PH'],
    ['0917 123 4567', 'PH'],
    ['917-123-4567', 'PH'],
    ['+639171234567', 'PH'],
    ['+63 917 123 4567', 'BR'],
    ['00 63 917 123 4567', 'PH'],
    ['011 63 917 123 4567', 'US'],
    ['tel:+63-917-123-4567', 'US'],
    ['sip:09171234567@10.0.0.5;user=phone', 'PH'],
    ['0917 123 4567 ext. 12', 'PH'],
    ['(0917) 123.4567', 'PH'],
  ] as const)('%s read under %s is %s', (raw, region) => {
    expect(normalizePhone(raw, region)?.e164).toBe(MARIA);
  });

  it('reads a São Paulo mobile under BR, with or without the carrier code', () => {
    expect(normalizePhone('(11) 91234-5678', 'BR')).toMatchObject({
      e164: '+5511912345678',
      national: '(11) 91234-5678',
      region: 'BR',
      valid: true,
      international: false,
    });
    expect(normalizePhone('0 21 11 91234-5678', 'BR')?.e164).toBe('+5511912345678');
  });

  it('says whether the text carried its own country code', () => {
    expect(normalizePhone('+639171234567', 'PH')?.international).toBe(true);
    expect(normalizePhone('09171234567', 'PH')?.international).toBe(false);
    expect(normalizePhone('011 63 917 123 4567', 'US')?.international).toBe(true);
  });

  it('keeps a number of possible length that the metadata does not know, flagged not valid', () => {
    // 123 is not a US exchange, but the 10 digits are still what the caller ID said.
    expect(normalizePhone('917-123-4567', 'US')).toMatchObject({ e164: '+19171234567', valid: false });
  });

  it('gives a reason when the text cannot be a phone number', () => {
    expect(parsePhone('', 'PH')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone('   ', 'PH')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone('call me', 'PH')).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parsePhone('+0917', 'PH')).toEqual({ ok: false, reason: 'unknown_country' });
    expect(parsePhone('12', 'PH')).toEqual({ ok: false, reason: 'too_short' });
    expect(parsePhone('1234567890123456789', 'PH')).toEqual({ ok: false, reason: 'too_long' });
    expect(parsePhone('9'.repeat(300), 'PH')).toEqual({ ok: false, reason: 'too_long' });
    expect(normalizePhone('call me', 'PH')).toBeNull();
  });

  it('toE164 agrees with normalizePhone', () => {
    for (const [raw, region] of [['0917 123 4567', 'PH'], ['(11) 91234-5678', 'BR'], ['nope', 'US']] as const) {
      expect(toE164(raw, region)).toBe(normalizePhone(raw, region)?.e164 ?? null);
    }
  });
});

describe('phoneSuffix and phoneTails: numbers that arrive without their country code', () => {
  it('keys on the last eight digits, or nothing when there are fewer', () => {
    expect(phoneSuffix('639171234567')).toBe('71234567');
    expect(phoneSuffix('0917-123-4567')).toBe('71234567');
    expect(phoneSuffix('1234567')).toBeNull();
    expect(phoneSuffix('12345', 4)).toBe('2345');
  });

  it('offers the national number and the digits without trunk zeros', () => {
    expect(phoneTails('09171234567', 'BR')).toEqual(['9171234567']);
    expect(phoneTails('(11) 91234-5678', 'PH')).toEqual(['11912345678']);
    expect(phoneTails('+63 917 123 4567', 'PH')).toEqual(['9171234567', '639171234567']);
    expect(phoneTails('4567', 'PH')).toEqual([]);
  });
});

const REGIONS: PhoneRegion[] = ['PH', 'BR', 'US', 'GB', 'JP', 'MX', 'IN', 'SG'];

/** Valid mobile numbers: a region's example number with its last digits changed, kept if still valid. */
const validNumber = fc
  .record({
    region: fc.constantFrom(...REGIONS),
    tail: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ region, tail }) => {
    const example = getExampleNumber(region as CountryCode, examples);
    if (!example) return null;
    const national = example.nationalNumber.slice(0, -4) + String(tail).padStart(4, '0');
    const number = parsePhoneNumberFromString(national, region as CountryCode);
    return number?.isValid() ? { region, number } : null;
  })
  .filter((x) => x !== null);

describe('normalizePhone properties', () => {
  it('reading any formatting of a valid number gives back its E.164', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom('E.164', 'INTERNATIONAL', 'NATIONAL', 'RFC3966') as fc.Arbitrary<'E.164' | 'INTERNATIONAL' | 'NATIONAL' | 'RFC3966'>, ({ region, number }, format) => {
        expect(normalizePhone(number.format(format), region)?.e164).toBe(number.number);
      }),
    );
  });

  it('a number written internationally reads the same under every region', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...REGIONS), ({ number }, agentRegion) => {
        expect(normalizePhone(number.formatInternational(), agentRegion)?.e164).toBe(number.number);
      }),
    );
  });

  it('is idempotent: normalizing an E.164 result gives it back, under any region', () => {
    const phoneish = fc.oneof(
      fc.stringMatching(/^[+0-9 ()\-.]{0,24}$/),
      fc.string(),
      validNumber.map(({ number }) => number.formatNational()),
    );
    fc.assert(
      fc.property(phoneish, fc.constantFrom(...REGIONS), fc.constantFrom(...REGIONS), (raw, first, second) => {
        const once = normalizePhone(raw, first);
        if (once === null) return;
        expect(normalizePhone(once.e164, second)?.e164).toBe(once.e164);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever the caller ID holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ maxLength: 400 })), fc.constantFrom(...REGIONS), (raw, region) => {
        const parsed = parsePhone(raw, region);
        expect(typeof parsed.ok).toBe('boolean');
        normalizePhone(raw, region);
        toE164(raw, region);
        phoneTails(raw, region);
        phoneSuffix(raw);
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, identifierKey, searchTokens } from '../../../shared/search/fold';
import { buildSearchQuery } from '../../../shared/search/fts-query';

describe('foldForSearch: what the agent types meets what the record says', () => {
  it.each([
    ['João', 'joao'],
    ['Nuñez', 'nunez'],
    ['Nun\u0303ez', 'nunez'], // decomposed ñ, as macOS and some CRMs send it
    ['CONCEIÇÃO  Araújo', 'conceicao araujo'],
    ['  Dela   Cruz ', 'dela cruz'],
    ['Søren Łukasz Straße', 'soren lukasz strasse'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('splits words where the FTS tokenizer does', () => {
    expect(searchTokens("joão.silva@example.com O'Brien-Dela Cruz")).toEqual([
      'joao', 'silva', 'example', 'com', 'o', 'brien', 'dela', 'cruz',
    ]);
  });

  it('keys account and order numbers on letters and digits only', () => {
    expect(identifierKey('ac-000 123')).toBe('AC000123');
    expect(identifierKey('AC.000.123')).toBe('AC000123');
  });
});

describe('buildSearchQuery', () => {
  it('quotes every word, ANDs them, and prefixes the word being typed', () => {
    expect(buildSearchQuery('dela cruz').match).toBe('"dela" "cruz"*');
    expect(buildSearchQuery('dela cruz ').match).toBe('"dela" "cruz"');
    expect(buildSearchQuery('João').match).toBe('"joao"*');
    expect(buildSearchQuery('Juan ')).toMatchObject({ folded: 'juan', namePrefix: 'juan ' });
  });

  it('leaves a one-letter last word to the name ranking instead of a slow FTS prefix', () => {
    expect(buildSearchQuery('maria s')).toMatchObject({ match: '"maria"', folded: 'maria s' });
  });

  it('turns FTS and SQL syntax into plain words or nothing', () => {
    expect(buildSearchQuery("'; DROP TABLE customers; --").match).toBe('"drop" "table" "customers"*');
    expect(buildSearchQuery('NEAR(maria santos)').match).toBe('"near" "maria" "santos"*');
    expect(buildSearchQuery('name:maria OR -santos').match).toBe('"name" "maria" "or" "santos"*');
    expect(buildSearchQuery('"').match).toBeNull();
    expect(buildSearchQuery('*').match).toBeNull();
    expect(buildSearchQuery('').match).toBeNull();
  });

  it('recognizes text that may be a phone, account or order number', () => {
    expect(buildSearchQuery('0917 123 4567')).toMatchObject({ phoneLike: true, identifier: '09171234567' });
    expect(buildSearchQuery('+63 (917) 123-4567').phoneLike).toBe(true);
    expect(buildSearchQuery('AC-000123')).toMatchObject({ phoneLike: false, identifier: 'AC000123' });
    expect(buildSearchQuery('maria').identifier).toBeNull();
    expect(buildSearchQuery('123').phoneLike).toBe(false);
  });

  it('for any text, the MATCH expression holds only quoted words', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        const { match, tokens } = buildSearchQuery(text);
        expect(tokens.length).toBeLessThanOrEqual(8);
        if (match !== null) expect(match).toMatch(/^"[^"\s]+"\*?( "[^"\s]+"\*?)*$/u);
      }),
      { numRuns: 1000 },
    );
  });
});

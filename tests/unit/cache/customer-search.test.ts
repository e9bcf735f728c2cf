import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { CANDIDATE_CAP } from '../../../electron/services/cache/customer-search';
import type { CustomerCache } from '../../../electron/services/cache/customer-cache';
import { customer, interaction, openTestCache, order, tempFile, tombstone } from './cache-fixtures';

const names = (cache: CustomerCache, text: string, limit?: number) => cache.search(text, limit).map((h) => h.name);

describe('search-as-you-type in English, Filipino and Portuguese', () => {
  let cache: CustomerCache;
  beforeEach(() => {
    cache = openTestCache(tempFile());
    cache.applyBatch(
      [
        customer('joao', 'João Gonçalves', { emails: ['joao.goncalves@exemplo.com.br'], accountNumbers: ['AC-000123'] }),
        customer('nunez', 'Nuñez, Ramón'),
        // Decomposed accents, as some CRMs export them.
        customer('conceicao', 'Conceic\u0327a\u0303o Arau\u0301jo'),
        customer('juan', 'Juan Dela Cruz', { phones: [{ number: '0917 123 4567' }] }),
        customer('bea', 'Bea Lim'),
        customer('obrien', `O'Brien "Bobby" NEAR`),
        interaction('n1', 'bea', { text: 'Nagreklamo tungkol sa sirang produkto; humingi ng refund' }),
        interaction('n2', 'joao', { text: 'Cliente pediu troca do produto com defeito' }),
        order('o1', 'nunez', { number: 'SO-2024-000777' }),
      ],
      'c1',
    );
  });

  it('finds names without their accents', () => {
    expect(names(cache, 'joao')).toEqual(['João Gonçalves']);
    expect(names(cache, 'nunez')).toEqual(['Nuñez, Ramón']);
    expect(names(cache, 'conceicao araujo')).toEqual(['Conceição Araújo'.normalize('NFD')]);
    expect(names(cache, 'GONÇALVES')).toEqual(['João Gonçalves']);
  });

  it('finds multi-word surnames, and while the agent is still typing', () => {
    expect(names(cache, 'dela cruz')).toEqual(['Juan Dela Cruz']);
    for (const partial of ['ju', 'jua', 'juan d', 'juan dela cr']) expect(names(cache, partial)).toContain('Juan Dela Cruz');
    expect(names(cache, 'j')).toEqual(['João Gonçalves', 'Juan Dela Cruz']);
  });

  it('finds emails, and notes in Filipino and Portuguese', () => {
    expect(cache.search('joao.goncalves@exem')[0]).toMatchObject({ id: 'joao', matchedBy: 'text' });
    expect(cache.search('sirang produkto')[0]).toMatchObject({ id: 'bea', matchedBy: 'text' });
    expect(names(cache, 'troca')).toEqual(['João Gonçalves']);
  });

  it('matches account, order and phone numbers exactly however they are typed', () => {
    expect(cache.search('ac-000123')[0]).toMatchObject({ id: 'joao', matchedBy: 'account' });
    expect(cache.search('AC000123')[0]).toMatchObject({ id: 'joao', matchedBy: 'account' });
    expect(cache.search('so 2024 000777')[0]).toMatchObject({ id: 'nunez', matchedBy: 'order' });
    expect(cache.search('0917 123 4567')[0]).toMatchObject({ id: 'juan', matchedBy: 'phone', primaryPhone: '+639171234567' });
  });

  it.each([
    "'; DROP TABLE customers; --",
    '"',
    '""',
    '*',
    'NEAR(',
    'NEAR(juan cruz, 2)',
    'juan AND OR NOT',
    '^juan',
    'name:juan',
    '-juan',
    '(((',
    'juan"*',
    '\u0000',
    '%_\\',
  ])('treats %j as text: no error, a sane answer, the tables intact', (text) => {
    expect(() => cache.search(text)).not.toThrow();
    expect(cache.search(text).length).toBeLessThanOrEqual(20);
    expect(names(cache, 'juan')).toEqual(['Juan Dela Cruz']);
  });

  it('finds a name that itself holds search syntax', () => {
    expect(names(cache, "o'brien")).toEqual([`O'Brien "Bobby" NEAR`]);
    expect(names(cache, '"bobby"')).toEqual([`O'Brien "Bobby" NEAR`]);
    expect(names(cache, 'near')).toEqual([`O'Brien "Bobby" NEAR`]);
  });

  it('never throws and never returns more than asked, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 })), fc.integer({ min: -5, max: 500 }), (text, limit) => {
        const hits = cache.search(text, limit);
        expect(hits.length).toBeLessThanOrEqual(Math.max(1, Math.min(limit, 100)));
      }),
      { numRuns: 300 },
    );
  });

  it('follows the record: renamed customers under the new name, deleted ones gone', () => {
    cache.applyBatch([customer('bea', 'Beatriz Lim'), tombstone('customer', 'nunez')], 'c2');
    expect(names(cache, 'beatriz')).toEqual(['Beatriz Lim']);
    expect(names(cache, 'bea lim')).toEqual([]);
    expect(names(cache, 'bea ')).toEqual([]);
    expect(names(cache, 'bea')).toEqual(['Beatriz Lim']);
    expect(names(cache, 'nunez')).toEqual([]);
    expect(cache.search('SO-2024-000777')).toEqual([]);
  });

  it('finds a note the agent just wrote', () => {
    cache.addNote('juan', 'Gustong palitan ang charger', { id: 'u1', name: 'Rhea' });
    expect(names(cache, 'charger')).toEqual(['Juan Dela Cruz']);
  });
});

describe('ranking', () => {
  it('puts the exact name first, then names starting with the text, then a later word, then other text', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch(
      [
        customer('note', 'Bea Lim'),
        interaction('n', 'note', { text: 'kapatid ni Santos' }),
        customer('word', 'Ana Santos'),
        customer('starts', 'Santos Reyes'),
        customer('exact', 'Santos'),
      ],
      'c1',
    );
    expect(cache.search('santos').map((h) => [h.id, h.matchedBy])).toEqual([
      ['exact', 'name'],
      ['starts', 'name'],
      ['word', 'name'],
      ['note', 'text'],
    ]);
  });

  it(`ranks within at most ${CANDIDATE_CAP} FTS candidates, yet still finds a name typed from its start`, () => {
    const cache = openTestCache(tempFile());
    const rows = Array.from({ length: CANDIDATE_CAP + 500 }, (_, i) => customer(`m${i}`, `Maria Cruz ${i}`));
    cache.applyBatch(rows, 'c1');
    // Loaded last: its rowid lies past the candidate cap of any "maria" query.
    cache.applyBatch([customer('zamora', 'Maria Zamora')], 'c2');
    expect(names(cache, 'maria z')[0]).toBe('Maria Zamora');
    expect(names(cache, 'maria zam')[0]).toBe('Maria Zamora');
    expect(names(cache, 'zamora')).toEqual(['Maria Zamora']);
    expect(cache.search('maria', 50)).toHaveLength(50);
  });
});

import { describe, expect, it } from 'vitest';
import { customer, interaction, openTestCache, tempFile } from './cache-fixtures';

describe('the timeline narrowed to some kinds', () => {
  it('pages through only those kinds, newest first, and through everything without a filter', () => {
    const cache = openTestCache(tempFile());
    const rows = [customer('c1', 'Maria Santos')];
    for (let day = 1; day <= 9; day += 1) {
      const kind = day % 3 === 0 ? 'complaint' : 'note';
      rows.push(interaction(`i${day}`, 'c1', { kind, occurredAt: `2025-03-0${day}T02:00:00.000Z`, text: `${kind} ${day}` }));
    }
    cache.applyBatch(rows, 'k1');

    const first = cache.historyPage('c1', null, 2, ['complaint']);
    expect(first.map((i) => i.id)).toEqual(['i9', 'i6']);
    const last = first.at(-1)!;
    expect(cache.historyPage('c1', { occurredAt: last.occurredAt, id: last.id }, 2, ['complaint']).map((i) => i.id)).toEqual(['i3']);
    expect(cache.historyPage('c1', null, 3, ['note', 'complaint']).map((i) => i.id)).toEqual(['i9', 'i8', 'i7']);
    expect(cache.historyPage('c1', null, 100)).toHaveLength(9);
    expect(cache.historyPage('c1', null, 100, ['survey'])).toEqual([]);
  });
});

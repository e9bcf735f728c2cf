import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidSyncRowError } from '../../../electron/services/cache/cache-errors';
import { parsePulledRows } from '../../../electron/services/sync/pull-rows';
import { SyncRow } from '../../../shared/domain/sync-row';
import { customer, interaction, order, tombstone } from '../cache/cache-fixtures';

/**
 * The first load checks rows with the entity's own schema instead of SyncRow's "tombstone, else a
 * live row" union. It must accept exactly what SyncRow accepts, give the same rows, and refuse a
 * bad row with SyncRow's own words.
 */

const sameAsSyncRow = (row: unknown): void => {
  const contract = SyncRow.safeParse(row);
  if (contract.success) {
    expect(parsePulledRows([row])).toEqual([contract.data]);
  } else {
    let thrown: unknown;
    try {
      parsePulledRows([row]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSyncRowError);
    expect((thrown as InvalidSyncRowError).message).toBe(new InvalidSyncRowError(0, contract.error).message);
  }
};

const goodRows = [
  customer('c1', 'Maria Santos'),
  customer('c2', '  João Gonçalves ', {
    emails: ['joao@example.com'],
    accountNumbers: ['AC-1'],
    tags: ['VIP'],
    phones: [{ number: '0917 123 4567' }, { number: '+55 11 91234-5678', label: 'work' }],
    addresses: [{ lines: ['Rua A, 1'], country: 'br' }],
    language: 'pt-BR',
    version: '9223372036854775807',
  }),
  order('o1', 'c1'),
  interaction('i1', 'c1', { text: 'Called about the TV' }),
  interaction('i2', 'c1', { kind: 'call', direction: 'inbound', durationSec: 61, author: { id: 'a1', name: 'Ana' } }),
  interaction('i3', 'c1', { kind: 'refund_request', amountMinor: 100, currency: 'PHP' }),
  interaction('i4', 'c1', { kind: 'callback', dueAt: '2025-03-02T02:00:00Z' }),
  tombstone('customer', 'c9'),
  tombstone('order', 'o9'),
  tombstone('interaction', 'i9'),
];

describe('parsePulledRows', () => {
  it('gives what SyncRow gives for the rows the server sends', () => {
    for (const row of goodRows) sameAsSyncRow(row);
    expect(parsePulledRows(goodRows)).toEqual(goodRows.map((row) => SyncRow.parse(row)));
  });

  it.each<[string, unknown]>([
    ['a customer without a name', { entity: 'customer', data: { id: 'c', version: 1 } }],
    ['a tombstone without its version', { entity: 'order', data: { id: 'o', deleted: true } }],
    ['a live row claiming deleted: false with a tombstone shape', { entity: 'customer', data: { id: 'c', version: 1, deleted: false } }],
    ['deleted given as a string', { entity: 'customer', data: { id: 'c', name: 'A', version: 1, deleted: 'true' } }],
    ['an entity nobody knows', { entity: 'invoice', data: { id: 'x', version: 1 } }],
    ['an inherited entity name', { entity: 'toString', data: { id: 'x', version: 1 } }],
    ['no data', { entity: 'customer' }],
    ['a row that is not an object', 'customer'],
    ['null', null],
    ['an interaction of an unknown kind', { entity: 'interaction', data: { id: 'i', customerId: 'c', kind: 'fax', occurredAt: '2025-03-01T02:00:00Z', version: 1 } }],
    ['a version past 64 bits', { entity: 'customer', data: { id: 'c', name: 'A', version: '9223372036854775808' } }],
  ])('refuses %s as SyncRow does', (_why, row) => sameAsSyncRow(row));

  it('names the first bad row of a batch', () => {
    const rows = [customer('a', 'A'), customer('b', 'B'), { entity: 'customer', data: { id: 'c' } }, { entity: 'order' }];
    expect(() => parsePulledRows(rows)).toThrow(expect.objectContaining({ index: 2 }));
  });

  it('agrees with SyncRow on arbitrary rows around the real shapes', () => {
    const value = fc.oneof(fc.constantFrom(true, false, 'true', 1, '1', null, undefined), fc.anything());
    const mutated = fc.tuple(fc.constantFrom(...goodRows), fc.constantFrom('id', 'name', 'version', 'deleted', 'kind', 'customerId', 'phones', 'items', 'text'), value).map(
      ([row, key, v]) => {
        const { entity, data } = row as { entity: string; data: Record<string, unknown> };
        return { entity, data: { ...data, [key]: v } };
      },
    );
    const entity = fc.record({ entity: fc.oneof(fc.constantFrom('customer', 'order', 'interaction'), fc.string()), data: fc.anything() });
    fc.assert(fc.property(fc.oneof(mutated, entity, fc.anything()), sameAsSyncRow), { numRuns: 500 });
  });
});

import { describe, expect, it } from 'vitest';
import { Order } from '../../../shared/domain/order';
import { customer, openTestCache, order, tempFile } from './cache-fixtures';

describe('order facts the returns policy decides on', () => {
  it('keeps delivery date, channel and item category from the feed across a restart', () => {
    const file = tempFile();
    const cache = openTestCache(file);
    cache.applyBatch(
      [
        customer('c1', 'Ana Souza'),
        order('o1', 'c1', {
          deliveredAt: '2025-03-05T14:00:00.000Z',
          channel: 'phone',
          items: [{ sku: 'MOB-A15', name: 'Smartphone A15', quantity: 1, unitPriceMinor: 99_900, category: 'mobile' }],
        }),
      ],
      'cursor-1',
    );
    cache.close();

    const [o] = openTestCache(file).orders('c1');
    expect(o).toMatchObject({ deliveredAt: '2025-03-05T14:00:00.000Z', channel: 'phone' });
    expect(o?.items[0]?.category).toBe('mobile');
  });

  it('reads an order the server sent without them as online, with no delivery date or category', () => {
    const cache = openTestCache(tempFile());
    cache.applyBatch([customer('c1', 'Ana Souza'), order('o1', 'c1')], 'cursor-1');
    const [o] = cache.orders('c1');
    expect(o?.channel).toBe('online');
    expect(o?.deliveredAt).toBeUndefined();
    expect(o?.items[0]?.category).toBeUndefined();
  });

  it('accepts old order rows and refuses an unknown channel', () => {
    const base = { id: 'o1', customerId: 'c1', number: 'SO-1', status: 'delivered', placedAt: '2025-03-01T10:00:00+08:00', currency: 'BRL', totalMinor: 1, version: '1' };
    expect(Order.safeParse(base).success).toBe(true);
    expect(Order.safeParse({ ...base, channel: 'kiosk' }).success).toBe(false);
    expect(Order.parse({ ...base, deliveredAt: null, channel: 'store' })).toMatchObject({ deliveredAt: null, channel: 'store' });
  });
});

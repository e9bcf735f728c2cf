import type { ImportCustomer, ImportInteraction, ImportOrder } from '../../../server/customers/import';

/**
 * Deterministic customers for the sync tests (and the customer e2e, which imports this file; it
 * must not import vitest). Names with the accents and particles people really have, numbers in
 * the local formats people type.
 */

const FIRST = ['Maria', 'João', 'José', 'Ana', 'Luzviminda', 'Conceição', 'Juan', 'Señorita', 'Rafael', 'Marília'];
const LAST = ['Santos', 'Dela Cruz', 'Gonçalves', 'Nuñez', 'Reyes', 'Araújo', 'Lima', 'Bautista', 'Conceição', 'Smith'];

/**
 * Deterministic customers with an order and two history records each: `n` customers make about
 * 4n feed rows. Numbers in the local formats people type.
 */
export function syntheticCustomers(n: number, prefix = 't') {
  const customers: ImportCustomer[] = [];
  const orders: ImportOrder[] = [];
  const interactions: ImportInteraction[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-c${i}`;
    const ph = i % 3 !== 2;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    customers.push({
      id,
      name,
      emails: [`${prefix}.${i}@example.com`],
      accountNumbers: [`AC-${prefix}-${100_000 + i}`],
      language: ph ? 'fil' : 'pt-BR',
      tags: i % 7 === 0 ? ['vip'] : [],
      phones: [{ number: ph ? `0917 ${String(1_000_000 + i).slice(-7)}` : `(11) 9${String(10_000_000 + i).slice(-8)}` }],
      addresses: [{ lines: ['1 Rizal St'], country: ph ? 'PH' : 'BR' }],
    });
    orders.push({
      id: `${id}-o1`,
      customerId: id,
      number: `SO-${prefix}-${i}`,
      status: 'delivered',
      placedAt: '2025-03-01T02:00:00.000Z',
      currency: ph ? 'PHP' : 'BRL',
      items: [{ sku: 'TV-32', name: 'TV 32"', quantity: 1, unitPriceMinor: 129_900 }],
    });
    interactions.push(
      { id: `${id}-i1`, customerId: id, kind: 'note', occurredAt: '2025-03-02T02:00:00.000Z', text: `first note for ${name}` },
      { id: `${id}-i2`, customerId: id, kind: 'complaint', occurredAt: '2025-03-03T02:00:00.000Z', text: 'late delivery' },
    );
  }
  return { customers, orders, interactions };
}


import { describe, expect, it } from 'vitest';
import { Customer, CustomerRow } from '../../../shared/domain/customer';
import { Interaction, INTERACTION_KINDS, InteractionRow } from '../../../shared/domain/interaction';
import { OutboxMutation } from '../../../shared/domain/outbox';
import { Order } from '../../../shared/domain/order';
import { compareVersions, RowVersion } from '../../../shared/domain/row-version';
import { SyncRow } from '../../../shared/domain/sync-row';

describe('RowVersion: 64-bit change versions over JSON', () => {
  it('accepts safe numbers and decimal strings, and reads both as the same canonical string', () => {
    expect(RowVersion.parse(42)).toBe('42');
    expect(RowVersion.parse('42')).toBe('42');
    // Past 2^53 a JSON number would already have rounded; the string keeps every digit.
    expect(RowVersion.parse('9007199254740993')).toBe('9007199254740993');
    expect(RowVersion.parse('9223372036854775807')).toBe('9223372036854775807');
  });

  it('refuses what could not be a version', () => {
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 2, '-1', '01', '1e3', '', '9223372036854775808', null]) {
      expect(RowVersion.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions('10', '9')).toBe(1);
    expect(compareVersions('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareVersions('7', '7')).toBe(0);
  });
});

describe('Customer', () => {
  it('fills what the server may leave out', () => {
    expect(Customer.parse({ id: 'c1', name: ' Maria Santos ', version: 1 })).toEqual({
      id: 'c1',
      name: 'Maria Santos',
      emails: [],
      accountNumbers: [],
      language: null,
      tags: [],
      phones: [],
      addresses: [],
      version: '1',
      deleted: false,
    });
  });

  it('keeps tags it does not know, lower-cased', () => {
    expect(Customer.parse({ id: 'c1', name: 'M', tags: ['VIP', 'At-Risk', 'gold-2024'], version: 1 }).tags).toEqual([
      'vip',
      'at-risk',
      'gold-2024',
    ]);
  });

  it('reads a row or its tombstone', () => {
    expect(CustomerRow.parse({ id: 'c1', version: '9', deleted: true })).toEqual({ id: 'c1', version: '9', deleted: true });
    expect(CustomerRow.parse({ id: 'c1', name: 'Ana', version: 9, deleted: false })).toMatchObject({ deleted: false });
    expect(CustomerRow.safeParse({ id: 'c1', version: 9 }).success).toBe(false);
  });

  it('refuses a record without a name or with a malformed address', () => {
    expect(Customer.safeParse({ id: 'c1', name: '  ', version: 1 }).success).toBe(false);
    expect(
      Customer.safeParse({ id: 'c1', name: 'Ana', version: 1, addresses: [{ lines: [], country: 'PH' }] }).success,
    ).toBe(false);
  });
});

describe('Order and Interaction', () => {
  it('keeps money in minor units and refuses fractions of a centavo', () => {
    const order = {
      id: 'o1', customerId: 'c1', number: 'SO-1', status: 'delivered', placedAt: '2025-03-01T10:00:00+08:00',
      currency: 'PHP', totalMinor: 129_900, items: [{ sku: 'TV-1', name: 'TV', quantity: 1, unitPriceMinor: 129_900 }],
      version: 3,
    };
    expect(Order.parse(order).items).toHaveLength(1);
    expect(Order.safeParse({ ...order, totalMinor: 1299.5 }).success).toBe(false);
  });

  it('knows every kind of customer history', () => {
    const base = { id: 'i1', customerId: 'c1', occurredAt: '2025-03-01T02:00:00Z', version: 1 };
    const samples = {
      call: { direction: 'inbound', durationSec: 320, disposition: 'resolved' },
      note: { text: 'Tumawag ulit tungkol sa refund' },
      complaint: { text: 'Sirang produkto' },
      return_request: { reason: 'wrong size' },
      refund_request: { amountMinor: 50_000, currency: 'PHP' },
      exchange_request: { reason: 'defect' },
      escalation: { level: 'manager' },
      callback: { dueAt: '2025-03-02T01:00:00Z', phone: '+639171234567' },
      survey: { csat: 4, nps: 9 },
    } as const;
    expect(Object.keys(samples).sort()).toEqual([...INTERACTION_KINDS].sort());
    for (const [kind, fields] of Object.entries(samples)) {
      expect(Interaction.parse({ ...base, kind, ...fields }).kind).toBe(kind);
    }
    expect(Interaction.safeParse({ ...base, kind: 'telepathy' }).success).toBe(false);
    expect(InteractionRow.parse({ id: 'i1', version: 2, deleted: true })).toMatchObject({ deleted: true });
  });
});

describe('SyncRow and OutboxMutation', () => {
  it('names the entity a pull row belongs to', () => {
    expect(SyncRow.parse({ entity: 'customer', data: { id: 'c1', name: 'Ana', version: 1 } }).entity).toBe('customer');
    expect(SyncRow.safeParse({ entity: 'script', data: {} }).success).toBe(false);
  });

  it('carries a note to the server as an interaction.create', () => {
    const note = { id: 'n1', customerId: 'c1', kind: 'note', occurredAt: '2025-03-01T02:00:00Z', text: 'ok', version: 0 };
    const parsed = OutboxMutation.parse({ kind: 'interaction.create', payload: note });
    expect(parsed.kind === 'interaction.create' && 'text' in parsed.payload ? parsed.payload.text : null).toBe('ok');
    expect(OutboxMutation.safeParse({ kind: 'interaction.create', payload: { ...note, kind: 'call' } }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDate, formatNumber, formatTime } from '../../../renderer/src/i18n/locale-format';

// Intl separates currency and amount with a no-break space in pt-BR; compare on plain spaces.
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const afternoon = new Date(2026, 2, 5, 14, 5); // 5 March 2026, 14:05 local time

describe('locale formatting', () => {
  it('writes money the way each floor reads it, in the record’s currency', () => {
    expect(plain(formatCurrency(1234.5, 'BRL', 'pt-BR'))).toBe('R$ 1.234,50');
    expect(formatCurrency(1234.5, 'PHP', 'fil')).toBe('₱1,234.50');
    expect(formatCurrency(1234.5, 'USD', 'en')).toBe('$1,234.50');
    // An order in pesos read by a Brazilian agent stays in pesos.
    expect(plain(formatCurrency(10, 'PHP', 'pt-BR'))).toBe('PHP 10,00');
  });

  it('writes numbers with each language’s separators', () => {
    expect(formatNumber(1234567.891, 'pt-BR')).toBe('1.234.567,891');
    expect(formatNumber(1234567.891, 'fil')).toBe('1,234,567.891');
  });

  it('writes dates with month names in the agent’s language', () => {
    expect(formatDate(afternoon, 'fil', { dateStyle: 'long' })).toBe('Marso 5, 2026');
    expect(formatDate(afternoon, 'pt-BR', { dateStyle: 'long' })).toBe('5 de março de 2026');
    expect(formatDate(afternoon, 'en', { dateStyle: 'long' })).toBe('March 5, 2026');
  });

  it('writes times on a 24-hour clock in Brazil and a 12-hour clock in Manila', () => {
    expect(formatTime(afternoon, 'pt-BR')).toBe('14:05');
    expect(plain(formatTime(afternoon, 'fil'))).toBe('2:05 PM');
  });
});

/** Order amounts are kept in minor units (centavos); the agent reads and types major units (pesos). */

export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export const toMajor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

/** What the agent typed ("1299.50" or "1299,50") in minor units; null when it is not an amount. */
export function toMinor(typed: string, currency: string): number | null {
  const text = typed.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

import type { Language } from '../../../shared/domain/user';

/**
 * Dates, times, numbers and money in the agent's language, through Intl. The region is part of
 * the choice: Filipino agents read Philippine conventions (fil-PH), English defaults to en-US.
 */
export const LOCALES: Readonly<Record<Language, string>> = {
  en: 'en-US',
  fil: 'fil-PH',
  'pt-BR': 'pt-BR',
};

// Building an Intl formatter is costly next to using one; lists re-render often.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], options);
    cache.set(key, format);
  }
  return format as Intl.DateTimeFormat;
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    cache.set(key, format);
  }
  return format as Intl.NumberFormat;
}

export type DateInput = Date | number | string;
const toDate = (value: DateInput): Date => (value instanceof Date ? value : new Date(value));

/** A calendar date, e.g. "Mar 5, 2026" / "5 de mar. de 2026". */
export function formatDate(value: DateInput, language: Language, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return dateFormat(language, options).format(toDate(value));
}

/** A time of day, e.g. "2:05 PM" / "14:05". */
export function formatTime(value: DateInput, language: Language, options: Intl.DateTimeFormatOptions = { timeStyle: 'short' }): string {
  return dateFormat(language, options).format(toDate(value));
}

/** Date and time together, for call logs and audit lines. */
export function formatDateTime(value: DateInput, language: Language): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(value));
}

export function formatNumber(value: number, language: Language, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(language, options).format(value);
}

/**
 * Money in the currency of the record (an order in PHP stays in PHP whatever the agent's
 * language); only the way it is written follows the language.
 */
export function formatCurrency(amount: number, currency: string, language: Language): string {
  return numberFormat(language, { style: 'currency', currency }).format(amount);
}

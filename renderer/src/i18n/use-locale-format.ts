import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../../shared/domain/user';
import { formatCurrency, formatDate, formatDateTime, formatNumber, formatTime, type DateInput } from './locale-format';

/** The locale formatters bound to the language on screen; re-renders when it changes. */
export function useLocaleFormat() {
  const { i18n } = useTranslation();
  const parsed = Language.safeParse(i18n.language);
  const language: Language = parsed.success ? parsed.data : 'en';
  return useMemo(
    () => ({
      language,
      date: (value: DateInput, options?: Intl.DateTimeFormatOptions) => formatDate(value, language, options),
      time: (value: DateInput, options?: Intl.DateTimeFormatOptions) => formatTime(value, language, options),
      dateTime: (value: DateInput) => formatDateTime(value, language),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, language, options),
      currency: (amount: number, currency: string) => formatCurrency(amount, currency, language),
    }),
    [language],
  );
}

import type { SurveyDelivery } from './survey-delivery';

const COLUMNS = ['invitationId', 'customerId', 'phone', 'email', 'language', 'link', 'expiresAt'] as const;

/**
 * One cell, quoted. A cell a spreadsheet would run as a formula gets a leading apostrophe, except a
 * phone number written the usual way (+63 917 …).
 */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text) && !/^\+[\d\s().-]+$/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function outboxCsv(rows: readonly SurveyDelivery[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

import type { TFunction } from 'i18next';
import type { CustomerAsk } from '../../../../shared/domain/escalation-packet';
import type { EscalationView } from '../../../../shared/domain/escalation';
import type { useLocaleFormat } from '../../i18n/use-locale-format';
import { toMajor } from '../customers/money';

type Format = ReturnType<typeof useLocaleFormat>;

/** "Full refund ₱1,200.00": what the customer asks for, with the money when there is some. */
export function askText(ask: CustomerAsk, format: Format): string {
  if (ask.amountMinor === undefined || ask.currency === undefined) return ask.text;
  return `${ask.text} ${format.currency(toMajor(ask.amountMinor, ask.currency), ask.currency)}`;
}

/** What an escalation asks for, for rows that may predate packets (their text is all there is). */
export function askOf(escalation: EscalationView, format: Format): string {
  return escalation.packet ? askText(escalation.packet.request, format) : escalation.text;
}

/** A policy outcome in the reader's words, or the code itself for an outcome this console does not know. */
export function policyOutcomeText(t: TFunction, outcome: string): string {
  return outcome === 'eligible' || outcome === 'not-eligible' || outcome === 'needs-approval' ? t(`escalations.policyOutcomes.${outcome}`) : outcome;
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../shared/domain/escalation';
import { OrderStatus } from '../../../../shared/domain/order';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { toMajor } from '../customers/money';
import { StepList } from './EscalationTrail';
import { askOf, policyOutcomeText } from './escalation-words';

/** The packet as the person deciding reads it: everything the agent knew, in one place. */
export function EscalationPacketView({ escalation, customerName }: { escalation: EscalationView; customerName: string | null }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const packet = escalation.packet;
  const name = packet?.customer.name ?? customerName ?? escalation.customerId;
  const orderStatus = (status: string) => {
    const known = OrderStatus.safeParse(status);
    return known.success ? t(`customers.cases.orderStatus.${known.data}`) : status;
  };
  const none = <span className="muted">{t('escalations.packet.none')}</span>;
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <article className="escalation-packet" data-testid="escalation-packet">
      <h3 translate="no">{t('escalations.packet.title', { name })}</h3>
      {escalation.author && <p className="muted">{t('escalations.packet.raisedBy', { name: escalation.author.name })}</p>}
      <dl>
        {row(t('escalations.packet.reason'), packet?.reason ?? escalation.text, 'packet-reason')}
        {row(t('escalations.packet.ask'), askOf(escalation, format), 'packet-ask')}
        {packet && packet.customer.tags.length > 0 && row(t('escalations.packet.tags'), packet.customer.tags.join(', '))}
        {row(
          t('escalations.packet.order'),
          packet?.order ? (
            <>
              <span translate="no">{packet.order.number}</span> · {format.date(packet.order.placedAt)} · {orderStatus(packet.order.status)}
            </>
          ) : (
            none
          ),
          'packet-order',
        )}
        {packet?.item &&
          row(
            t('escalations.packet.item'),
            <>
              {packet.item.name} ×{packet.item.quantity}
              {packet.order && ` · ${format.currency(toMajor(packet.item.unitPriceMinor, packet.order.currency), packet.order.currency)}`}
            </>,
            'packet-item',
          )}
        {row(
          t('escalations.packet.policy'),
          packet?.policy ? (
            <>
              {policyOutcomeText(t, packet.policy.outcome)}
              {packet.policy.level && ` · ${t(`escalations.levels.${packet.policy.level}`)}`}
              {packet.policy.ruleIds.length > 0 && ` · ${t('escalations.packet.policyRules', { rules: packet.policy.ruleIds.join(', ') })}`}
            </>
          ) : (
            none
          ),
          'packet-policy',
        )}
        {row(t('escalations.packet.scriptSteps'), packet && packet.scriptSteps.length > 0 ? packet.scriptSteps.join(', ') : none)}
        {row(t('escalations.packet.triggers'), packet && packet.triggers.length > 0 ? packet.triggers.join(', ') : none)}
        {row(t('escalations.packet.notes'), packet && packet.notes !== '' ? packet.notes : none)}
        {row(t('escalations.packet.call'), packet?.callReference ? <span translate="no">{packet.callReference}</span> : none, 'packet-call')}
      </dl>
      {escalation.trail && escalation.trail.length > 0 && (
        <>
          <h4>{t('escalations.packet.trail')}</h4>
          <StepList steps={escalation.trail} />
        </>
      )}
    </article>
  );
}

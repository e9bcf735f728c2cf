import { useTranslation } from 'react-i18next';
import { closingStep, outcomeOf, type EscalationView } from '../../../../shared/domain/escalation';
import type { ApprovalLevel } from '../../../../shared/domain/escalation-packet';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { ElapsedTimer } from '../../ui/ElapsedTimer';
import { askOf } from './escalation-words';
import { useEscalationsStore } from './escalations-store';

/**
 * The open customer's escalations at the top of their card: waiting (for whom, for how long) or
 * decided (by whom, and the reason to read out). Announced politely, so a decision that arrives
 * during the call is read by a screen reader without cutting the agent off.
 */
export function EscalationBanner() {
  const { t } = useTranslation();
  const shown = useEscalationsStore((s) => s.banner);
  return (
    <div className="escalation-banners" role="status" aria-live="polite" aria-label={t('escalations.banner.title')}>
      {shown.map((item) => (
        <BannerRow key={item.id} item={item} />
      ))}
    </div>
  );
}

function BannerRow({ item }: { item: EscalationView }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const outcome = outcomeOf(item);
  const closing = closingStep(item);
  const last = item.trail?.at(-1);
  const level = (value: ApprovalLevel) => t(`escalations.levels.${value}`);
  return (
    <div className={`escalation-banner escalation-${outcome}`} data-testid="escalation-banner" data-outcome={outcome} data-level={item.level} data-id={item.id}>
      {outcome === 'waiting' && (
        <p>
          <strong>{t('escalations.banner.waiting', { level: level(item.level) })}</strong>{' '}
          <ElapsedTimer from={Date.parse(item.occurredAt)} testId="escalation-waiting" className="muted" /> <span>{askOf(item, format)}</span>
          {last && last.action === 'raise' && last.from !== 'representative' && (
            <span className="muted"> · {t('escalations.banner.raised', { name: last.by.name, level: level(last.to) })}</span>
          )}
          {last?.overLimit && <span className="muted"> · {t('escalations.banner.overLimit')}</span>}
        </p>
      )}
      {closing && outcome === 'approved' && (
        <p>
          <strong>{t('escalations.banner.approved', { name: closing.by.name, level: level(closing.byLevel), ask: askOf(item, format) })}</strong>
          {closing.reason !== '' && <span data-testid="escalation-reason"> {t('escalations.banner.readOut', { reason: closing.reason })}</span>}
        </p>
      )}
      {closing && outcome === 'denied' && (
        <p>
          <strong>{t('escalations.banner.denied', { name: closing.by.name, level: level(closing.byLevel) })}</strong>{' '}
          <span data-testid="escalation-reason">{t('escalations.banner.readOut', { reason: closing.reason })}</span>
        </p>
      )}
      {item.pendingSync && <span className="tag">{t('escalations.banner.pending')}</span>}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../shared/domain/escalation';
import type { EscalationStep } from '../../../../shared/domain/escalation-packet';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { askOf } from './escalation-words';

/**
 * An escalation on the customer's timeline: what was asked for, and every step since it was
 * raised (who, at what level, when, and the reason given).
 */
export function EscalationTrail({ escalation }: { escalation: EscalationView }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  return (
    <div className="timeline-detail escalation-trail" data-testid="timeline-escalation">
      <p>
        <span className="tag">{t(`escalations.levels.${escalation.level}`)}</span> {askOf(escalation, format)}
      </p>
      {escalation.trail && escalation.trail.length > 0 && <StepList steps={escalation.trail} />}
    </div>
  );
}

export function StepList({ steps }: { steps: readonly EscalationStep[] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  return (
    <ol className="escalation-steps" data-testid="escalation-steps">
      {steps.map((step) => {
        const who = { name: step.by.name, level: t(`escalations.levels.${step.byLevel}`) };
        const what =
          step.action === 'raise'
            ? t('escalations.trail.raise', { ...who, to: t(`escalations.levels.${step.to}`) })
            : t(`escalations.trail.${step.action}`, who);
        return (
          <li key={step.id} data-testid="escalation-step" data-action={step.action}>
            <time dateTime={step.at}>{format.dateTime(step.at)}</time> {what}
            {step.overLimit && <span className="muted"> ({t('escalations.trail.overLimit')})</span>}
            {step.reason !== '' && <q className="escalation-step-reason">{step.reason}</q>}
          </li>
        );
      })}
    </ol>
  );
}

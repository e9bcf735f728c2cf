import { useTranslation } from 'react-i18next';
import { elapsed } from '../../ui/ElapsedTimer';
import { useAgentStateStore } from './agent-state-store';
import { Countdown } from './Countdown';
import './agent-state.css';

/**
 * The recovery pause after a call flagged abusive: first the offer (take it or not now), then,
 * while it is taken, the time left and a way to end it early. Nothing shows otherwise.
 */
export function RecoveryPause() {
  const { t } = useTranslation();
  const offer = useAgentStateStore((s) => s.recoveryOffer);
  const endsAt = useAgentStateStore((s) => s.recoveryEndsAt);
  const inRecovery = useAgentStateStore((s) => s.current?.state === 'recovery');
  const saving = useAgentStateStore((s) => s.saving);
  const take = useAgentStateStore((s) => s.takeRecoveryPause);
  const decline = useAgentStateStore((s) => s.declineRecovery);
  const end = useAgentStateStore((s) => s.endRecoveryPause);

  if (inRecovery && endsAt !== null) {
    return (
      <section className="pane recovery-pause" data-testid="recovery-pause" aria-label={t('agentState.recovery.title')}>
        <p>{t('agentState.recovery.taking')}</p>
        <p className="recovery-pause-left" role="timer" aria-label={t('agentState.recovery.left')}>
          <Countdown until={endsAt} testId="recovery-pause-left" />
        </p>
        <button type="button" className="button button-primary" data-testid="recovery-pause-end" disabled={saving} onClick={() => void end()}>
          {t('agentState.recovery.end')}
        </button>
      </section>
    );
  }
  if (!offer) return null;
  const time = offer.seconds % 60 === 0 ? t('agentState.recovery.minutes', { count: offer.seconds / 60 }) : elapsed(offer.seconds * 1000);
  return (
    <section className="pane recovery-pause" data-testid="recovery-offer" aria-label={t('agentState.recovery.title')}>
      <p>{t('agentState.recovery.offer')}</p>
      <div className="recovery-pause-actions">
        <button type="button" className="button button-primary" data-testid="recovery-offer-take" disabled={saving} onClick={() => void take()}>
          {t('agentState.recovery.take', { time })}
        </button>
        <button type="button" className="button button-quiet" data-testid="recovery-offer-decline" disabled={saving} onClick={decline}>
          {t('agentState.recovery.notNow')}
        </button>
      </div>
    </section>
  );
}

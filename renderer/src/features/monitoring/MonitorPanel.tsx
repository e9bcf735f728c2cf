import { useTranslation } from 'react-i18next';
import { MONITOR_MODES } from '../../../../shared/monitoring/grant';
import { errorKey } from '../../i18n/error-key';
import { isOver, useMonitoringStore } from './monitoring-store';

/** The supervisor's monitoring call: who, which mode the agent's phone mixes, switch, hang up. */
export function MonitorPanel() {
  const { t } = useTranslation();
  const session = useMonitoringStore((s) => s.session);
  const problem = useMonitoringStore((s) => s.problem);
  const { setMode, hangUp, dismiss, takeOver } = useMonitoringStore.getState();
  if (!session) return null;
  const over = isOver(session);
  const monitoring = session.status !== 'taken-over';
  return (
    <section className="pane monitor-panel" aria-labelledby="monitor-panel-heading" data-testid="monitor-panel" data-status={session.status}>
      <h2 id="monitor-panel-heading">{t('monitoring.heading', { name: session.agentName })}</h2>
      <p data-testid="monitor-status">{t(`monitoring.status.${session.status}`)}</p>
      {session.mode && !over && monitoring && (
        <p data-testid="monitor-mode" data-mode={session.mode}>
          {t('monitoring.nowIn', { mode: t(`monitoring.mode.${session.mode}`) })}
        </p>
      )}
      {session.mode && session.asked !== session.mode && !over && monitoring && (
        <p className="alert alert-info" role="alert" data-testid="monitor-mode-refused">
          {t('monitoring.modeRefused', { mode: t(`monitoring.mode.${session.asked}`) })}
        </p>
      )}
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="monitor-problem">
          {problem.code === 'FORBIDDEN' || problem.code === 'NOT_FOUND' ? t(`monitoring.grantRefused.${problem.code}`) : t(errorKey(problem.code))}
        </p>
      )}
      {session.status === 'taken-over' && (
        <button type="button" className="button-danger" data-testid="monitor-end-call" onClick={hangUp}>
          {t('monitoring.endCall')}
        </button>
      )}
      {!over && monitoring && (
        <div className="monitor-modes" role="group" aria-label={t('monitoring.modesLabel')}>
          {MONITOR_MODES.map((mode) => (
            <button
              key={mode}
              type="button"
              className={session.mode === mode ? 'button-primary' : 'button-secondary'}
              aria-pressed={session.mode === mode}
              disabled={session.status !== 'connected'}
              title={session.grant && !session.grant.modes.includes(mode) ? t('monitoring.notGranted') : undefined}
              data-testid={`monitor-mode-${mode}`}
              onClick={() => setMode(mode)}
            >
              {t(`monitoring.mode.${mode}`)}
            </button>
          ))}
          {!session.pbx && (
            <button type="button" className="button-secondary" disabled={session.status !== 'connected'} data-testid="monitor-take-over" onClick={() => void takeOver()}>
              {t('monitoring.takeOver')}
            </button>
          )}
          <button type="button" className="button-danger" data-testid="monitor-hangup" onClick={hangUp}>
            {t('monitoring.hangUp')}
          </button>
        </div>
      )}
      {over && (
        <button type="button" className="button-secondary" data-testid="monitor-dismiss" onClick={dismiss}>
          {t('monitoring.dismiss')}
        </button>
      )}
    </section>
  );
}

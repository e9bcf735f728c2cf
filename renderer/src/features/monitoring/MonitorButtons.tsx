import { useTranslation } from 'react-i18next';
import { MONITOR_MODES } from '../../../../shared/monitoring/grant';
import { isOver, useMonitoringStore } from './monitoring-store';

/** Listen / whisper / barge on one agent's live call (the wallboard's agent row). */
export function MonitorButtons({
  agent,
  callId,
  customer = null,
}: {
  agent: { id: string; name: string };
  callId: string;
  customer?: { id: string; name: string } | null;
}) {
  const { t } = useTranslation();
  const busy = useMonitoringStore((s) => !isOver(s.session));
  const start = useMonitoringStore((s) => s.start);
  return (
    <span className="monitor-buttons" role="group" aria-label={t('monitoring.startLabel', { name: agent.name })}>
      {MONITOR_MODES.map((mode) => (
        <button
          key={mode}
          type="button"
          className="button-secondary"
          disabled={busy}
          data-testid={`monitor-start-${mode}`}
          onClick={() => void start(agent, callId, mode, customer)}
        >
          {t(`monitoring.mode.${mode}`)}
        </button>
      ))}
    </span>
  );
}

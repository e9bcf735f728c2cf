import './monitoring.css';
import { useTranslation } from 'react-i18next';
import type { LineId } from '../../../../shared/phone/phone-protocol';
import { useMonitoringStore } from './monitoring-store';

/** On the agent's line card: a supervisor is on this call, and whether the customer can hear them. */
export function MonitoredBadge({ line }: { line: LineId }) {
  const { t } = useTranslation();
  const monitor = useMonitoringStore((s) => s.monitored[line]);
  if (!monitor?.shown) return null;
  return (
    <p className={`monitored-badge monitored-${monitor.mode}`} role="status" data-testid="monitored-badge" data-mode={monitor.mode}>
      {t(`monitoring.agentSees.${monitor.mode}`, { name: monitor.supervisorName })}
    </p>
  );
}

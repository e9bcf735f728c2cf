import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { GrantRefusal } from '../../../../shared/monitoring/grant';
import type { TFunction } from 'i18next';
import { useMonitoringStore } from './monitoring-store';

/** A console's refusal reason in the admin's words; the server's own refusals are already sentences. */
function refusalWords(event: string, detail: string, t: TFunction): string {
  const code = GrantRefusal.safeParse(detail);
  return event === 'refused' && code.success ? t(`monitoring.audit.refusals.${code.data}`) : detail;
}

/** Admins: who asked to monitor whom, what was granted or refused, and what the agents' phones did. */
export function MonitoringAuditPane() {
  const { t } = useTranslation();
  const headingId = useId();
  const audit = useMonitoringStore((s) => s.audit);
  const loadAudit = useMonitoringStore((s) => s.loadAudit);
  const format = useLocaleFormat();
  useEffect(() => {
    void loadAudit();
  }, [loadAudit]);
  return (
    <section className="pane" aria-labelledby={headingId} aria-busy={audit.status === 'loading'} data-testid="monitoring-audit">
      <h2 id={headingId}>{t('monitoring.audit.heading')}</h2>
      <button type="button" className="button-secondary" onClick={() => void loadAudit()} data-testid="monitoring-audit-refresh">
        {t('monitoring.audit.refresh')}
      </button>
      {audit.error && (
        <p className="alert alert-error" role="alert">
          {t(errorKey(audit.error.code))}
        </p>
      )}
      {audit.status === 'loaded' && audit.entries.length === 0 && <p className="muted">{t('monitoring.audit.empty')}</p>}
      {audit.entries.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('monitoring.audit.when')}</th>
              <th scope="col">{t('monitoring.audit.what')}</th>
              <th scope="col">{t('monitoring.audit.supervisor')}</th>
              <th scope="col">{t('monitoring.audit.agent')}</th>
              <th scope="col">{t('monitoring.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.entries.map((entry) => (
              <tr key={entry.id} data-testid="monitoring-audit-row" data-event={entry.event}>
                <td>{format.dateTime(entry.at)}</td>
                <td>{t(`monitoring.audit.events.${entry.event}`)}</td>
                <td>{entry.supervisor ?? t('monitoring.audit.unknown')}</td>
                <td>{entry.agent ?? t('monitoring.audit.unknown')}</td>
                <td>
                  {entry.mode && t(`monitoring.mode.${entry.mode}`)}
                  {entry.modes && entry.modes.map((mode) => t(`monitoring.mode.${mode}`)).join(', ')}
                  {entry.detail && <span className="muted"> {refusalWords(entry.event, entry.detail, t)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

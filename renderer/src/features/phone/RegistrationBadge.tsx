import { useTranslation } from 'react-i18next';
import { errorKey } from '../../i18n/error-key';
import { usePhoneStore } from './phone-store';

/**
 * Whether the phone can take calls, in words, always true to the moment: "Ready for calls",
 * "Not connected. Reconnecting…", "Registration failed" with the reason and a way to retry.
 * `data-status` carries the same for tests: off, loading, not-configured, error (setup) or the
 * registration status.
 */
export function RegistrationBadge() {
  const { t } = useTranslation();
  const setup = usePhoneStore((s) => s.setup);
  const setupError = usePhoneStore((s) => s.setupError);
  const registration = usePhoneStore((s) => s.registration);
  const reconnect = usePhoneStore((s) => s.reconnect);
  const status = setup === 'ready' ? registration.status : setup;
  const canRetry = status === 'failed' || status === 'error' || status === 'unregistered';

  return (
    <div className="phone-status-block">
      <p className={`phone-status phone-status-${status}`} data-testid="phone-status" data-status={status} role="status">
        <span className="phone-status-dot" aria-hidden="true" />
        {t(`phone.status.${status}`)}
      </p>
      {status === 'failed' && registration.problem && (
        <p className="field-note" data-testid="phone-status-problem">
          {t(`phone.problem.${registration.problem}`)}
        </p>
      )}
      {status === 'error' && setupError && (
        <p className="field-note" data-testid="phone-status-problem">
          {t('phone.setup.error')} {t(errorKey(setupError.code))}
        </p>
      )}
      {status === 'not-configured' && (
        <p className="alert alert-info" data-testid="phone-not-configured">
          {t('phone.setup.notConfigured')}
        </p>
      )}
      {canRetry && (
        <button type="button" className="button button-secondary" data-testid="phone-reconnect" onClick={reconnect}>
          {t('phone.reconnect')}
        </button>
      )}
    </div>
  );
}

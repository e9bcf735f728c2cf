import { useTranslation } from 'react-i18next';
import { LINE_IDS } from '../../../../shared/phone/phone-protocol';
import { usePhoneStore } from './phone-store';

/**
 * The phone in the status bar: registered or not, and a warning while a call's network quality is
 * poor (packet loss, jitter or round trip over the line card's thresholds).
 */
export function PhoneStatusItem() {
  const { t } = useTranslation();
  const setup = usePhoneStore((s) => s.setup);
  const registration = usePhoneStore((s) => s.registration);
  const quality = usePhoneStore((s) => s.quality);
  const status = setup === 'ready' ? registration.status : setup;
  const poor = LINE_IDS.some((id) => quality[id]?.degraded === true);
  return (
    <span className={`status-item phone-status-${status}`} data-testid="status-phone" data-status={status}>
      <span className="phone-status-dot" aria-hidden="true" />
      {t(`phone.status.${status}`)}
      {poor && (
        <span className="tag tag-warning" data-testid="status-call-quality">
          {t('phone.quality.degraded')}
        </span>
      )}
    </span>
  );
}

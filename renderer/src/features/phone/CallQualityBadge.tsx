import { useTranslation } from 'react-i18next';
import type { LineId } from '../../../../shared/phone/phone-protocol';
import { usePhoneStore } from './phone-store';

/** How the call sounds, from WebRTC stats: "Good sound" or a warning, with the figures on hover. */
export function CallQualityBadge({ line }: { line: LineId }) {
  const { t } = useTranslation();
  const quality = usePhoneStore((s) => s.quality[line]);
  if (!quality) return null;
  const detail = t('phone.quality.detail', {
    loss: quality.lossPercent,
    jitter: quality.jitterMs,
    rtt: quality.rttMs ?? t('phone.quality.unknown'),
  });
  return (
    <span
      className={`tag phone-quality${quality.degraded ? ' phone-quality-degraded' : ''}`}
      data-testid="line-quality"
      data-degraded={quality.degraded}
      title={detail}
      role={quality.degraded ? 'alert' : undefined}
    >
      {quality.degraded ? t('phone.quality.degraded') : t('phone.quality.good')}
    </span>
  );
}

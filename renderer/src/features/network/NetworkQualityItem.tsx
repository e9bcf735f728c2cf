import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhoneStore } from '../phone/phone-store';
import { assessNetwork, type NetworkReason } from './network-quality';
import { useNetworkStore } from './network-store';
import './network.css';

/**
 * "Network: good / poor / offline" in the status bar. The figures behind it (the server round
 * trip, a lost phone registration) are in its tooltip and its accessible name.
 */
export function NetworkQualityItem() {
  const { t } = useTranslation();
  const server = useNetworkStore((s) => s.server);
  const browserOnline = useNetworkStore((s) => s.browserOnline);
  const start = useNetworkStore((s) => s.start);
  const setup = usePhoneStore((s) => s.setup);
  const registration = usePhoneStore((s) => s.registration);
  useEffect(() => start(), [start]);

  const { level, reasons } = assessNetwork({ browserOnline, server, phone: setup === 'ready' ? registration : null });
  const label = t('network.label', { quality: t(`network.quality.${level}`) });
  const details = reasons.map((reason) => describe(reason, t)).join('. ');
  return (
    <span className="status-item network-quality" role="status" data-testid="network-quality" data-level={level} title={details} aria-label={t('network.described', { label, details })}>
      <span className={`network-dot network-dot-${level}`} aria-hidden="true" />
      {label}
    </span>
  );
}

function describe(reason: NetworkReason, t: TFunction): string {
  switch (reason.kind) {
    case 'roundTrip':
      return t('network.roundTrip', { ms: reason.ms });
    case 'noConnection':
      return t('network.noConnection');
    case 'unreachable':
      return t('network.unreachable');
    case 'phoneDown':
      return t('network.phoneDown');
    case 'notMeasured':
      return t('network.notMeasured');
  }
}

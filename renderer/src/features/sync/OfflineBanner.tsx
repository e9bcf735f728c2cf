import { useTranslation } from 'react-i18next';
import { isOffline, useSyncStore } from './sync-store';
import './sync.css';

/**
 * Says plainly that the server is out of reach, and that work goes on regardless; on the
 * supervisor's screen, that the team view is the last one heard, not live.
 */
export function OfflineBanner({ view = 'agent' }: { view?: 'agent' | 'wallboard' }) {
  const { t } = useTranslation();
  const offline = useSyncStore((s) => isOffline(s.status));
  if (!offline) return null;
  return (
    <div className="alert alert-info offline-banner" role="status" data-testid="offline-banner">
      {t(view === 'wallboard' ? 'sync.bannerWallboard' : 'sync.banner')}
    </div>
  );
}

import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { NetworkQualityItem } from '../network/NetworkQualityItem';
import { isOffline, useSyncStore } from './sync-store';
import './sync.css';

/**
 * The sync line at the bottom of the agent's workspace: online or not, when the cache was last
 * brought up to date, what is still waiting to upload, the network's quality, the first load's progress with real
 * figures, and the writes the server refused with its reasons. Information only: nothing here
 * ever blocks the agent's work.
 */
export function SyncStatusBar() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const start = useSyncStore((s) => s.start);
  const retry = useSyncStore((s) => s.retry);
  const format = useLocaleFormat();

  useEffect(() => start(), [start]);

  if (!status) return null;
  const offline = isOffline(status);
  const state = status.online ? 'online' : offline ? 'offline' : 'connecting';
  return (
    <section className="sync-bar" data-testid="sync-status" data-state={state} aria-label={t('sync.label')}>
      <span className={`sync-dot sync-dot-${state}`} aria-hidden="true" />
      <span role="status" className="sync-state">
        {t(`sync.${state}`)}
      </span>
      <span className="sync-item muted">
        {status.lastSyncedAt ? t('sync.lastSynced', { time: lastSyncedText(status.lastSyncedAt, format) }) : t('sync.neverSynced')}
      </span>
      <span className="sync-item" data-testid="sync-pending" data-count={status.pending}>
        {status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.allUploaded')}
      </span>
      <NetworkQualityItem />
      {status.initialLoad.active && <LoadProgress status={status} />}
      {offline && (
        <button type="button" className="button button-secondary button-small sync-retry" onClick={() => void retry()}>
          {t('sync.retry')}
        </button>
      )}
      {status.rejected > 0 && <RejectedWrites count={status.rejected} />}
    </section>
  );
}

function lastSyncedText(at: string, format: ReturnType<typeof useLocaleFormat>): string {
  const when = new Date(at);
  const sameDay = when.toDateString() === new Date().toDateString();
  return sameDay ? format.time(when) : format.dateTime(when);
}

function LoadProgress({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const labelId = useId();
  const { applied, remaining, percent } = status.initialLoad;
  return (
    <span className="sync-progress">
      <span id={labelId} className="sync-item">
        {t('sync.loadingTitle')}
      </span>
      <progress data-testid="sync-progress" max={100} value={percent} aria-labelledby={labelId} aria-valuetext={`${percent}%`} />
      <span className="sync-item muted">
        {t('sync.loading', { percent: format.number(percent), applied: format.number(applied), total: format.number(applied + remaining) })}
      </span>
    </span>
  );
}

function RejectedWrites({ count }: { count: number }) {
  const { t } = useTranslation();
  const rejected = useSyncStore((s) => s.rejected);
  const [open, setOpen] = useState(false);
  const format = useLocaleFormat();
  const listId = useId();
  return (
    <span className="sync-rejected">
      <span className="sync-item sync-rejected-count" data-testid="sync-rejected">
        {t('sync.rejected', { count })}
      </span>
      <button type="button" className="button button-secondary button-small" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {open ? t('sync.hide') : t('sync.show')}
      </button>
      {open && (
        <div id={listId} className="sync-rejected-list" role="region" aria-label={t('sync.rejectedTitle')}>
          <p className="muted">{t('sync.rejectedHint')}</p>
          <ul>
            {rejected.map((write) => (
              <li key={write.id} data-testid="sync-rejected-item">
                <span className="muted">{format.dateTime(write.createdAt)}</span>
                <q>{write.text}</q>
                <span>{t('sync.reason', { reason: write.reason })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </span>
  );
}

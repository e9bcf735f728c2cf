import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackDue } from '../../../../shared/domain/callback';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useCallbacksStore } from './callbacks-store';
import './callbacks.css';

/** Within this long of its time a callback counts as due now. */
const DUE_SOON_MS = 15 * 60_000;

type Timing = 'overdue' | 'due' | 'later';

function timingOf(item: CallbackDue, now: number): Timing {
  const due = Date.parse(item.callback.dueAt);
  if (due < now - DUE_SOON_MS) return 'overdue';
  return due <= now + DUE_SOON_MS ? 'due' : 'later';
}

/** The callbacks the agent owes: overdue and due ones marked, one click to call, done or cancel. */
export function CallbacksPane() {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const headingId = useId();
  const callbacks = useCallbacksStore((s) => s.callbacks);
  const error = useCallbacksStore((s) => s.error);
  const start = useCallbacksStore((s) => s.start);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => start(), [start]);
  // Due-ness changes with the clock, not only with data.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (callbacks.length === 0) return null;
  const dueCount = callbacks.filter((item) => timingOf(item, now) !== 'later').length;
  return (
    <section className="pane callbacks" data-testid="callbacks" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('callbacks.title')} <span className="muted">({callbacks.length})</span>
      </h2>
      {dueCount > 0 && (
        <p className="alert alert-info" role="status" data-testid="callbacks-due">
          {t('callbacks.dueNow', { count: dueCount })}
        </p>
      )}
      <ul className="callbacks-list">
        {callbacks.map((item) => (
          <CallbackItem key={item.callback.id} item={item} timing={timingOf(item, now)} when={format.dateTime(item.callback.dueAt)} />
        ))}
      </ul>
      {error && (
        <p className="alert alert-error" role="alert">
          {t(errorKey(error))}
        </p>
      )}
    </section>
  );
}

function CallbackItem({ item, timing, when }: { item: CallbackDue; timing: Timing; when: string }) {
  const { t } = useTranslation();
  const callBack = useCallbacksStore((s) => s.callBack);
  const settle = useCallbacksStore((s) => s.settle);
  return (
    <li className={`callback callback-${timing}`} data-testid="callback" data-timing={timing} data-id={item.callback.id}>
      <div className="callback-head">
        <strong>{item.customerName}</strong>
        <span className={timing === 'later' ? 'muted' : 'callback-when'}>
          {t(`callbacks.${timing}`)} · {when}
        </span>
      </div>
      {item.callback.text !== '' && <p className="callback-text">{item.callback.text}</p>}
      <div className="callback-actions">
        {item.callback.phone && (
          <button type="button" className="button button-primary button-small" data-testid="callback-call" onClick={() => callBack(item)}>
            {t('callbacks.call', { number: item.callback.phone })}
          </button>
        )}
        <button type="button" className="button button-secondary button-small" data-testid="callback-done" onClick={() => void settle(item.callback.id, 'done')}>
          {t('callbacks.done')}
        </button>
        <button type="button" className="button button-quiet button-small" data-testid="callback-cancel" onClick={() => void settle(item.callback.id, 'cancelled')}>
          {t('callbacks.cancel')}
        </button>
      </div>
    </li>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackDue } from '../../../../shared/domain/callback';
import { FOLLOW_UP_RESULTS, type FollowUpResult } from '../../../../shared/domain/follow-up';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { timingOf, type Timing } from './callback-timing';
import { useCallbacksStore } from './callbacks-store';
import './callbacks.css';

/**
 * The callbacks the agent owes: overdue and due ones marked, one click to call, done or cancel,
 * and the "Notify me" switch for a desktop notification when one is due.
 */
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
      <NotifySwitch />
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

/** "Notify me": asks for the permission on the click itself, as browsers require. */
function NotifySwitch() {
  const { t } = useTranslation();
  const wanted = useCallbacksStore((s) => s.notifyWanted);
  const access = useCallbacksStore((s) => s.notifyAccess);
  const setNotify = useCallbacksStore((s) => s.setNotify);
  const id = useId();
  const hintId = useId();
  const on = wanted && access === 'granted';
  return (
    <div className="callbacks-notify">
      <input
        id={id}
        type="checkbox"
        role="switch"
        data-testid="callbacks-notify"
        aria-describedby={hintId}
        checked={on}
        disabled={access === 'unsupported'}
        onChange={(event) => void setNotify(event.target.checked)}
      />
      <label htmlFor={id}>{t('callbackNotifications.toggle')}</label>
      <span id={hintId} className="muted" data-testid="callbacks-notify-note">
        {access === 'denied'
          ? t('callbackNotifications.blocked')
          : access === 'unsupported'
            ? t('callbackNotifications.unsupported')
            : t('callbackNotifications.hint')}
      </span>
    </div>
  );
}

function CallbackItem({ item, timing, when }: { item: CallbackDue; timing: Timing; when: string }) {
  const { t } = useTranslation();
  const callBack = useCallbacksStore((s) => s.callBack);
  const settle = useCallbacksStore((s) => s.settle);
  const selected = useCallbacksStore((s) => s.selectedId === item.callback.id);
  const ref = useRef<HTMLLIElement>(null);
  // A follow-up is made with an outcome: "Done" opens the outcome form instead of settling it.
  const [recording, setRecording] = useState(false);
  const followUp = item.callback.followUp;
  // Arrived from its notification: the agent's eyes and keyboard land on this callback.
  useEffect(() => {
    if (!selected) return;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus();
  }, [selected]);
  return (
    <li
      ref={ref}
      tabIndex={-1}
      className={`callback callback-${timing}${selected ? ' callback-selected' : ''}`}
      data-testid="callback"
      data-timing={timing}
      data-id={item.callback.id}
      data-follow-up={followUp?.reason}
      data-selected={selected}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="callback-head">
        <strong>{item.customerName}</strong>
        <span className={timing === 'later' ? 'muted' : 'callback-when'}>
          {t(`callbacks.${timing}`)} · {when}
        </span>
      </div>
      {followUp && (
        <div className="callback-follow-up" data-testid="callback-follow-up">
          <strong>{t(`callbacks.followUp.${followUp.reason}`)}</strong>
          {followUp.ask !== '' && <p className="callback-text">{t('callbacks.followUpAsk', { ask: followUp.ask })}</p>}
          {followUp.decisionReason !== '' && <p className="callback-text">{t('callbacks.followUpDenied', { reason: followUp.decisionReason })}</p>}
        </div>
      )}
      {item.callback.text !== '' && <p className="callback-text">{item.callback.text}</p>}
      {recording ? (
        <OutcomeForm onSave={(result, note) => void settle(item.callback.id, 'done', { result, note })} onBack={() => setRecording(false)} />
      ) : (
        <div className="callback-actions">
          {item.callback.phone && (
            <button type="button" className="button button-primary button-small" data-testid="callback-call" onClick={() => callBack(item)}>
              {t('callbacks.call', { number: item.callback.phone })}
            </button>
          )}
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="callback-done"
            onClick={() => (followUp ? setRecording(true) : void settle(item.callback.id, 'done'))}
          >
            {t('callbacks.done')}
          </button>
          <button type="button" className="button button-quiet button-small" data-testid="callback-cancel" onClick={() => void settle(item.callback.id, 'cancelled')}>
            {t('callbacks.cancel')}
          </button>
        </div>
      )}
    </li>
  );
}

/** How the follow-up call went: one of a few results, and a note; saved as the callback is made. */
function OutcomeForm({ onSave, onBack }: { onSave(result: FollowUpResult, note: string): void; onBack(): void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<FollowUpResult | null>(null);
  const [note, setNote] = useState('');
  const noteId = useId();
  return (
    <form
      className="callback-outcome"
      data-testid="callback-outcome"
      onSubmit={(event) => {
        event.preventDefault();
        if (result) onSave(result, note.trim());
      }}
    >
      <fieldset>
        <legend>{t('callbacks.outcome.title')}</legend>
        {FOLLOW_UP_RESULTS.map((value) => (
          <label key={value} className="callback-outcome-choice">
            <input type="radio" name="follow-up-result" value={value} checked={result === value} onChange={() => setResult(value)} />{' '}
            {t(`callbacks.outcome.results.${value}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId}>{t('callbacks.outcome.note')}</label>
      <textarea id={noteId} className="field" rows={2} maxLength={1_000} value={note} onChange={(event) => setNote(event.target.value)} />
      <div className="callback-actions">
        <button type="submit" className="button button-primary button-small" data-testid="callback-outcome-save" disabled={result === null}>
          {t('callbacks.outcome.save')}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={onBack}>
          {t('callbacks.outcome.back')}
        </button>
      </div>
    </form>
  );
}

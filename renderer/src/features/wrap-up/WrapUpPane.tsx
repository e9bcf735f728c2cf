import { useEffect, useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dispositionLabel, type DispositionCode } from '../../../../shared/domain/disposition';
import type { PendingWrapUp } from '../../../../shared/domain/wrap-up';
import { foldForSearch } from '../../../../shared/search/fold';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { elapsed, ElapsedTimer } from '../../ui/ElapsedTimer';
import { useDraftsStore } from '../drafts/drafts-store';
import { LinkCustomerPanel } from '../phone/LinkCustomerPanel';
import { useWrapUpStore, type WrapUpForm } from './wrap-up-store';
import './wrap-up.css';

const KNOWN_CATEGORIES = ['resolved', 'request', 'follow_up', 'other'] as const;
type Category = (typeof KNOWN_CATEGORIES)[number];
const categoryOf = (d: DispositionCode): Category => (KNOWN_CATEGORIES as readonly string[]).includes(d.category ?? '') ? (d.category as Category) : 'other';

/**
 * After-call work for the call that just ended: how it ended, what was done, a callback if the
 * customer needs one, and the survey flag. Shown while a wrap-up is due; the agent takes no
 * calls until it is saved (or the limit saves it with the default disposition).
 */
export function WrapUpPane() {
  const pending = useWrapUpStore((s) => s.pending);
  const start = useWrapUpStore((s) => s.start);
  useEffect(() => start(), [start]);
  if (!pending) return null;
  // Keyed by the call: the next call's form starts empty.
  return <WrapUpFormView key={pending.call.id} pending={pending} />;
}

function WrapUpFormView({ pending }: { pending: PendingWrapUp }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const dispositions = useWrapUpStore((s) => s.dispositions);
  const saving = useWrapUpStore((s) => s.saving);
  const error = useWrapUpStore((s) => s.error);
  const save = useWrapUpStore((s) => s.save);
  const ids = { title: useId(), filter: useId(), disposition: useId(), notes: useId(), followUp: useId(), followUpAt: useId(), survey: useId(), abusive: useId() };
  const [filter, setFilter] = useState('');
  const [form, setForm] = useState<WrapUpForm>({ disposition: '', notes: '', followUpAt: '', surveyRequested: false });
  const [wantsFollowUp, setWantsFollowUp] = useState(false);
  const drafts = useDraftsStore();
  const draftKey = `wrap-up:${pending.call.id}` as const;
  const [draftKept, setDraftKept] = useState(false);

  // Notes typed before a crash or a reload come back.
  useEffect(() => {
    let current = true;
    void drafts.load(draftKey).then((draft) => {
      if (current && draft) setForm((now) => (now.notes === '' ? { ...now, notes: draft } : now));
    });
    return () => {
      current = false;
    };
  }, [draftKey, drafts]);

  const chosen = dispositions.find((d) => d.code === form.disposition);
  const needsFollowUp = wantsFollowUp || chosen?.requiresCallback === true;
  const shown = useMemo(() => {
    const wanted = foldForSearch(filter.trim());
    return wanted === '' ? dispositions : dispositions.filter((d) => foldForSearch(dispositionLabel(d, format.language)).includes(wanted) || d.code.includes(wanted));
  }, [dispositions, filter, format.language]);
  const defaultDisposition = dispositions.find((d) => d.code === pending.rules.defaultDisposition);
  const canSave = !saving && form.disposition !== '' && (!needsFollowUp || form.followUpAt !== '');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSave) return;
    void save({ ...form, followUpAt: needsFollowUp ? form.followUpAt : '' }).then((saved) => (saved ? drafts.clear(draftKey) : undefined));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <section className="pane wrap-up" data-testid="wrap-up" aria-labelledby={ids.title} onKeyDown={onKeyDown}>
      <header className="wrap-up-header">
        <h2 id={ids.title}>{t('wrapUp.title')}</h2>
        <span className="muted">{t('wrapUp.call', { number: pending.call.number })}</span>
        <WrapUpClock pending={pending} />
      </header>
      <WrapUpCustomer pending={pending} />
      <form className="wrap-up-form" onSubmit={submit}>
        <label htmlFor={ids.filter}>{t('wrapUp.disposition')}</label>
        <input
          id={ids.filter}
          type="search"
          className="field"
          data-testid="wrap-up-filter"
          placeholder={t('wrapUp.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          aria-controls={ids.disposition}
        />
        <select
          id={ids.disposition}
          className="field wrap-up-dispositions"
          data-testid="wrap-up-disposition"
          size={Math.min(8, Math.max(3, shown.length))}
          value={form.disposition}
          aria-label={t('wrapUp.disposition')}
          required
          onChange={(event) => setForm({ ...form, disposition: event.target.value })}
        >
          {KNOWN_CATEGORIES.map((category) => {
            const inCategory = shown.filter((d) => categoryOf(d) === category);
            if (inCategory.length === 0) return null;
            return (
              <optgroup key={category} label={t(`wrapUp.categories.${category}`)}>
                {inCategory.map((d) => (
                  <option key={d.code} value={d.code}>
                    {dispositionLabel(d, format.language)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
        {shown.length === 0 && <p className="muted">{t('wrapUp.noMatch')}</p>}

        <label htmlFor={ids.notes}>{t('wrapUp.notes')}</label>
        <textarea
          id={ids.notes}
          className="field"
          data-testid="wrap-up-notes"
          rows={3}
          maxLength={4_000}
          value={form.notes}
          onChange={(event) => {
            setForm({ ...form, notes: event.target.value });
            setDraftKept(false);
            void drafts.keep(draftKey, event.target.value).then(setDraftKept);
          }}
        />
        <span className="muted wrap-up-draft" data-testid="wrap-up-draft" role="status">
          {draftKept ? t('wrapUp.draftKept') : ''}
        </span>

        <div className="wrap-up-checks">
          <label htmlFor={ids.followUp}>
            <input
              id={ids.followUp}
              type="checkbox"
              data-testid="wrap-up-follow-up"
              checked={needsFollowUp}
              disabled={chosen?.requiresCallback === true}
              onChange={(event) => setWantsFollowUp(event.target.checked)}
            />{' '}
            {t('wrapUp.followUp')}
          </label>
          {needsFollowUp && (
            <label htmlFor={ids.followUpAt}>
              {t('wrapUp.followUpAt')}{' '}
              <input
                id={ids.followUpAt}
                type="datetime-local"
                className="field field-inline"
                data-testid="wrap-up-follow-up-at"
                required
                value={form.followUpAt}
                onChange={(event) => setForm({ ...form, followUpAt: event.target.value })}
              />
            </label>
          )}
          <label htmlFor={ids.survey}>
            <input
              id={ids.survey}
              type="checkbox"
              data-testid="wrap-up-survey"
              checked={form.surveyRequested}
              onChange={(event) => setForm({ ...form, surveyRequested: event.target.checked })}
            />{' '}
            {t('wrapUp.survey')}
          </label>
          <label htmlFor={ids.abusive}>
            <input
              id={ids.abusive}
              type="checkbox"
              data-testid="wrap-up-abusive"
              checked={form.abusive ?? false}
              onChange={(event) => setForm({ ...form, abusive: event.target.checked })}
            />{' '}
            {t('wrapUp.abusive')}
          </label>
        </div>

        <div className="wrap-up-actions">
          <span className="muted">
            {t('wrapUp.limit', {
              disposition: defaultDisposition ? dispositionLabel(defaultDisposition, format.language) : pending.rules.defaultDisposition,
              time: elapsed(pending.rules.limitSeconds * 1000),
            })}
          </span>
          <button type="submit" className="button button-primary" data-testid="wrap-up-save" disabled={!canSave} aria-busy={saving}>
            {saving ? t('wrapUp.saving') : t('wrapUp.save')}
          </button>
        </div>
        {error && (
          <p className="alert alert-error" role="alert">
            {t(errorKey(error))}
          </p>
        )}
      </form>
    </section>
  );
}

/** Who the call was with, and the way to say it was someone else before the wrap-up is saved. */
function WrapUpCustomer({ pending }: { pending: PendingWrapUp }) {
  const { t } = useTranslation();
  const name = useWrapUpStore((s) => s.customerName);
  const [changing, setChanging] = useState(false);
  const customerId = pending.call.customerId;
  return (
    <div className="wrap-up-customer" data-testid="wrap-up-customer" data-customer-id={customerId ?? ''}>
      <span data-testid="wrap-up-customer-name">
        {customerId === null ? t('wrapUp.noCustomer') : t('wrapUp.customer', { name: name ?? '…' })}
      </span>
      <button
        type="button"
        className="button button-secondary"
        data-testid="wrap-up-change-customer"
        aria-expanded={changing}
        onClick={() => setChanging(!changing)}
      >
        {customerId === null ? t('phone.action.linkCustomer') : t('phone.action.changeCustomer')}
      </button>
      {changing && <LinkCustomerPanel callId={pending.call.id} linkedId={customerId} testId="wrap-up-link" onLinked={() => setChanging(false)} />}
    </div>
  );
}

/** Time in wrap-up against the floor's target, marked when over it. */
function WrapUpClock({ pending }: { pending: PendingWrapUp }) {
  const { t } = useTranslation();
  const since = Date.parse(pending.since);
  const [over, setOver] = useState(() => Date.now() - since > pending.rules.targetSeconds * 1000);
  useEffect(() => {
    if (over) return;
    const timer = setTimeout(() => setOver(true), Math.max(0, since + pending.rules.targetSeconds * 1000 - Date.now()));
    return () => clearTimeout(timer);
  }, [over, since, pending.rules.targetSeconds]);
  return (
    <span className="wrap-up-clock" data-testid="wrap-up-clock" data-over-target={over} role="timer" aria-label={t('wrapUp.timer')}>
      <ElapsedTimer from={since} testId="wrap-up-elapsed" /> / {t('wrapUp.target', { time: elapsed(pending.rules.targetSeconds * 1000) })}
    </span>
  );
}

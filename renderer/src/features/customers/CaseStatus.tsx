import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { statusesOf, type AnyCaseStatus, type CaseKind } from '../../../../shared/domain/case-status';
import type { CaseStatusEntry, InteractionView } from '../../../../shared/domain/interaction';
import { errorKey } from '../../i18n/error-key';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useCaseStatusStore } from './case-status-store';

const MAX_NOTE = 1_000;

export type CaseItem = Extract<InteractionView, { kind: CaseKind }>;

/** A status in the agent's words: a complaint's and a request's statuses have catalogs of their own. */
export function useStatusLabel(): (kind: CaseKind, status: AnyCaseStatus) => string {
  const { t } = useTranslation();
  return (kind, status) =>
    kind === 'complaint'
      ? t(`caseStatus.complaint.${status as 'open' | 'in_progress' | 'resolved' | 'closed'}`)
      : t(`customers.cases.requestStatus.${status as 'requested' | 'approved' | 'denied' | 'completed' | 'cancelled'}`);
}

/**
 * A case's status on its timeline entry: the current one, and a button (Enter or Space) that
 * opens its history — who moved it, when, from what to what, and why — with the form to move it on.
 */
export function CaseStatus({ item }: { item: CaseItem }) {
  const { t } = useTranslation();
  const label = useStatusLabel();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const history: readonly CaseStatusEntry[] = item.statusHistory ?? [];
  return (
    <div className="case-status" data-testid="case-status-panel">
      <span className="muted">{t('caseStatus.label')}</span>
      <span className={`tag case-status-tag case-status-${item.status}`} data-testid="case-status" data-status={item.status}>
        {label(item.kind, item.status)}
      </span>
      <button
        type="button"
        className="button button-quiet button-small"
        data-testid="case-history-toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        {t('caseStatus.showHistory', { count: history.length })}
      </button>
      <div id={regionId} role="region" aria-label={t('caseStatus.historyTitle')} className="case-history" data-testid="case-history" hidden={!open}>
        {open && (
          <>
            <StatusHistory kind={item.kind} history={history} />
            <StatusChangeForm item={item} />
          </>
        )}
      </div>
    </div>
  );
}

function StatusHistory({ kind, history }: { kind: CaseKind; history: readonly CaseStatusEntry[] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const label = useStatusLabel();
  if (history.length === 0) return <p className="muted">{t('caseStatus.noChanges')}</p>;
  return (
    <ol className="case-history-list">
      {history.map((entry) => (
        <li key={entry.id} data-testid="case-history-entry" data-from={entry.from} data-to={entry.to}>
          <strong>{t('caseStatus.change', { from: label(kind, entry.from), to: label(kind, entry.to) })}</strong>{' '}
          <span className="muted">
            {t('caseStatus.byAt', { name: entry.by.name, time: format.dateTime(entry.at) })}
          </span>
          {entry.note !== '' && <p className="case-history-note">{entry.note}</p>}
        </li>
      ))}
    </ol>
  );
}

function StatusChangeForm({ item }: { item: CaseItem }) {
  const { t } = useTranslation();
  const label = useStatusLabel();
  const ids = { status: useId(), note: useId() };
  const choices = statusesOf(item.kind).filter((status) => status !== item.status);
  const [status, setStatus] = useState<AnyCaseStatus>(choices[0] ?? item.status);
  const [note, setNote] = useState('');
  const saving = useCaseStatusStore((s) => s.saving === item.id);
  const failed = useCaseStatusStore((s) => (s.failed?.id === item.id ? s.failed.error : null));
  const chosen = choices.includes(status) ? status : choices[0];

  async function save(): Promise<void> {
    if (!chosen || saving) return;
    const done = await useCaseStatusStore.getState().setStatus({ interactionId: item.id, status: chosen, note });
    if (done) setNote('');
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void save();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <form className="case-status-form" data-testid="case-status-form" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={ids.status}>{t('caseStatus.newStatus')}</label>
      <select id={ids.status} className="field field-inline" data-testid="case-status-choice" value={chosen} onChange={(e) => setStatus(e.target.value as AnyCaseStatus)}>
        {choices.map((s) => (
          <option key={s} value={s}>
            {label(item.kind, s)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.note}>{t('caseStatus.note')}</label>
      <textarea id={ids.note} data-testid="case-status-note" rows={2} maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="case-form-actions">
        <span className="muted case-hint">{t('caseStatus.hint')}</span>
        <button type="submit" className="button button-small" data-testid="case-status-save" disabled={saving || !chosen}>
          {saving ? t('caseStatus.saving') : t('caseStatus.save')}
        </button>
      </div>
      {failed && (
        <p className="field-note" role="alert">
          {t('caseStatus.failed')} {t(errorKey(failed.code))}
        </p>
      )}
    </form>
  );
}

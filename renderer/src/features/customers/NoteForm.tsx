import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../i18n/error-key';
import { useDraftsStore } from '../drafts/drafts-store';
import { useCustomersStore } from './customers-store';

const MAX_NOTE = 4_000;

/**
 * Adds a note to the open customer. Saved on this computer at once; it uploads by itself. What the
 * agent types is kept as a draft while they type, so a crash gives it back.
 */
export function NoteForm() {
  const customerId = useCustomersStore((s) => s.selectedId);
  // Keyed by the customer: another customer's card starts from that customer's own draft.
  return <NoteFormFor key={customerId ?? ''} customerId={customerId} />;
}

function NoteFormFor({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [draftKept, setDraftKept] = useState(false);
  const draftKey = customerId ? (`note:${customerId}` as const) : null;
  const drafts = useDraftsStore();

  useEffect(() => {
    if (!draftKey) return;
    let current = true;
    void drafts.load(draftKey).then((draft) => {
      if (current && draft) setText((typed) => (typed === '' ? draft : typed));
    });
    return () => {
      current = false;
    };
  }, [draftKey, drafts]);

  function type(value: string): void {
    setText(value);
    setDraftKept(false);
    if (draftKey) void drafts.keep(draftKey, value).then(setDraftKept);
  }
  const status = useCustomersStore((s) => s.noteStatus);
  const error = useCustomersStore((s) => s.noteError);
  const inputId = useId();
  const hintId = useId();
  const saving = status === 'saving';

  async function save(): Promise<void> {
    if (text.trim() === '' || saving) return;
    // The text stays in the box until the host says it is saved.
    if (await useCustomersStore.getState().addNote(text)) {
      setText('');
      if (draftKey) await drafts.clear(draftKey);
    }
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    void save();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <form className="note-form" onSubmit={onSubmit}>
      <label htmlFor={inputId}>{t('customers.note.label')}</label>
      <textarea
        id={inputId}
        data-testid="customer-note-input"
        rows={3}
        maxLength={MAX_NOTE}
        placeholder={t('customers.note.placeholder')}
        aria-describedby={hintId}
        value={text}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="note-form-actions">
        <span id={hintId} className="muted note-form-hint">
          {t('customers.note.hint')}
        </span>
        <span className="muted" data-testid="customer-note-draft" role="status">
          {draftKept && text.trim() !== '' ? t('customers.note.draftKept') : ''}
        </span>
        <button type="submit" className="button button-secondary" data-testid="customer-note-save" disabled={saving || text.trim() === ''}>
          {saving ? t('customers.note.saving') : t('customers.note.save')}
        </button>
      </div>
      {status === 'failed' && (
        <p className="field-note" role="alert">
          {t('customers.note.failed')} {error && t(errorKey(error.code))}
        </p>
      )}
      {status === 'saved' && (
        <p className="muted" role="status">
          {t('customers.note.saved')}
        </p>
      )}
    </form>
  );
}

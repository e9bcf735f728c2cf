import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuidanceShortcutList } from '../guidance/GuidanceShortcutList';
import { ShortcutList } from '../phone/ShortcutList';

const GENERAL = ['help', 'saveForm', 'clearSearch', 'escalate'] as const;

/** True when the key would type into a field: `?` there is a question mark, not a request for help. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Every keyboard shortcut in one place: `?` (outside text fields) or the header's button opens it,
 * Esc or the close button shuts it, and focus returns where it was.
 */
export function HelpOverlay() {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInto(event.target)) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal?.();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button type="button" className="button button-quiet" data-testid="help-open" onClick={() => setOpen(true)} aria-keyshortcuts="?">
        {t('help.open')}
      </button>
      <dialog ref={dialog} className="help-overlay" data-testid="help" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <h2 id={titleId}>{t('help.title')}</h2>
        <h3>{t('help.phone')}</h3>
        <ShortcutList />
        <h3>{t('help.guidance')}</h3>
        <GuidanceShortcutList />
        <h3>{t('help.general')}</h3>
        <dl className="phone-shortcuts">
          {GENERAL.map((id) => (
            <div key={id} className="phone-shortcut">
              <dt>
                <kbd>{t(`help.keys.${id}`)}</kbd>
              </dt>
              <dd>{t(`help.actions.${id}`)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog">
          <button type="submit" className="button button-secondary" data-testid="help-close">
            {t('help.close')}
          </button>
        </form>
      </dialog>
    </>
  );
}

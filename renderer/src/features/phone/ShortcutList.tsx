import { useTranslation } from 'react-i18next';
import { PHONE_SHORTCUTS } from './phone-shortcuts';

/** The phone's keyboard shortcuts, listed where the agent can find them. */
export function ShortcutList() {
  const { t } = useTranslation();
  return (
    <dl className="phone-shortcuts" data-testid="phone-shortcuts">
      {PHONE_SHORTCUTS.map((shortcut) => (
        <div key={shortcut.id} className="phone-shortcut">
          <dt>
            <kbd>{t('phone.shortcuts.combo', { key: shortcut.key })}</kbd>
          </dt>
          <dd>{t(`phone.shortcuts.${shortcut.id}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

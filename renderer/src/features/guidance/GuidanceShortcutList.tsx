import { useTranslation } from 'react-i18next';
import { GUIDANCE_SHORTCUTS } from './guidance-shortcuts';

/** The guidance hotkeys, for the shortcuts overlay. */
export function GuidanceShortcutList() {
  const { t } = useTranslation();
  return (
    <dl className="phone-shortcuts" data-testid="guidance-shortcuts">
      {GUIDANCE_SHORTCUTS.map((shortcut) => (
        <div key={shortcut.id} className="phone-shortcut">
          <dt>
            <kbd>{t('phone.shortcuts.combo', { key: shortcut.key })}</kbd>
          </dt>
          <dd>{t(`guidance.shortcuts.${shortcut.id}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_IDS } from '../../../../shared/phone/phone-protocol';
import { DialForm } from './DialForm';
import { LineCard } from './LineCard';
import { PhoneSettingsPanel } from './PhoneSettingsPanel';
import { runShortcut, shortcutOf } from './phone-shortcuts';
import { usePhoneStore } from './phone-store';
import { RegistrationBadge } from './RegistrationBadge';
import { ShortcutList } from './ShortcutList';
import './phone.css';

/**
 * The agent's phone: status, number box, the two lines, settings and shortcuts. It only renders
 * the phone store and sends commands; the phone itself (engine/) lives outside React, so this
 * pane can fail, reload or unmount without touching a call.
 */
export function PhonePane() {
  const { t } = useTranslation();
  const headingId = useId();
  const dialInput = useRef<HTMLInputElement>(null);
  const lastError = usePhoneStore((s) => s.lastError);
  const canSwap = usePhoneStore((s) => LINE_IDS.some((id) => s.lines[id].state.name === 'held') && LINE_IDS.some((id) => s.lines[id].state.name === 'active'));
  const swap = usePhoneStore((s) => s.swap);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (shortcut && runShortcut(shortcut, usePhoneStore.getState(), () => dialInput.current?.focus())) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="pane phone-pane" data-testid="pane-phone" aria-labelledby={headingId}>
      <div className="phone-head">
        <h2 id={headingId}>{t('phone.title')}</h2>
        <RegistrationBadge />
      </div>
      <DialForm inputRef={dialInput} />
      {lastError && (
        <p className="alert alert-error" role="alert" data-testid="phone-error" data-code={lastError.code}>
          {t(`phone.error.${lastError.code}`)}
        </p>
      )}
      <div className="phone-lines">
        {LINE_IDS.map((id) => (
          <LineCard key={id} id={id} />
        ))}
      </div>
      {canSwap && (
        <button type="button" className="button button-secondary" data-testid="phone-swap" onClick={swap}>
          {t('phone.action.swap')}
        </button>
      )}
      <details className="phone-more">
        <summary>{t('phone.settings.title')}</summary>
        <PhoneSettingsPanel />
      </details>
      <details className="phone-more">
        <summary>{t('phone.shortcuts.title')}</summary>
        <ShortcutList />
      </details>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhoneStore } from '../phone/phone-store';
import { callInProgress } from '../phone/phone-shortcuts';
import { useRolePlayStore } from './roleplay-store';

/**
 * An agent's role-play practice, folded away: on the floor the call column belongs to the phone
 * and guidance. It stays out of the way during a customer's call, and opens by itself while the
 * agent runs a peer session.
 */
export function PracticeSection({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const onCall = usePhoneStore((s) => callInProgress(s.lines));
  const running = useRolePlayStore((s) => s.running !== null);
  const [chosen, setChosen] = useState(false);
  // A running peer session keeps it open: its controls must not hide behind a fold.
  const open = chosen || running;
  if (onCall && !running) return null;
  return (
    <details className="pane practice-section" data-testid="practice-section" open={open} onToggle={(event) => setChosen(event.currentTarget.open)}>
      <summary data-testid="practice-toggle">{t('roleplay.practice')}</summary>
      {open && children}
    </details>
  );
}

import { useTranslation } from 'react-i18next';
import { RunningSessionView } from './RunningSessionView';
import { SessionSetup } from './SessionSetup';
import { useRolePlayStore } from './roleplay-store';
import './roleplay.css';

/** The trainer's (or a peer's) role-play: set a session up, then run it. */
export function RolePlayPane() {
  const { t } = useTranslation();
  const running = useRolePlayStore((s) => s.running);
  return (
    <section className="pane roleplay-pane" aria-labelledby="roleplay-heading" data-testid="roleplay-pane">
      <h2 id="roleplay-heading">{t('roleplay.heading')}</h2>
      {running ? <RunningSessionView running={running} /> : <SessionSetup />}
    </section>
  );
}

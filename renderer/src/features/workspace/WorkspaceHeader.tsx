import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/domain/user';
import { errorKey } from '../../i18n/error-key';
import { PaneBoundary } from '../../ui/PaneBoundary';
import { AgentStateMenu } from '../agent-state/AgentStateMenu';
import { HelpOverlay } from './HelpOverlay';
import { useSessionStore } from '../session/session-store';
import { LanguageSelect } from '../settings/LanguageSelect';

/** Who is signed in, as what, on which team; the language setting and the way out. */
export function WorkspaceHeader({ user }: { user: User }) {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  const error = useSessionStore((s) => s.error);
  const signOut = useSessionStore((s) => s.signOut);
  const signingOut = status === 'signing-out';
  const teams = user.teams.map((team) => team.name).join(', ');

  return (
    <header className="workspace-header">
      <span className="brand" translate="no">
        Kalma
      </span>
      <div className="workspace-user" data-testid="workspace-user">
        <span className="workspace-user-name">{user.displayName}</span>
        <span className="workspace-user-meta">
          <span>{t(`roles.${user.role}`)}</span>
          <span>{teams || t('workspace.noTeam')}</span>
        </span>
      </div>
      {user.role === 'agent' && (
        <PaneBoundary name="agent-state">
          <AgentStateMenu />
        </PaneBoundary>
      )}
      <div className="workspace-actions">
        {user.role === 'agent' && <HelpOverlay />}
        <div className="workspace-settings" role="group" aria-label={t('workspace.settings')}>
          <LanguageSelect testId="language-menu" className="field field-inline" />
        </div>
        <button
          type="button"
          className="button button-quiet"
          data-testid="signout"
          onClick={() => void signOut()}
          disabled={signingOut}
          aria-busy={signingOut}
        >
          {signingOut ? t('workspace.signingOut') : t('workspace.signOut')}
        </button>
      </div>
      {error && (
        <p className="alert alert-error header-alert" role="alert">
          {t(errorKey(error.code))}
        </p>
      )}
    </header>
  );
}

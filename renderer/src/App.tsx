import { useTranslation } from 'react-i18next';
import { SignInScreen } from './features/session/SignInScreen';
import { useSessionStore } from './features/session/session-store';
import { Workspace } from './features/workspace/Workspace';
import { PaneBoundary } from './ui/PaneBoundary';

/** Starting, signed out, or at work: the three faces of the console. */
export function App() {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  const user = useSessionStore((s) => s.user);

  if (status === 'starting') {
    return (
      <main className="starting" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </main>
    );
  }
  if (user && (status === 'signed-in' || status === 'signing-out')) return <Workspace user={user} />;
  return (
    <PaneBoundary name="sign-in">
      <SignInScreen />
    </PaneBoundary>
  );
}

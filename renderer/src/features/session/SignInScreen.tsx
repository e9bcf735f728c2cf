import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signInErrorKey } from '../../i18n/error-key';
import { LanguageSelect } from '../settings/LanguageSelect';
import { useSessionStore } from './session-store';

/** Username, password, language; the first thing every agent sees at the start of a shift. */
export function SignInScreen() {
  const { t } = useTranslation();
  const ids = { title: useId(), username: useId(), password: useId() };
  const status = useSessionStore((s) => s.status);
  const error = useSessionStore((s) => s.error);
  const ended = useSessionStore((s) => s.ended);
  const signIn = useSessionStore((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const busy = status === 'signing-in';

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const signedIn = await signIn(username, password);
    // A failed attempt clears the password only: the username is usually right, and retyping
    // it on every typo costs time at the start of a shift.
    if (!signedIn) setPassword('');
  };

  return (
    <main className="signin" aria-labelledby={ids.title}>
      <div className="signin-card">
        <p className="brand brand-large" translate="no">
          Kalma
        </p>
        <h1 id={ids.title}>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        <form onSubmit={(event) => void onSubmit(event)}>
          <div className="field">
            <label htmlFor={ids.username}>{t('signIn.username')}</label>
            <input
              id={ids.username}
              data-testid="signin-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={64}
              // The first field of the screen; the agent starts typing without reaching for the mouse.
              autoFocus
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t('signIn.password')}</label>
            <input
              id={ids.password}
              data-testid="signin-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={256}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <LanguageSelect testId="signin-language" beforeSignIn />
          {error ? (
            <p className="alert alert-error" role="alert" data-testid="signin-error">
              {t(signInErrorKey(error))}
            </p>
          ) : ended ? (
            <p className="alert alert-info" role="status">
              {t('signIn.sessionEnded')}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" data-testid="signin-submit" disabled={busy} aria-busy={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}

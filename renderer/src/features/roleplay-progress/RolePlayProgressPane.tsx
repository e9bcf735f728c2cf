import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorKey } from '../../i18n/error-key';
import { useSessionStore } from '../session/session-store';
import { OpenedSession } from './OpenedSession';
import { ProgressView } from './ProgressView';
import { SessionList } from './SessionList';
import { useRolePlayProgressStore } from './roleplay-progress-store';
import '../roleplay/roleplay.css';
import './roleplay-progress.css';

/**
 * Role-play after the call. Trainers: their teams' sessions, peer practice to review, and what
 * to train next. Agents: their own sessions and progress.
 */
export function RolePlayProgressPane() {
  const { t } = useTranslation();
  const headingId = useId();
  const trainer = useSessionStore((s) => s.user?.role === 'trainer');
  const status = useRolePlayProgressStore((s) => s.status);
  const problem = useRolePlayProgressStore((s) => s.problem);
  const sessionProblem = useRolePlayProgressStore((s) => s.sessionProblem);
  const opened = useRolePlayProgressStore((s) => s.opened);
  useEffect(() => {
    void useRolePlayProgressStore.getState().load();
  }, []);
  return (
    <section className="pane roleplay-progress-pane" aria-labelledby={headingId} data-testid="roleplay-progress-pane">
      <h2 id={headingId}>{t(trainer ? 'roleplayProgress.heading.trainer' : 'roleplayProgress.heading.agent')}</h2>
      {status === 'loading' && <p role="status">{t('roleplayProgress.loading')}</p>}
      {status === 'failed' && problem && (
        <div className="alert alert-error" role="alert" data-testid="roleplay-progress-problem">
          <p>{t('roleplayProgress.failed', { reason: t(errorKey(problem.code)) })}</p>
          <button type="button" className="button-secondary" onClick={() => void useRolePlayProgressStore.getState().load()}>
            {t('roleplayProgress.retry')}
          </button>
        </div>
      )}
      {sessionProblem && (
        <p className="alert alert-error" role="alert" data-testid="roleplay-progress-session-problem">
          {t('roleplayProgress.review.failed', { reason: t(errorKey(sessionProblem.code)) })}
        </p>
      )}
      {status === 'loaded' && (opened ? <OpenedSession session={opened} trainer={trainer} /> : <SessionList trainer={trainer} />)}
      {status === 'loaded' && !opened && <ProgressView trainer={trainer} />}
    </section>
  );
}

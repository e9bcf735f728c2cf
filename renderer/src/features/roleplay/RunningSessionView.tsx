import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/guidance/script';
import { errorKey } from '../../i18n/error-key';
import { CoachingControls } from './CoachingControls';
import { RolePlayResult } from './RolePlayResult';
import { RubricMarking } from './RubricMarking';
import { isOver, useRolePlayStore, type RunningSession } from './roleplay-store';

/**
 * The caller's side of a session: who to play (persona, mood, cue cards), the objective, the
 * rubric to mark while the call runs, then the feedback that scores it.
 */
export function RunningSessionView({ running }: { running: RunningSession }) {
  const { t } = useTranslation();
  const id = useId();
  const [feedback, setFeedback] = useState('');
  const problem = useRolePlayStore((s) => s.problem);
  const { scenario, session, status } = running;
  const language = session.language;
  const name = session.trainee.name;
  const { persona } = scenario;
  const marking = status === 'in-call' || status === 'ended';
  return (
    <div className="roleplay-running" data-testid="roleplay-running" data-status={status} data-session-id={session.id}>
      <p role="status" data-testid="roleplay-status">
        {t(`roleplay.status.${status}`, { name })}
      </p>
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="roleplay-problem">
          {t(errorKey(problem.code))}
        </p>
      )}
      {(status === 'calling' || status === 'in-call') && (
        <button type="button" className="button-danger" data-testid="roleplay-hangup" onClick={() => useRolePlayStore.getState().hangUp()}>
          {t('roleplay.hangUp')}
        </button>
      )}
      {status !== 'scored' && (
        <>
          <section className="roleplay-persona" data-testid="roleplay-persona">
            <h3>
              {t('roleplay.persona', { name: persona.name })} <span className={`roleplay-mood roleplay-mood-${persona.mood}`}>{t(`roleplay.mood.${persona.mood}`)}</span>
            </h3>
            <p>
              <strong>{t('roleplay.objective')}:</strong> {textIn(scenario.objective, language)}
            </p>
            <details open>
              <summary>{t('roleplay.backstory')}</summary>
              <p>{textIn(persona.backstory, language)}</p>
              <p>
                <strong>{t('roleplay.speaks')}:</strong> {textIn(persona.speaks, language)}
              </p>
            </details>
          </section>
          {scenario.cueCards.length > 0 && (
            <section className="roleplay-cues" data-testid="roleplay-cues">
              <h3>{t('roleplay.cueCards')}</h3>
              <ul>
                {scenario.cueCards.map((card) => (
                  <li key={card.id}>
                    <strong>{t('roleplay.cueWhen')}</strong> {textIn(card.when, language)} — <strong>{t('roleplay.cueThen')}</strong> {textIn(card.then, language)}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {(status === 'in-call' || status === 'ended') && <CoachingControls running={running} />}
          <RubricMarking
            scenario={scenario}
            marks={running.marks}
            language={language}
            disabled={!marking}
            onMark={(criterionId, levelId) => void useRolePlayStore.getState().mark(criterionId, levelId)}
          />
        </>
      )}
      {(status === 'ended' || status === 'scoring') && (
        <form
          className="roleplay-feedback"
          onSubmit={(event) => {
            event.preventDefault();
            if (feedback.trim()) void useRolePlayStore.getState().finish(feedback);
          }}
        >
          <label htmlFor={`${id}-feedback`}>{t('roleplay.feedback')}</label>
          <textarea id={`${id}-feedback`} data-testid="roleplay-feedback" rows={4} maxLength={4000} placeholder={t('roleplay.feedbackHint')} value={feedback} onChange={(e) => setFeedback(e.target.value)} />
          <button type="submit" className="button-primary" data-testid="roleplay-send-feedback" disabled={status === 'scoring' || feedback.trim() === ''}>
            {t('roleplay.sendFeedback')}
          </button>
        </form>
      )}
      {status === 'scored' && <RolePlayResult session={session} scenario={scenario} />}
      {isOver(status) && (
        <button type="button" className="button-secondary" data-testid="roleplay-new" onClick={() => useRolePlayStore.setState({ running: null, result: null, problem: null })}>
          {t('roleplay.newSession')}
        </button>
      )}
    </div>
  );
}

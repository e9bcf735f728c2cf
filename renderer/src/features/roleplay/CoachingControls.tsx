import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../../../shared/domain/user';
import { textIn } from '../../../../shared/guidance/script';
import { triggerLabel } from '../guidance-editor/trigger-label';
import { useRolePlayStore, type RunningSession } from './roleplay-store';

/**
 * The trainer's side of coaching during the call: the trainee's guidance as their console reports
 * it, a hint only the trainee sees, and pausing the scenario to step out of role.
 */
export function CoachingControls({ running }: { running: RunningSession }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [hint, setHint] = useState('');
  const language = Language.catch('en').parse(i18n.language);
  const guidance = running.traineeGuidance;
  const live = running.status === 'in-call';
  return (
    <section className="roleplay-coaching" data-testid="roleplay-coaching" data-paused={running.paused}>
      <h3>{t('roleplay.coach.guidance')}</h3>
      <div data-testid="roleplay-trainee-guidance">
        {!guidance || guidance.scripts.length === 0 ? (
          <p className="muted">{t('roleplay.coach.noScript')}</p>
        ) : (
          <ul>
            {guidance.scripts.map((script, i) => (
              <li key={i} data-testid="roleplay-trainee-script">
                {t('wallboard.context.script', { title: textIn(script.title, language), done: script.stepsDone, count: script.stepCount, checked: script.checked, items: script.checklistCount })}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          {guidance && guidance.triggers.length > 0
            ? t('roleplay.coach.prompts', { list: guidance.triggers.map((fired) => triggerLabel(t, fired.trigger)).join(', ') })
            : t('roleplay.coach.noPrompts')}
        </p>
      </div>
      {live && (
        <>
          <button type="button" className="button-secondary" data-testid="roleplay-pause" aria-pressed={running.paused} onClick={() => useRolePlayStore.getState().setPaused(!running.paused)}>
            {running.paused ? t('roleplay.coach.resume') : t('roleplay.coach.pause')}
          </button>
          {running.paused && (
            <p role="status" data-testid="roleplay-paused">
              {t('roleplay.coach.paused')}
            </p>
          )}
          <form
            className="roleplay-hint"
            onSubmit={(event) => {
              event.preventDefault();
              useRolePlayStore.getState().sendHint(hint);
              setHint('');
            }}
          >
            <label htmlFor={`${id}-hint`}>{t('roleplay.coach.hint')}</label>
            <input id={`${id}-hint`} data-testid="roleplay-hint" maxLength={300} value={hint} onChange={(e) => setHint(e.target.value)} />
            <button type="submit" className="button-secondary" data-testid="roleplay-send-hint" disabled={hint.trim() === ''}>
              {t('roleplay.coach.sendHint')}
            </button>
          </form>
        </>
      )}
      {running.hintsSent.length > 0 && (
        <details>
          <summary>{t('roleplay.coach.hintsSent')}</summary>
          <ul>
            {running.hintsSent.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { textIn } from '../../../../shared/guidance/script';
import { findCriterion, type Scenario } from '../../../../shared/roleplay/scenario';
import { RubricMarking } from '../roleplay/RubricMarking';
import { ProgressReplay } from './ProgressReplay';
import { useRolePlayProgressStore } from './roleplay-progress-store';

/**
 * A trainer scoring peer practice after the call: they listen to the recording and mark the
 * rubric at the moment they hear it, so the trainee's replay later puts each mark where it
 * belongs; then the feedback scores the session.
 */
export function PeerReview({ session, scenario }: { session: RolePlaySession; scenario: Scenario | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [feedback, setFeedback] = useState('');
  const finishing = useRolePlayProgressStore((s) => s.finishing);
  // Where playback is; read when a mark is given, so it needs no render of its own.
  const playedMs = useRef(0);
  const language = session.language;
  const labels = {
    criterionName: (criterionId: string) => {
      const criterion = scenario && findCriterion(scenario, criterionId);
      return criterion ? textIn(criterion.name, language) : criterionId;
    },
    levelName: (criterionId: string, levelId: string) => {
      const level = scenario && findCriterion(scenario, criterionId)?.levels.find((l) => l.id === levelId);
      return level ? textIn(level.label, language) : levelId;
    },
  };
  return (
    <div className="roleplay-peer-review" data-testid="roleplay-peer-review" data-session-id={session.id}>
      <h3>{t('roleplayProgress.review.heading', { trainee: session.trainee.name, caller: session.caller.name })}</h3>
      <p>{textIn(session.title, language)}</p>
      <p>{t(session.recording ? 'roleplayProgress.review.hint' : 'roleplayProgress.review.noRecording')}</p>
      <ProgressReplay session={session} labels={labels} onTime={(atMs) => (playedMs.current = atMs)} />
      {scenario ? (
        <RubricMarking
          scenario={scenario}
          marks={session.marks}
          language={language}
          disabled={finishing}
          onMark={(criterionId, levelId) => void useRolePlayProgressStore.getState().mark(criterionId, levelId, playedMs.current)}
        />
      ) : (
        <p className="alert alert-error" role="alert">
          {t('roleplayProgress.review.noScenario')}
        </p>
      )}
      <form
        className="roleplay-feedback"
        onSubmit={(event) => {
          event.preventDefault();
          void useRolePlayProgressStore.getState().finish(feedback);
        }}
      >
        <label htmlFor={`${id}-feedback`}>{t('roleplay.feedback')}</label>
        <textarea
          id={`${id}-feedback`}
          data-testid="roleplay-progress-feedback"
          rows={4}
          maxLength={4000}
          placeholder={t('roleplay.feedbackHint')}
          value={feedback}
          onChange={(e) => setFeedback(e.target.value)}
        />
        <button type="submit" className="button-primary" data-testid="roleplay-progress-finish" disabled={finishing || feedback.trim() === ''}>
          {t('roleplay.sendFeedback')}
        </button>
      </form>
    </div>
  );
}

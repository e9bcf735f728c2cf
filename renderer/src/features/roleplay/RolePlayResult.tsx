import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePlaySession } from '../../../../shared/api/roleplay';
import { textIn } from '../../../../shared/guidance/script';
import { findCriterion, type Scenario } from '../../../../shared/roleplay/scenario';
import { ScoreTable } from './ScoreTable';
import { SessionReplay } from './SessionReplay';

export interface ResultLabels {
  criterionName(id: string): string;
  levelName(criterionId: string, levelId: string): string;
}

/**
 * A scored session: overall percent against the pass mark, each criterion's level, the
 * feedback, and the recording with the marks on its timeline (when there is one).
 * `renderReplay` lets a pane whose own store holds the recording show it instead.
 */
export function RolePlayResult({
  session,
  scenario,
  renderReplay,
}: {
  session: RolePlaySession;
  scenario: Scenario | null;
  renderReplay?(labels: ResultLabels): ReactNode;
}) {
  const { t } = useTranslation();
  const language = session.language;
  const score = session.score;
  const criterionName = (id: string) => {
    const criterion = scenario && findCriterion(scenario, id);
    return criterion ? textIn(criterion.name, language) : id;
  };
  const levelName = (criterionId: string, levelId: string) => {
    const level = scenario && findCriterion(scenario, criterionId)?.levels.find((l) => l.id === levelId);
    return level ? textIn(level.label, language) : levelId;
  };
  return (
    <section className="roleplay-result" aria-labelledby={`result-${session.id}`} data-testid="roleplay-result" data-status={session.status} data-outcome={score?.outcome ?? ''}>
      <h3 id={`result-${session.id}`}>
        {t('roleplay.result.heading')}: {textIn(session.title, language)}
      </h3>
      {!score ? (
        <p role="status" data-testid="roleplay-result-waiting">
          {t('roleplay.result.waiting', { caller: session.caller.name })}
        </p>
      ) : (
        <>
          <p className={`roleplay-outcome roleplay-outcome-${score.outcome}`} data-testid="roleplay-result-overall" data-percent={Math.round(score.percent)}>
            <strong>{t(`roleplay.result.${score.outcome}`)}</strong> · {t('roleplay.result.overall', { percent: Math.round(score.percent) })} ({t('roleplay.result.threshold', { threshold: score.threshold })})
          </p>
          <ScoreTable criteria={score.criteria} criterionName={criterionName} levelName={levelName} rowTestId="roleplay-result-criterion" />
          {session.feedback && (
            <blockquote className="roleplay-feedback-text" data-testid="roleplay-result-feedback">
              <p>{t('roleplay.result.feedback', { name: session.scoredBy?.name ?? session.caller.name })}</p>
              <p>{session.feedback}</p>
            </blockquote>
          )}
        </>
      )}
      {session.recording &&
        (renderReplay ? renderReplay({ criterionName, levelName }) : <SessionReplay session={session} criterionName={criterionName} levelName={levelName} />)}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { QaEvaluation } from '../../../../shared/api/qa';
import type { Language } from '../../../../shared/domain/user';
import { textIn } from '../../../../shared/guidance/script';
import { QA_RUBRIC } from '../../../../shared/qa/rubric';
import { ScoreTable } from '../roleplay/ScoreTable';

/** An evaluation's score per criterion and its feedback, in role-play's result table look. */
export function EvaluationResult({ evaluation, language }: { evaluation: QaEvaluation; language: Language }) {
  const { t } = useTranslation();
  const { score } = evaluation;
  const criterion = (id: string) => QA_RUBRIC.find((c) => c.id === id);
  const criterionName = (id: string) => {
    const found = criterion(id);
    return found ? textIn(found.name, language) : id;
  };
  const levelName = (criterionId: string, levelId: string) => {
    const level = criterion(criterionId)?.levels.find((l) => l.id === levelId);
    return level ? textIn(level.label, language) : levelId;
  };
  return (
    <div className="roleplay-result" data-testid="qa-result" data-outcome={score.outcome}>
      <p className={`roleplay-outcome roleplay-outcome-${score.outcome}`} data-testid="qa-result-overall" data-percent={Math.round(score.percent)}>
        <strong>{t(`qa.outcome.${score.outcome}`)}</strong> · {t('roleplay.result.overall', { percent: Math.round(score.percent) })} (
        {t('roleplay.result.threshold', { threshold: score.threshold })})
      </p>
      <ScoreTable criteria={score.criteria} criterionName={criterionName} levelName={levelName} rowTestId="qa-result-criterion" />
      <blockquote className="roleplay-feedback-text" data-testid="qa-result-feedback">
        <p>{t('qa.mine.by', { name: evaluation.evaluator.name })}</p>
        <p>{evaluation.feedback}</p>
      </blockquote>
    </div>
  );
}

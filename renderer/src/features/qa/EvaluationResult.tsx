import { useTranslation } from 'react-i18next';
import type { QaEvaluation } from '../../../../shared/api/qa';
import type { Language } from '../../../../shared/domain/user';
import { textIn } from '../../../../shared/guidance/script';
import { QA_RUBRIC } from '../../../../shared/qa/rubric';

/** An evaluation's score per criterion and its feedback, in role-play's result table look. */
export function EvaluationResult({ evaluation, language }: { evaluation: QaEvaluation; language: Language }) {
  const { t } = useTranslation();
  const { score } = evaluation;
  const criterion = (id: string) => QA_RUBRIC.find((c) => c.id === id);
  return (
    <div className="roleplay-result" data-testid="qa-result" data-outcome={score.outcome}>
      <p className={`roleplay-outcome roleplay-outcome-${score.outcome}`} data-testid="qa-result-overall" data-percent={Math.round(score.percent)}>
        <strong>{t(`qa.outcome.${score.outcome}`)}</strong> · {t('roleplay.result.overall', { percent: Math.round(score.percent) })} (
        {t('roleplay.result.threshold', { threshold: score.threshold })})
      </p>
      <table className="roleplay-score">
        <thead>
          <tr>
            <th scope="col">{t('roleplay.result.criterion')}</th>
            <th scope="col">{t('roleplay.result.level')}</th>
            <th scope="col">{t('roleplay.result.points')}</th>
          </tr>
        </thead>
        <tbody>
          {score.criteria.map((c) => {
            const found = criterion(c.criterionId);
            const level = c.scored ? found?.levels.find((l) => l.id === c.levelId) : undefined;
            return (
              <tr key={c.criterionId} data-testid="qa-result-criterion" data-criterion={c.criterionId} data-level={c.scored ? c.levelId : ''}>
                <th scope="row">{found ? textIn(found.name, language) : c.criterionId}</th>
                <td>{c.scored ? (level ? textIn(level.label, language) : c.levelId) : t('roleplay.result.notScored')}</td>
                <td>
                  {c.points} / {c.maxPoints}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <blockquote className="roleplay-feedback-text" data-testid="qa-result-feedback">
        <p>{t('qa.mine.by', { name: evaluation.evaluator.name })}</p>
        <p>{evaluation.feedback}</p>
      </blockquote>
    </div>
  );
}

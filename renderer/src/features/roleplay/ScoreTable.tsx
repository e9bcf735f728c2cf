import { useTranslation } from 'react-i18next';
import type { SessionScore } from '../../../../shared/roleplay/scoring';

/** A scored rubric, one row per criterion: the level given (or "not marked") and its points. */
export function ScoreTable({
  criteria,
  criterionName,
  levelName,
  rowTestId,
}: {
  criteria: SessionScore['criteria'];
  criterionName(id: string): string;
  levelName(criterionId: string, levelId: string): string;
  rowTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="roleplay-score">
      <thead>
        <tr>
          <th scope="col">{t('roleplay.result.criterion')}</th>
          <th scope="col">{t('roleplay.result.level')}</th>
          <th scope="col">{t('roleplay.result.points')}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => (
          <tr key={c.criterionId} data-testid={rowTestId} data-criterion={c.criterionId} data-level={c.scored ? c.levelId : ''}>
            <th scope="row">{criterionName(c.criterionId)}</th>
            <td>{c.scored ? levelName(c.criterionId, c.levelId) : t('roleplay.result.notScored')}</td>
            <td>
              {c.points} / {c.maxPoints}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

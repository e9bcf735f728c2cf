import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/user';
import { textIn } from '../../../../shared/guidance/script';
import type { Scenario } from '../../../../shared/roleplay/scenario';
import { scoreSession, type RubricMark } from '../../../../shared/roleplay/scoring';
import { callClock } from './call-clock';

/**
 * The rubric as the trainer marks it during the call: one row per criterion, a button per level.
 * The latest mark of a criterion counts (as the server scores it), and shows when it was given.
 * QA marks a real call after the fact with the same component (no call times: `showTimes` off).
 */
export function RubricMarking({
  scenario,
  marks,
  language,
  disabled,
  showTimes = true,
  onMark,
}: {
  scenario: Pick<Scenario, 'rubric' | 'passThreshold'>;
  marks: readonly RubricMark[];
  language: Language;
  disabled: boolean;
  showTimes?: boolean;
  onMark(criterionId: string, levelId: string): void;
}) {
  const { t } = useTranslation();
  const score = scoreSession(scenario, marks);
  return (
    <section className="roleplay-rubric" aria-labelledby="roleplay-rubric-heading" data-testid="roleplay-rubric">
      <h3 id="roleplay-rubric-heading">{t('roleplay.rubric')}</h3>
      <ul>
        {scenario.rubric.map((criterion) => {
          const scored = score.criteria.find((c) => c.criterionId === criterion.id);
          const chosen = scored?.scored ? scored.levelId : null;
          const name = textIn(criterion.name, language);
          return (
            <li key={criterion.id} data-testid="roleplay-criterion" data-criterion={criterion.id} data-level={chosen ?? ''}>
              <span className="roleplay-criterion-name" title={textIn(criterion.description, language)}>
                {name}
              </span>
              <span className="roleplay-levels" role="group" aria-label={name}>
                {criterion.levels.map((level) => (
                  <button
                    key={level.id}
                    type="button"
                    className={chosen === level.id ? 'button-primary' : 'button-secondary'}
                    aria-pressed={chosen === level.id}
                    disabled={disabled}
                    data-testid={`roleplay-mark-${criterion.id}-${level.id}`}
                    onClick={() => onMark(criterion.id, level.id)}
                  >
                    {textIn(level.label, language)}
                  </button>
                ))}
              </span>
              {showTimes && scored?.scored && <span className="roleplay-marked-at">{t('roleplay.markedAt', { time: callClock(scored.atMs) })}</span>}
            </li>
          );
        })}
      </ul>
      <p data-testid="roleplay-preview" data-percent={Math.round(score.percent)}>
        {t('roleplay.preview', { percent: Math.round(score.percent), threshold: score.threshold })}
      </p>
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/guidance/script';
import type { RubricCriterion, RubricLevel, Scenario } from '../../../../shared/roleplay/scenario';
import type { ScenarioIssue } from '../../../../shared/roleplay/scenario-check';
import { IssueList } from './IssueList';
import { LocalizedField, wholeNumber } from './LocalizedField';
import { useRolePlayEditorStore } from './roleplay-editor-store';
import { newCriterion, newLevel, weightSum } from './scenario-draft';

/**
 * What the trainer marks during the call: criteria with their weights and levels. The weights'
 * sum shows as it changes, since a published rubric must add up to 100.
 */
export function RubricEditor({ scenario, issues }: { scenario: Scenario; issues: ScenarioIssue[] }) {
  const { t } = useTranslation();
  const edit = useRolePlayEditorStore((s) => s.edit);
  const { rubric } = scenario;
  const sum = weightSum(scenario);
  const editRubric = (change: (rubric: RubricCriterion[]) => RubricCriterion[]) => edit((s) => ({ ...s, rubric: change(s.rubric) }));
  const move = (index: number, by: -1 | 1) =>
    editRubric((criteria) => {
      const next = [...criteria];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return next;
    });

  return (
    <fieldset className="roleplay-editor-section" data-testid="roleplay-editor-rubric">
      <legend>{t('roleplayEditor.rubric')}</legend>
      <p className={sum === 100 ? 'muted' : 'roleplay-editor-issues'} data-testid="roleplay-editor-weight-sum" aria-live="polite">
        {t('roleplayEditor.weightSum', { sum })}
      </p>
      {rubric.map((criterion, index) => (
        <CriterionFields
          key={index}
          criterion={criterion}
          n={index + 1}
          onChange={(next) => editRubric((criteria) => criteria.map((c, i) => (i === index ? next : c)))}
          onMove={(by) => move(index, by)}
          onRemove={() => editRubric((criteria) => criteria.filter((_, i) => i !== index))}
          first={index === 0}
          last={index === rubric.length - 1}
          alone={rubric.length <= 1}
        />
      ))}
      <button type="button" disabled={rubric.length >= 12} onClick={() => editRubric((criteria) => [...criteria, newCriterion(criteria.map((c) => c.id))])}>
        {t('roleplayEditor.addCriterion')}
      </button>
      <IssueList issues={issues} testId="roleplay-editor-rubric-issues" />
    </fieldset>
  );
}

interface CriterionProps {
  criterion: RubricCriterion;
  n: number;
  onChange(next: RubricCriterion): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
  first: boolean;
  last: boolean;
  alone: boolean;
}

function CriterionFields({ criterion, n, onChange, onMove, onRemove, first, last, alone }: CriterionProps) {
  const { t } = useTranslation();
  const id = useId();
  const language = useRolePlayEditorStore((s) => s.language);
  const set = (change: Partial<RubricCriterion>) => onChange({ ...criterion, ...change });
  const setLevel = (index: number, change: Partial<RubricLevel>) => set({ levels: criterion.levels.map((level, i) => (i === index ? { ...level, ...change } : level)) });
  const name = textIn(criterion.name, language) || criterion.id;

  return (
    <div className="roleplay-editor-item" data-testid="roleplay-editor-criterion" data-criterion={criterion.id}>
      <div className="roleplay-editor-row">
        <h4>{t('roleplayEditor.criterionN', { n, name })}</h4>
        <button type="button" disabled={first} onClick={() => onMove(-1)} aria-label={t('roleplayEditor.moveUp', { n })}>
          ↑
        </button>
        <button type="button" disabled={last} onClick={() => onMove(1)} aria-label={t('roleplayEditor.moveDown', { n })}>
          ↓
        </button>
        <button type="button" disabled={alone} onClick={onRemove}>
          {t('roleplayEditor.removeCriterion', { n })}
        </button>
      </div>
      <label htmlFor={`${id}-id`}>{t('roleplayEditor.criterionId')}</label>
      <input id={`${id}-id`} value={criterion.id} aria-describedby={`${id}-id-hint`} onChange={(e) => set({ id: e.target.value.trim() })} />
      <span id={`${id}-id-hint`} className="muted">
        {t('roleplayEditor.criterionIdHint')}
      </span>
      <LocalizedField label={t('roleplayEditor.criterionName')} text={criterion.name} onChange={(next) => set({ name: next })} />
      <LocalizedField label={t('roleplayEditor.criterionDescription')} rows={2} text={criterion.description} onChange={(description) => set({ description })} />
      <label htmlFor={`${id}-weight`}>{t('roleplayEditor.weight')}</label>
      <input id={`${id}-weight`} type="number" min={0} max={100} value={criterion.weight} onChange={(e) => set({ weight: wholeNumber(e.target.value) })} />
      <fieldset>
        <legend>{t('roleplayEditor.levels')}</legend>
        {criterion.levels.map((level, index) => (
          <div className="roleplay-editor-row" key={index}>
            <label htmlFor={`${id}-level-${index}`}>{t('roleplayEditor.levelId')}</label>
            <input id={`${id}-level-${index}`} value={level.id} onChange={(e) => setLevel(index, { id: e.target.value.trim() })} />
            <LocalizedField label={t('roleplayEditor.levelLabel')} text={level.label} onChange={(label) => setLevel(index, { label })} />
            <label htmlFor={`${id}-points-${index}`}>{t('roleplayEditor.points')}</label>
            <input id={`${id}-points-${index}`} type="number" min={0} max={100} value={level.points} onChange={(e) => setLevel(index, { points: wholeNumber(e.target.value) })} />
            <button type="button" disabled={criterion.levels.length <= 2} onClick={() => set({ levels: criterion.levels.filter((_, i) => i !== index) })}>
              {t('roleplayEditor.removeLevel', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" disabled={criterion.levels.length >= 6} onClick={() => set({ levels: [...criterion.levels, newLevel(criterion)] })}>
          {t('roleplayEditor.addLevel')}
        </button>
      </fieldset>
    </div>
  );
}

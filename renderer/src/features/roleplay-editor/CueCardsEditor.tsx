import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../../shared/roleplay/scenario';
import type { ScenarioIssue } from '../../../../shared/roleplay/scenario-check';
import { IssueList } from './IssueList';
import { LocalizedField } from './LocalizedField';
import { useRolePlayEditorStore } from './roleplay-editor-store';
import { newCueCard } from './scenario-draft';

/** Lines for the trainer playing the customer: "if the agent …, then you …". */
export function CueCardsEditor({ scenario, issues }: { scenario: Scenario; issues: ScenarioIssue[] }) {
  const { t } = useTranslation();
  const edit = useRolePlayEditorStore((s) => s.edit);
  const editCards = (change: (cards: Scenario['cueCards']) => Scenario['cueCards']) => edit((s) => ({ ...s, cueCards: change(s.cueCards) }));

  return (
    <fieldset className="roleplay-editor-section" data-testid="roleplay-editor-cue-cards">
      <legend>{t('roleplayEditor.cueCards')}</legend>
      {scenario.cueCards.map((card, index) => (
        <div className="roleplay-editor-item" key={index} data-testid="roleplay-editor-cue-card">
          <LocalizedField label={t('roleplayEditor.when')} text={card.when} onChange={(when) => editCards((cards) => cards.map((c, i) => (i === index ? { ...c, when } : c)))} />
          <LocalizedField label={t('roleplayEditor.then')} text={card.then} onChange={(then) => editCards((cards) => cards.map((c, i) => (i === index ? { ...c, then } : c)))} />
          <button type="button" onClick={() => editCards((cards) => cards.filter((_, i) => i !== index))}>
            {t('roleplayEditor.removeCueCard', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" disabled={scenario.cueCards.length >= 20} onClick={() => editCards((cards) => [...cards, newCueCard(cards.map((c) => c.id))])}>
        {t('roleplayEditor.addCueCard')}
      </button>
      <IssueList issues={issues} testId="roleplay-editor-cue-card-issues" />
    </fieldset>
  );
}

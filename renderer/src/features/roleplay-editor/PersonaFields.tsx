import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import { PersonaMood, type Scenario } from '../../../../shared/roleplay/scenario';
import type { ScenarioIssue } from '../../../../shared/roleplay/scenario-check';
import { IssueList } from './IssueList';
import { LocalizedField } from './LocalizedField';
import { useRolePlayEditorStore } from './roleplay-editor-store';

/** The customer the trainer plays: who they are and how they talk, for the trainer's card. */
export function PersonaFields({ scenario, issues }: { scenario: Scenario; issues: ScenarioIssue[] }) {
  const { t } = useTranslation();
  const id = useId();
  const edit = useRolePlayEditorStore((s) => s.edit);
  const { persona } = scenario;
  const editPersona = (change: Partial<Scenario['persona']>) => edit((s) => ({ ...s, persona: { ...s.persona, ...change } }));

  return (
    <fieldset className="roleplay-editor-section" data-testid="roleplay-editor-persona">
      <legend>{t('roleplayEditor.persona')}</legend>
      <label htmlFor={`${id}-name`}>{t('roleplayEditor.personaName')}</label>
      <input id={`${id}-name`} value={persona.name} onChange={(e) => editPersona({ name: e.target.value })} />
      <label htmlFor={`${id}-mood`}>{t('roleplayEditor.mood')}</label>
      <select id={`${id}-mood`} value={persona.mood} onChange={(e) => editPersona({ mood: e.target.value as PersonaMood })}>
        {PersonaMood.options.map((mood) => (
          <option key={mood} value={mood}>
            {t(`roleplayEditor.moods.${mood}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-language`}>{t('roleplayEditor.speaksLanguage')}</label>
      <select id={`${id}-language`} value={persona.language} onChange={(e) => editPersona({ language: e.target.value as Language })}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {t(`roleplayEditor.lang.${lang}`)}
          </option>
        ))}
      </select>
      <LocalizedField label={t('roleplayEditor.backstory')} rows={4} text={persona.backstory} onChange={(backstory) => editPersona({ backstory })} />
      <LocalizedField label={t('roleplayEditor.speaks')} rows={2} text={persona.speaks} onChange={(speaks) => editPersona({ speaks })} />
      <IssueList issues={issues} testId="roleplay-editor-persona-issues" />
    </fieldset>
  );
}

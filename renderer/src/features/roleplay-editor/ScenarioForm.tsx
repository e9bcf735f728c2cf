import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/domain/user';
import type { Scenario } from '../../../../shared/roleplay/scenario';
import { errorKey } from '../../i18n/error-key';
import { CueCardsEditor } from './CueCardsEditor';
import { CustomerFields } from './CustomerFields';
import { IssueList } from './IssueList';
import { LocalizedField, wholeNumber } from './LocalizedField';
import { PersonaFields } from './PersonaFields';
import { publishedVersion, useRolePlayEditorStore } from './roleplay-editor-store';
import { RubricEditor } from './RubricEditor';
import { issuesAt, scenarioIssues } from './scenario-draft';

const SECTIONS = { persona: ['persona'], customer: ['customer'], rubric: ['rubric'], cueCards: ['cue card', 'cue cards', 'cueCards'] } as const;

/** The open scenario: a language switch, its parts, and saving or publishing it. */
export function ScenarioForm({ scenario }: { scenario: Scenario }) {
  const { t } = useTranslation();
  const id = useId();
  const { language, scriptIds, scenarios, busy, dirty, done, setLanguage, edit, saveDraft, publish } = useRolePlayEditorStore();
  // The check the server runs on publish, live, so the trainer sees what to fix next to it.
  const issues = useMemo(() => scenarioIssues(scenario, scriptIds ? { scriptIds } : null), [scenario, scriptIds]);
  const sectioned = Object.values(SECTIONS).flat();
  const aboutIssues = issues.filter((issue) => !issuesAt([issue], ...sectioned).length);
  const live = publishedVersion(scenarios, scenario.id);
  const scripts = [...new Set([...(scriptIds ?? []), scenario.scriptId])].filter(Boolean);

  return (
    <div className="roleplay-editor-body" data-testid="roleplay-editor-form" data-scenario={scenario.id}>
      <div className="roleplay-editor-top">
        <div role="tablist" aria-label={t('roleplayEditor.language')}>
          {LANGUAGES.map((lang) => (
            <button key={lang} type="button" role="tab" aria-selected={lang === language} onClick={() => setLanguage(lang)}>
              {t(`roleplayEditor.lang.${lang}`)}
            </button>
          ))}
        </div>
        <span className="roleplay-editor-version" data-testid="roleplay-editor-version">
          {scenario.status === 'published'
            ? t('roleplayEditor.publishedVersion', { version: scenario.version })
            : live === null
              ? t('roleplayEditor.draft')
              : t('roleplayEditor.draftOf', { version: live })}
        </span>
      </div>

      <fieldset className="roleplay-editor-section" data-testid="roleplay-editor-about">
        <legend>{t('roleplayEditor.about')}</legend>
        <LocalizedField label={t('roleplayEditor.title')} text={scenario.title} onChange={(title) => edit((s) => ({ ...s, title }))} />
        <LocalizedField label={t('roleplayEditor.summary')} rows={2} text={scenario.summary} onChange={(summary) => edit((s) => ({ ...s, summary }))} />
        <LocalizedField label={t('roleplayEditor.objective')} rows={3} text={scenario.objective} onChange={(objective) => edit((s) => ({ ...s, objective }))} />
        <fieldset>
          <legend>{t('roleplayEditor.playedIn')}</legend>
          {LANGUAGES.map((lang) => (
            <label key={lang} className="roleplay-editor-check">
              <input
                type="checkbox"
                checked={scenario.languages.includes(lang)}
                onChange={(e) =>
                  edit((s) => ({ ...s, languages: e.target.checked ? LANGUAGES.filter((l) => l === lang || s.languages.includes(l)) : s.languages.filter((l) => l !== lang) }))
                }
              />
              {t(`roleplayEditor.lang.${lang}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-script`}>{t('roleplayEditor.script')}</label>
        {scriptIds ? (
          <select id={`${id}-script`} value={scenario.scriptId} onChange={(e) => edit((s) => ({ ...s, scriptId: e.target.value }))}>
            {scenario.scriptId === '' ? <option value="">{t('roleplayEditor.pickScript')}</option> : null}
            {scripts.map((scriptId) => (
              <option key={scriptId} value={scriptId}>
                {scriptId}
              </option>
            ))}
          </select>
        ) : (
          // Without the list of scripts the trainer types the id; the server checks it on publish.
          <input id={`${id}-script`} value={scenario.scriptId} onChange={(e) => edit((s) => ({ ...s, scriptId: e.target.value.trim() }))} />
        )}
        <label htmlFor={`${id}-threshold`}>{t('roleplayEditor.passThreshold')}</label>
        <input
          id={`${id}-threshold`}
          type="number"
          min={1}
          max={100}
          value={scenario.passThreshold}
          onChange={(e) => edit((s) => ({ ...s, passThreshold: wholeNumber(e.target.value) }))}
        />
        <IssueList issues={aboutIssues} testId="roleplay-editor-about-issues" />
      </fieldset>

      <PersonaFields scenario={scenario} issues={issuesAt(issues, ...SECTIONS.persona)} />
      <CustomerFields scenario={scenario} issues={issuesAt(issues, ...SECTIONS.customer)} />
      <RubricEditor scenario={scenario} issues={issuesAt(issues, ...SECTIONS.rubric)} />
      <CueCardsEditor scenario={scenario} issues={issuesAt(issues, ...SECTIONS.cueCards)} />

      <div className="roleplay-editor-actions">
        <button type="button" onClick={() => void saveDraft()} disabled={busy !== null || !dirty}>
          {t('roleplayEditor.saveDraft')}
        </button>
        <button type="button" onClick={() => void publish()} disabled={busy !== null || issues.length > 0} aria-describedby={`${id}-publish-hint`}>
          {t('roleplayEditor.publish')}
        </button>
        <span id={`${id}-publish-hint`} className="muted">
          {issues.length > 0 ? t('roleplayEditor.publishBlocked', { count: issues.length }) : ''}
        </span>
        <p role="status" data-testid="roleplay-editor-status">
          {done?.kind === 'published'
            ? t('roleplayEditor.published', { version: done.version })
            : done?.kind === 'saved'
              ? t('roleplayEditor.saved')
              : busy === 'saving'
                ? t('roleplayEditor.saving')
                : busy === 'publishing'
                  ? t('roleplayEditor.publishing')
                  : dirty
                    ? t('roleplayEditor.unsaved')
                    : ''}
        </p>
      </div>
      <Refusal />
    </div>
  );
}

/** What the server refused, with the issues it named. */
function Refusal() {
  const { t } = useTranslation();
  const refused = useRolePlayEditorStore((s) => s.refused);
  if (!refused) return null;
  return (
    <div role="alert" className="roleplay-editor-error" data-testid="roleplay-editor-refused">
      <p>{refused.code === 'INVALID_INPUT' ? t('roleplayEditor.refused') : t(errorKey(refused.code))}</p>
      {refused.issues.length > 0 ? (
        <ul>
          {refused.issues.map((issue, i) => (
            <li key={i}>
              <strong>{issue.path || t('roleplayEditor.wholeScenario')}</strong>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

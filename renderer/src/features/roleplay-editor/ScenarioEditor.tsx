import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../shared/guidance/script';
import { errorKey } from '../../i18n/error-key';
import { NewScenarioForm } from './NewScenarioForm';
import { publishedVersion, useRolePlayEditorStore } from './roleplay-editor-store';
import { ScenarioForm } from './ScenarioForm';
import './roleplay-editor.css';

/** The trainer's role-play scenarios: pick one, start one or copy one, edit it, save a draft or publish. */
export function ScenarioEditor() {
  const { t } = useTranslation();
  const headingId = useId();
  const { scenarios, working, loading, loadFailed, load, open } = useRolePlayEditorStore();
  const [starting, setStarting] = useState<'new' | 'copy' | null>(null);
  const ids = [...new Set(scenarios.map((scenario) => scenario.id))];

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="pane roleplay-editor" aria-labelledby={headingId} data-testid="roleplay-editor">
      <h2 id={headingId}>{t('roleplayEditor.heading')}</h2>
      {loadFailed ? (
        <p role="alert" className="roleplay-editor-error">
          {t(errorKey(loadFailed))}{' '}
          <button type="button" onClick={() => void load()}>
            {t('roleplayEditor.retry')}
          </button>
        </p>
      ) : null}
      <div className="roleplay-editor-pick">
        <label htmlFor={`${headingId}-pick`}>{t('roleplayEditor.scenario')}</label>
        <select id={`${headingId}-pick`} value={working && ids.includes(working.id) ? working.id : ''} onChange={(e) => open(e.target.value)} disabled={loading}>
          <option value="" disabled>
            {t('roleplayEditor.pick')}
          </option>
          {ids.map((id) => {
            const versions = scenarios.filter((scenario) => scenario.id === id);
            const live = publishedVersion(scenarios, id);
            const hasDraft = versions.some((scenario) => scenario.status === 'draft');
            return (
              <option key={id} value={id}>
                {textIn(versions[0]!.title, 'en') || id} —{' '}
                {hasDraft
                  ? live === null
                    ? t('roleplayEditor.newDraft')
                    : t('roleplayEditor.draftOf', { version: live })
                  : t('roleplayEditor.version', { version: live })}
              </option>
            );
          })}
        </select>
        <button type="button" onClick={() => setStarting('new')} disabled={starting !== null}>
          {t('roleplayEditor.newScenario')}
        </button>
        <button type="button" onClick={() => setStarting('copy')} disabled={starting !== null || !working}>
          {t('roleplayEditor.copyScenario')}
        </button>
      </div>
      {starting ? <NewScenarioForm mode={starting} onClose={() => setStarting(null)} /> : null}
      {working ? <ScenarioForm scenario={working} /> : null}
    </section>
  );
}

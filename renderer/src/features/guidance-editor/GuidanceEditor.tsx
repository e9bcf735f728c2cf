import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import { textIn, type Script, type ScriptStep } from '../../../../shared/guidance/script';
import { useGuidanceEditorStore } from './guidance-editor-store';
import { StepEditor } from './StepEditor';
import './guidance-editor.css';

/** The trainer's script editor: pick a script, edit its steps per language, preview, publish. */
export function GuidanceEditor() {
  const { t } = useTranslation();
  const headingId = useId();
  const { scripts, working, loading, load, open } = useGuidanceEditorStore();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="pane guidance-editor" aria-labelledby={headingId} data-testid="guidance-editor">
      <h2 id={headingId}>{t('guidanceEditor.heading')}</h2>
      <label htmlFor={`${headingId}-pick`}>{t('guidanceEditor.script')}</label>
      <select id={`${headingId}-pick`} value={working?.id ?? ''} onChange={(e) => open(e.target.value)} disabled={loading}>
        <option value="" disabled>
          {t('guidanceEditor.pick')}
        </option>
        {scripts.map(({ script, publishedVersion }) => (
          <option key={script.id} value={script.id}>
            {textIn(script.title, 'en')} —{' '}
            {script.status === 'draft' ? t('guidanceEditor.draftOf', { version: publishedVersion ?? 0 }) : t('guidanceEditor.version', { version: script.version })}
          </option>
        ))}
      </select>
      {working ? <ScriptForm script={working} /> : null}
    </section>
  );
}

function ScriptForm({ script }: { script: Script }) {
  const { t } = useTranslation();
  const { stepId, language, busy, error, issues, done, dirty, selectStep, setLanguage, addStep, removeStep, moveStep, saveDraft, publish } =
    useGuidanceEditorStore();
  const step = script.steps.find((s) => s.id === stepId) ?? script.steps[0];

  return (
    <div className="guidance-editor-body">
      <nav aria-label={t('guidanceEditor.steps')}>
        <ol className="guidance-editor-steps">
          {script.steps.map((s, index) => (
            <li key={s.id}>
              <button type="button" aria-current={s.id === step?.id ? 'step' : undefined} onClick={() => selectStep(s.id)}>
                {index + 1}. {textIn(s.title, language) || s.id}
              </button>
              <button type="button" disabled={index === 0} onClick={() => moveStep(s.id, -1)} aria-label={t('guidanceEditor.moveUp', { n: index + 1 })}>
                ↑
              </button>
              <button
                type="button"
                disabled={index === script.steps.length - 1}
                onClick={() => moveStep(s.id, 1)}
                aria-label={t('guidanceEditor.moveDown', { n: index + 1 })}
              >
                ↓
              </button>
              <button
                type="button"
                disabled={script.steps.length <= 1}
                onClick={() => removeStep(s.id)}
                aria-label={t('guidanceEditor.removeStep', { n: index + 1 })}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={addStep}>
          {t('guidanceEditor.addStep')}
        </button>
      </nav>

      <div>
        <div role="tablist" aria-label={t('guidanceEditor.language')}>
          {LANGUAGES.map((lang) => (
            <button key={lang} type="button" role="tab" aria-selected={lang === language} onClick={() => setLanguage(lang)}>
              {t(`guidanceEditor.lang.${lang}`)}
            </button>
          ))}
        </div>
        {step ? <StepEditor script={script} step={step} /> : null}
        {step ? <Preview step={step} language={language} /> : null}

        <div className="guidance-editor-actions">
          <button type="button" onClick={() => void saveDraft()} disabled={busy !== null || !dirty}>
            {t('guidanceEditor.saveDraft')}
          </button>
          <button type="button" onClick={() => void publish()} disabled={busy !== null}>
            {t('guidanceEditor.publish')}
          </button>
          <p role="status" data-testid="guidance-editor-status">
            {done?.kind === 'published'
              ? t('guidanceEditor.published', { version: done.version })
              : done?.kind === 'saved'
                ? t('guidanceEditor.saved')
                : dirty
                  ? t('guidanceEditor.unsaved')
                  : ''}
          </p>
        </div>
        {error ? (
          <div role="alert" className="guidance-editor-error">
            <p>{error}</p>
            {issues.length > 0 ? (
              <ul>
                {issues.map((issue, i) => (
                  <li key={i}>
                    <strong>{issue.path || t('guidanceEditor.wholeScript')}</strong>: {issue.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** What the agent will read at this step, in the language of the tab. */
function Preview({ step, language }: { step: ScriptStep; language: Language }) {
  const { t } = useTranslation();
  return (
    <aside className="guidance-editor-preview" aria-label={t('guidanceEditor.preview')} lang={language}>
      <h3>{step.title[language] ?? t('guidanceEditor.missing')}</h3>
      <p>{step.doThis[language] ?? t('guidanceEditor.missing')}</p>
      <ul>
        {step.phrases.map((phrase, i) => (
          <li key={i}>{phrase[language] ?? t('guidanceEditor.missing')}</li>
        ))}
      </ul>
    </aside>
  );
}

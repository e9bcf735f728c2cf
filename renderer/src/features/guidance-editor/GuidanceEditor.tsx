import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/domain/user';
import { textIn, type LocalizedText, type Script } from '../../../../shared/guidance/script';
import { checkScript, type ScriptIssue } from '../../../../shared/guidance/script-check';
import { GUIDANCE_SITUATIONS } from '../../../../shared/guidance/situations';
import { useGuidanceEditorStore } from './guidance-editor-store';
import { IssueList } from './IssueList';
import { NewScriptForm } from './NewScriptForm';
import { ScriptPreview } from './ScriptPreview';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';
import { triggerLabel } from './trigger-label';
import './guidance-editor.css';

/** The trainer's script editor: pick or start a script, edit its steps and branches, preview, publish or retire. */
export function GuidanceEditor() {
  const { t } = useTranslation();
  const headingId = useId();
  const { scripts, working, loading, load, open } = useGuidanceEditorStore();
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="pane guidance-editor" aria-labelledby={headingId} data-testid="guidance-editor">
      <h2 id={headingId}>{t('guidanceEditor.heading')}</h2>
      <div className="guidance-editor-pick">
        <label htmlFor={`${headingId}-pick`}>{t('guidanceEditor.script')}</label>
        <select id={`${headingId}-pick`} value={working?.id ?? ''} onChange={(e) => open(e.target.value)} disabled={loading}>
          <option value="" disabled>
            {t('guidanceEditor.pick')}
          </option>
          {scripts.map(({ script, publishedVersion, retired }) => (
            <option key={script.id} value={script.id}>
              {textIn(script.title, 'en')} —{' '}
              {script.status === 'draft'
                ? publishedVersion === null
                  ? t('guidanceEditor.newDraft')
                  : t('guidanceEditor.draftOf', { version: publishedVersion })
                : t('guidanceEditor.version', { version: script.version })}
              {retired ? ` (${t('guidanceEditor.retiredBadge')})` : ''}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setCreating(true)} disabled={creating}>
          {t('guidanceEditor.newScript')}
        </button>
      </div>
      {creating ? <NewScriptForm onClose={() => setCreating(false)} /> : null}
      {working ? <ScriptForm script={working} /> : null}
      {/* A refused new script (its id taken) shows here while no script is open yet. */}
      {!working && creating ? <Feedback /> : null}
    </section>
  );
}

const withText = (text: LocalizedText, language: keyof LocalizedText, value: string): LocalizedText => {
  const next = { ...text };
  if (value.trim() === '') delete next[language];
  else next[language] = value;
  return next;
};

function ScriptForm({ script }: { script: Script }) {
  const { t } = useTranslation();
  const id = useId();
  const { stepId, language, busy, done, dirty, scripts, setLanguage, editScript, saveDraft, publish, retire } = useGuidanceEditorStore();
  const [confirmRetire, setConfirmRetire] = useState(false);
  const step = script.steps.find((s) => s.id === stepId) ?? script.steps[0];
  const entry = scripts.find((item) => item.script.id === script.id);
  // The same check the server runs on publish, live, so the trainer sees what to fix next to it.
  const issues = useMemo(() => checkScript(script), [script]);
  const scriptIssues = issues.filter((issue) => issue.stepId === undefined);
  const stepIssues = (stepId: string): ScriptIssue[] => issues.filter((issue) => issue.stepId === stepId);

  return (
    <div className="guidance-editor-body">
      <StepList script={script} issues={issues} />
      <div>
        <div role="tablist" aria-label={t('guidanceEditor.language')}>
          {LANGUAGES.map((lang) => (
            <button key={lang} type="button" role="tab" aria-selected={lang === language} onClick={() => setLanguage(lang)}>
              {t(`guidanceEditor.lang.${lang}`)}
            </button>
          ))}
        </div>
        <fieldset className="guidance-editor-script" data-testid="guidance-editor-script">
          <legend>{t('guidanceEditor.aboutScript')}</legend>
          <label htmlFor={`${id}-title`}>{t('guidanceEditor.scriptTitle')}</label>
          <input id={`${id}-title`} lang={language} value={script.title[language] ?? ''} onChange={(e) => editScript((s) => ({ ...s, title: withText(s.title, language, e.target.value) }))} />
          <label htmlFor={`${id}-summary`}>{t('guidanceEditor.summary')}</label>
          <textarea
            id={`${id}-summary`}
            rows={2}
            lang={language}
            value={script.summary[language] ?? ''}
            onChange={(e) => editScript((s) => ({ ...s, summary: withText(s.summary, language, e.target.value) }))}
          />
          <label htmlFor={`${id}-situation`}>{t('guidanceEditor.situation')}</label>
          <select
            id={`${id}-situation`}
            value={script.situations[0] ?? ''}
            onChange={(e) => editScript((s) => ({ ...s, situations: [e.target.value, ...s.situations.filter((x) => x !== e.target.value).slice(1)] }))}
          >
            {[...new Set([...GUIDANCE_SITUATIONS, ...script.situations])].map((name) => (
              <option key={name} value={name}>
                {triggerLabel(t, name)}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-start`}>{t('guidanceEditor.start')}</label>
          <select id={`${id}-start`} value={script.start} onChange={(e) => editScript((s) => ({ ...s, start: e.target.value }))}>
            {script.steps.map((target, index) => (
              <option key={target.id} value={target.id}>
                {index + 1}. {textIn(target.title, language) || target.id}
              </option>
            ))}
          </select>
          <IssueList issues={scriptIssues} testId="guidance-editor-script-issues" />
        </fieldset>
        {step ? <StepEditor script={script} step={step} issues={stepIssues(step.id)} /> : null}
        <ScriptPreview script={script} focusStepId={step?.id ?? null} />

        <div className="guidance-editor-actions">
          <button type="button" onClick={() => void saveDraft()} disabled={busy !== null || !dirty}>
            {t('guidanceEditor.saveDraft')}
          </button>
          <button type="button" onClick={() => void publish()} disabled={busy !== null}>
            {t('guidanceEditor.publish')}
          </button>
          {entry && entry.publishedVersion !== null && !entry.retired ? (
            confirmRetire ? (
              <span role="group" aria-label={t('guidanceEditor.retire')}>
                <span>{t('guidanceEditor.retireConfirm')}</span>{' '}
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => {
                    setConfirmRetire(false);
                    void retire();
                  }}
                >
                  {t('guidanceEditor.retireYes')}
                </button>
                <button type="button" onClick={() => setConfirmRetire(false)}>
                  {t('guidanceEditor.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirmRetire(true)} disabled={busy !== null}>
                {t('guidanceEditor.retire')}
              </button>
            )
          ) : null}
          <p role="status" data-testid="guidance-editor-status">
            {done?.kind === 'published'
              ? t('guidanceEditor.published', { version: done.version })
              : done?.kind === 'saved'
                ? t('guidanceEditor.saved')
                : done?.kind === 'created'
                  ? t('guidanceEditor.created')
                  : done?.kind === 'retired'
                    ? t('guidanceEditor.retired')
                    : dirty
                      ? t('guidanceEditor.unsaved')
                      : entry?.retired
                        ? t('guidanceEditor.retiredNow')
                        : ''}
          </p>
        </div>
        <Feedback />
      </div>
    </div>
  );
}

/** What the server refused, with its field issues. */
function Feedback() {
  const { t } = useTranslation();
  const error = useGuidanceEditorStore((s) => s.error);
  const issues = useGuidanceEditorStore((s) => s.issues);
  if (!error) return null;
  return (
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
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import { findStep, type LocalizedText, type Script, type ScriptStep } from '../../../../shared/guidance/script';
import { triggerLabel } from './trigger-label';

/**
 * The draft as an agent's guidance panel shows it, in the three languages side by side, walked the
 * way a call walks it: a choice goes to its step, a trigger takes the step's own branch first and
 * the script's any-step branch otherwise (as script-run.ts does). Texts not written yet say so.
 */
export function ScriptPreview({ script, focusStepId }: { script: Script; focusStepId: string | null }) {
  const { t } = useTranslation();
  // Where the walk is; it follows the step being edited until the trainer walks on their own.
  const [walked, setWalked] = useState<{ from: string | null; at: string } | null>(null);
  const stepId = walked && walked.from === focusStepId ? walked.at : (focusStepId ?? script.start);
  const step = findStep(script, stepId) ?? findStep(script, script.start) ?? script.steps[0];
  if (!step) return null;
  const goTo = (to: string) => setWalked({ from: focusStepId, at: to });

  const triggers = [
    ...step.onTrigger,
    ...script.onTriggerAnyStep.filter((branch) => !step.onTrigger.some((own) => own.trigger === branch.trigger)),
  ].filter((branch) => branch.to !== step.id);

  return (
    <section className="guidance-editor-preview" aria-label={t('guidanceEditor.preview')} data-testid="guidance-editor-preview" data-step={step.id}>
      <h3>{t('guidanceEditor.preview')}</h3>
      <div className="guidance-editor-preview-columns">
        {LANGUAGES.map((language) => (
          <PanelInLanguage key={language} script={script} step={step} language={language} onChoose={goTo} />
        ))}
      </div>
      <div className="guidance-editor-preview-walk">
        {triggers.length > 0 && (
          <div role="group" aria-label={t('guidanceEditor.previewTriggers')}>
            {triggers.map((branch) => (
              <button key={branch.trigger} type="button" className="button button-quiet button-small" onClick={() => goTo(branch.to)}>
                {t('guidanceEditor.previewFire', { trigger: triggerLabel(t, branch.trigger) })}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="button button-quiet button-small" disabled={step.id === script.start} onClick={() => goTo(script.start)}>
          {t('guidanceEditor.previewRestart')}
        </button>
      </div>
    </section>
  );
}

function PanelInLanguage({ script, step, language, onChoose }: { script: Script; step: ScriptStep; language: Language; onChoose(to: string): void }) {
  const { t } = useTranslation();
  const text = (value: LocalizedText) => value[language] ?? t('guidanceEditor.missing');
  return (
    <div className="guidance-panel" lang={language} data-testid="guidance-editor-preview-panel" data-lang={language}>
      <p className="muted">{t(`guidanceEditor.lang.${language}`)}</p>
      <h4 className="guidance-title">{text(script.title)}</h4>
      <h5>{text(step.title)}</h5>
      <p>{text(step.doThis)}</p>
      {step.phrases.length > 0 && (
        <ul className="guidance-phrases" aria-label={t('guidance.phrases')}>
          {step.phrases.map((phrase, index) => (
            <li key={index}>
              <q>{text(phrase)}</q>
            </li>
          ))}
        </ul>
      )}
      {step.checklist.length > 0 && (
        <ul className="guidance-checklist" aria-label={t('guidance.checklist')}>
          {step.checklist.map((item) => (
            <li key={item.id}>☐ {text(item.text)}</li>
          ))}
        </ul>
      )}
      {step.choices.length > 0 && (
        <div className="guidance-choices" role="group" aria-label={t('guidance.next')}>
          {step.choices.map((choice, index) => (
            <button key={choice.id} type="button" className="button button-secondary button-small" onClick={() => onChoose(choice.to)}>
              {index < 9 && <kbd>{index + 1}</kbd>} {text(choice.label)}
            </button>
          ))}
        </div>
      )}
      {step.end && <p className="muted">{t('guidanceEditor.previewEnd')}</p>}
    </div>
  );
}

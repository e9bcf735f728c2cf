import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/user';
import type { LocalizedText, Script, ScriptStep } from '../../../../shared/guidance/script';
import { textIn } from '../../../../shared/guidance/script';
import type { ScriptIssue } from '../../../../shared/guidance/script-check';
import { useGuidanceEditorStore } from './guidance-editor-store';
import { IssueList } from './IssueList';
import { KNOWN_TRIGGERS, triggerLabel } from './trigger-label';

const withText = (text: LocalizedText, language: Language, value: string): LocalizedText => {
  const next = { ...text };
  if (value.trim() === '') delete next[language];
  else next[language] = value;
  return next;
};

/** The next free id with this prefix among `ids` (item-3, choice-2). */
const freshId = (prefix: string, ids: string[]): string => {
  let n = ids.length + 1;
  while (ids.includes(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
};

/** Where a new choice goes first: the step after this one, the usual way forward. */
const nextStepId = (script: Script, stepId: string): string => {
  const index = script.steps.findIndex((s) => s.id === stepId);
  return (script.steps[index + 1] ?? script.steps[0]!).id;
};

/** One step's texts in the chosen language, its checklist and its ways forward. */
export function StepEditor({ script, step, issues }: { script: Script; step: ScriptStep; issues: ScriptIssue[] }) {
  const { t } = useTranslation();
  const language = useGuidanceEditorStore((s) => s.language);
  const editStep = useGuidanceEditorStore((s) => s.editStep);
  const id = useId();
  const edit = (change: (step: ScriptStep) => ScriptStep) => editStep(step.id, change);

  return (
    <div className="guidance-editor-step" data-testid="guidance-editor-step" data-step={step.id}>
      <IssueList issues={issues} testId="guidance-editor-step-issues" />
      <label htmlFor={`${id}-title`}>{t('guidanceEditor.stepTitle')}</label>
      <input
        id={`${id}-title`}
        value={step.title[language] ?? ''}
        onChange={(e) => edit((s) => ({ ...s, title: withText(s.title, language, e.target.value) }))}
      />
      <label htmlFor={`${id}-do`}>{t('guidanceEditor.doThis')}</label>
      <textarea
        id={`${id}-do`}
        rows={2}
        value={step.doThis[language] ?? ''}
        onChange={(e) => edit((s) => ({ ...s, doThis: withText(s.doThis, language, e.target.value) }))}
      />

      <fieldset>
        <legend>{t('guidanceEditor.phrases')}</legend>
        {step.phrases.map((phrase, index) => (
          <div className="guidance-editor-row" key={index}>
            <label htmlFor={`${id}-phrase-${index}`} className="visually-hidden">
              {t('guidanceEditor.phraseN', { n: index + 1 })}
            </label>
            <textarea
              id={`${id}-phrase-${index}`}
              rows={2}
              value={phrase[language] ?? ''}
              placeholder={textIn(phrase, 'en')}
              onChange={(e) => edit((s) => ({ ...s, phrases: s.phrases.map((p, i) => (i === index ? withText(p, language, e.target.value) : p)) }))}
            />
            <button type="button" onClick={() => edit((s) => ({ ...s, phrases: s.phrases.filter((_, i) => i !== index) }))}>
              {t('guidanceEditor.removePhrase', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" disabled={step.phrases.length >= 12} onClick={() => edit((s) => ({ ...s, phrases: [...s.phrases, {}] }))}>
          {t('guidanceEditor.addPhrase')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('guidanceEditor.checklist')}</legend>
        {step.checklist.map((item, index) => (
          <div className="guidance-editor-row" key={item.id}>
            <label htmlFor={`${id}-check-${item.id}`} className="visually-hidden">
              {t('guidanceEditor.checklistN', { n: index + 1 })}
            </label>
            <input
              id={`${id}-check-${item.id}`}
              value={item.text[language] ?? ''}
              placeholder={textIn(item.text, 'en')}
              onChange={(e) =>
                edit((s) => ({ ...s, checklist: s.checklist.map((c) => (c.id === item.id ? { ...c, text: withText(c.text, language, e.target.value) } : c)) }))
              }
            />
            <button type="button" onClick={() => edit((s) => ({ ...s, checklist: s.checklist.filter((c) => c.id !== item.id) }))}>
              {t('guidanceEditor.removeChecklist', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={step.checklist.length >= 12}
          onClick={() => edit((s) => ({ ...s, checklist: [...s.checklist, { id: freshId('item', s.checklist.map((c) => c.id)), text: {} }] }))}
        >
          {t('guidanceEditor.addChecklist')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('guidanceEditor.choices')}</legend>
        {step.choices.map((choice, index) => (
          <div className="guidance-editor-row" key={choice.id}>
            <label htmlFor={`${id}-choice-${choice.id}`} className="visually-hidden">
              {t('guidanceEditor.choiceN', { n: index + 1 })}
            </label>
            <input
              id={`${id}-choice-${choice.id}`}
              value={choice.label[language] ?? ''}
              placeholder={textIn(choice.label, 'en')}
              onChange={(e) =>
                edit((s) => ({ ...s, choices: s.choices.map((c) => (c.id === choice.id ? { ...c, label: withText(c.label, language, e.target.value) } : c)) }))
              }
            />
            <label htmlFor={`${id}-to-${choice.id}`}>{t('guidanceEditor.goesTo')}</label>
            <select
              id={`${id}-to-${choice.id}`}
              value={choice.to}
              onChange={(e) => edit((s) => ({ ...s, choices: s.choices.map((c) => (c.id === choice.id ? { ...c, to: e.target.value } : c)) }))}
            >
              {script.steps.map((target, n) => (
                <option key={target.id} value={target.id}>
                  {n + 1}. {textIn(target.title, language) || target.id}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => edit((s) => ({ ...s, choices: s.choices.filter((c) => c.id !== choice.id) }))}>
              {t('guidanceEditor.removeChoice', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={step.choices.length >= 8}
          onClick={() =>
            edit((s) => ({ ...s, choices: [...s.choices, { id: freshId('choice', s.choices.map((c) => c.id)), label: {}, to: nextStepId(script, s.id) }] }))
          }
        >
          {t('guidanceEditor.addChoice')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('guidanceEditor.triggerBranches')}</legend>
        {step.onTrigger.map((branch, index) => (
          <div className="guidance-editor-row" key={index}>
            <label htmlFor={`${id}-trigger-${index}`}>{t('guidanceEditor.triggerN', { n: index + 1 })}</label>
            <select
              id={`${id}-trigger-${index}`}
              value={branch.trigger}
              onChange={(e) => edit((s) => ({ ...s, onTrigger: s.onTrigger.map((b, i) => (i === index ? { ...b, trigger: e.target.value } : b)) }))}
            >
              {[...new Set([...KNOWN_TRIGGERS, branch.trigger])].map((name) => (
                <option key={name} value={name}>
                  {triggerLabel(t, name)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-trigger-to-${index}`}>{t('guidanceEditor.goesTo')}</label>
            <select
              id={`${id}-trigger-to-${index}`}
              value={branch.to}
              onChange={(e) => edit((s) => ({ ...s, onTrigger: s.onTrigger.map((b, i) => (i === index ? { ...b, to: e.target.value } : b)) }))}
            >
              {script.steps.map((target, n) => (
                <option key={target.id} value={target.id}>
                  {n + 1}. {textIn(target.title, language) || target.id}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => edit((s) => ({ ...s, onTrigger: s.onTrigger.filter((_, i) => i !== index) }))}>
              {t('guidanceEditor.removeTrigger', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          disabled={step.onTrigger.length >= 12}
          onClick={() =>
            edit((s) => ({
              ...s,
              onTrigger: [...s.onTrigger, { trigger: KNOWN_TRIGGERS.find((name) => !s.onTrigger.some((b) => b.trigger === name)) ?? KNOWN_TRIGGERS[0]!, to: script.start }],
            }))
          }
        >
          {t('guidanceEditor.addTrigger')}
        </button>
      </fieldset>

      <label className="guidance-editor-check">
        <input type="checkbox" checked={step.end} onChange={(e) => edit((s) => ({ ...s, end: e.target.checked }))} />
        {t('guidanceEditor.endsHere')}
      </label>
    </div>
  );
}

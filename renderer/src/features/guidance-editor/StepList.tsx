import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type Script } from '../../../../shared/guidance/script';
import type { ScriptIssue } from '../../../../shared/guidance/script-check';
import { useGuidanceEditorStore, type StepReference } from './guidance-editor-store';

/**
 * The script's steps in order: pick one to edit, move it (buttons, or Alt+ArrowUp/ArrowDown on the
 * step), remove it. Removing a step something still leads to is refused with where from.
 */
export function StepList({ script, issues }: { script: Script; issues: ScriptIssue[] }) {
  const { t } = useTranslation();
  const { stepId, language, blocked, selectStep, addStep, removeStep, moveStep } = useGuidanceEditorStore();
  const current = script.steps.find((s) => s.id === stepId) ?? script.steps[0];
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const numberOf = (id: string | null) => script.steps.findIndex((s) => s.id === id) + 1;

  // A moved or added step keeps the keyboard on it.
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterMove.current) buttons.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, id: string) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    focusAfterMove.current = id;
    moveStep(id, event.key === 'ArrowUp' ? -1 : 1);
  }

  const referenceText = (ref: StepReference) =>
    ref.kind === 'start'
      ? t('guidanceEditor.refStart')
      : ref.fromStepId === null
        ? t('guidanceEditor.refAnyTrigger')
        : t(ref.kind === 'choice' ? 'guidanceEditor.refChoice' : 'guidanceEditor.refTrigger', { n: numberOf(ref.fromStepId) });

  return (
    <nav aria-label={t('guidanceEditor.steps')} data-testid="guidance-editor-steps">
      <ol className="guidance-editor-steps">
        {script.steps.map((s, index) => {
          const count = issues.filter((issue) => issue.stepId === s.id).length;
          return (
            <li key={s.id} data-step={s.id}>
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(s.id, el);
                  else buttons.current.delete(s.id);
                }}
                aria-current={s.id === current?.id ? 'step' : undefined}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onClick={() => selectStep(s.id)}
                onKeyDown={(e) => onKeyDown(e, s.id)}
              >
                {index + 1}. {textIn(s.title, language) || s.id}
                {count > 0 ? <span className="guidance-editor-badge">{t('guidanceEditor.toFix', { count })}</span> : null}
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
              <button type="button" disabled={script.steps.length <= 1} onClick={() => removeStep(s.id)} aria-label={t('guidanceEditor.removeStep', { n: index + 1 })}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted">{t('guidanceEditor.moveHint')}</p>
      {blocked ? (
        <div role="alert" className="guidance-editor-error" data-testid="guidance-editor-blocked">
          <p>{t('guidanceEditor.blocked', { n: numberOf(blocked.stepId) })}</p>
          <ul>
            {blocked.references.map((ref, i) => (
              <li key={i}>{referenceText(ref)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <button
        type="button"
        disabled={script.steps.length >= 40}
        onClick={() => {
          addStep();
          focusAfterMove.current = useGuidanceEditorStore.getState().stepId;
        }}
      >
        {t('guidanceEditor.addStep')}
      </button>
    </nav>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScenarioId } from '../../../../shared/roleplay/scenario';
import { useRolePlayEditorStore } from './roleplay-editor-store';

/**
 * Asks for the id of a new scenario, blank or copied from the open one. The id is how sessions and
 * progress name the scenario for good, so it is chosen once, here, and checked before anything starts.
 */
export function NewScenarioForm({ mode, onClose }: { mode: 'new' | 'copy'; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const startNew = useRolePlayEditorStore((s) => s.startNew);
  const copyAs = useRolePlayEditorStore((s) => s.copyAs);
  const [scenarioId, setScenarioId] = useState('');
  const [problem, setProblem] = useState<'invalid' | 'taken' | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = scenarioId.trim();
    if (!ScenarioId.safeParse(wanted).success) {
      setProblem('invalid');
      return;
    }
    if (!(mode === 'new' ? startNew(wanted) : copyAs(wanted))) {
      setProblem('taken');
      return;
    }
    onClose();
  }

  return (
    <form className="roleplay-editor-new" onSubmit={submit} data-testid="roleplay-editor-new" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t(mode === 'new' ? 'roleplayEditor.newScenario' : 'roleplayEditor.copyScenario')}</h3>
      <label htmlFor={`${id}-id`}>{t('roleplayEditor.scenarioId')}</label>
      <input id={`${id}-id`} value={scenarioId} aria-describedby={`${id}-hint`} onChange={(e) => setScenarioId(e.target.value)} required />
      <p id={`${id}-hint`} className="muted">
        {t('roleplayEditor.scenarioIdHint')}
      </p>
      {problem ? (
        <p role="alert" className="roleplay-editor-error">
          {t(problem === 'invalid' ? 'roleplayEditor.idInvalid' : 'roleplayEditor.idTaken')}
        </p>
      ) : null}
      <div className="roleplay-editor-actions">
        <button type="submit">{t(mode === 'new' ? 'roleplayEditor.create' : 'roleplayEditor.copy')}</button>
        <button type="button" onClick={onClose}>
          {t('roleplayEditor.cancel')}
        </button>
      </div>
    </form>
  );
}

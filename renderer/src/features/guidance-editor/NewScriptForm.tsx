import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain/user';
import type { LocalizedText } from '../../../../shared/guidance/script';
import { scriptIdFrom } from '../../../../shared/guidance/script-new';
import { GUIDANCE_SITUATIONS } from '../../../../shared/guidance/situations';
import { useGuidanceEditorStore } from './guidance-editor-store';
import { triggerLabel } from './trigger-label';

const texts = (values: Record<Language, string>): LocalizedText => {
  const out: LocalizedText = {};
  for (const language of LANGUAGES) if (values[language].trim() !== '') out[language] = values[language].trim();
  return out;
};
const blank = (): Record<Language, string> => ({ en: '', fil: '', 'pt-BR': '' });

/** Starts a script: its title in each language, the situation that opens it and its first step. */
export function NewScriptForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const createScript = useGuidanceEditorStore((s) => s.createScript);
  const busy = useGuidanceEditorStore((s) => s.busy);
  const [title, setTitle] = useState(blank);
  const [firstStep, setFirstStep] = useState(blank);
  const [situation, setSituation] = useState<string>(GUIDANCE_SITUATIONS[0]);
  // The id follows the English title until the trainer types one of their own.
  const [ownId, setOwnId] = useState<string | null>(null);
  const scriptId = ownId ?? scriptIdFrom(title.en || title.fil || title['pt-BR']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await createScript({ id: scriptId, title: texts(title), situation, firstStepTitle: texts(firstStep) });
    if (ok) onClose();
  }

  return (
    <form className="guidance-editor-new" onSubmit={(e) => void submit(e)} data-testid="guidance-editor-new" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('guidanceEditor.newScript')}</h3>
      <fieldset>
        <legend>{t('guidanceEditor.scriptTitle')}</legend>
        {LANGUAGES.map((language) => (
          <div className="guidance-editor-row" key={language}>
            <label htmlFor={`${id}-title-${language}`}>{t('guidanceEditor.titleIn', { language: t(`guidanceEditor.lang.${language}`) })}</label>
            <input id={`${id}-title-${language}`} lang={language} value={title[language]} onChange={(e) => setTitle({ ...title, [language]: e.target.value })} />
          </div>
        ))}
      </fieldset>
      <label htmlFor={`${id}-id`}>{t('guidanceEditor.scriptId')}</label>
      <input id={`${id}-id`} value={scriptId} aria-describedby={`${id}-id-hint`} onChange={(e) => setOwnId(e.target.value)} required />
      <p id={`${id}-id-hint`} className="muted">
        {t('guidanceEditor.scriptIdHint')}
      </p>
      <label htmlFor={`${id}-situation`}>{t('guidanceEditor.situation')}</label>
      <select id={`${id}-situation`} value={situation} onChange={(e) => setSituation(e.target.value)}>
        {GUIDANCE_SITUATIONS.map((name) => (
          <option key={name} value={name}>
            {triggerLabel(t, name)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t('guidanceEditor.firstStep')}</legend>
        {LANGUAGES.map((language) => (
          <div className="guidance-editor-row" key={language}>
            <label htmlFor={`${id}-step-${language}`}>{t('guidanceEditor.firstStepIn', { language: t(`guidanceEditor.lang.${language}`) })}</label>
            <input id={`${id}-step-${language}`} lang={language} value={firstStep[language]} onChange={(e) => setFirstStep({ ...firstStep, [language]: e.target.value })} />
          </div>
        ))}
      </fieldset>
      <div className="guidance-editor-actions">
        <button type="submit" disabled={busy !== null}>
          {t('guidanceEditor.create')}
        </button>
        <button type="button" onClick={onClose}>
          {t('guidanceEditor.cancel')}
        </button>
      </div>
    </form>
  );
}

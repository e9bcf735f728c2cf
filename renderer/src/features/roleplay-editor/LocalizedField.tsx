import { useId } from 'react';
import type { LocalizedText } from '../../../../shared/guidance/script';
import { useRolePlayEditorStore } from './roleplay-editor-store';
import { withText } from './scenario-draft';

/**
 * One text of the scenario in the language being edited. The English shows as a placeholder, so a
 * trainer translating sees what to say; typing here never touches the other languages.
 */
export function LocalizedField({ label, text, onChange, rows }: { label: string; text: LocalizedText; onChange(next: LocalizedText): void; rows?: number }) {
  const id = useId();
  const language = useRolePlayEditorStore((s) => s.language);
  const common = {
    id,
    lang: language,
    value: text[language] ?? '',
    placeholder: language === 'en' ? undefined : text.en,
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(withText(text, language, e.target.value))} />
      ) : (
        <input {...common} onChange={(e) => onChange(withText(text, language, e.target.value))} />
      )}
    </>
  );
}

/** A whole number from a number field; an emptied field counts as 0 until the trainer types again. */
export const wholeNumber = (value: string): number => {
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? 0 : n;
};

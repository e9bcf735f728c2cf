import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, LANGUAGES } from '../../../../shared/domain/user';
import { useSettingsStore } from './settings-store';

interface Props {
  testId: string;
  /** Sign-in screen: the pick also applies to the sign-in that follows. */
  beforeSignIn?: boolean;
  className?: string;
}

/** The language picker, the same control on the sign-in screen and in the workspace settings. */
export function LanguageSelect({ testId, beforeSignIn = false, className }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const language = useSettingsStore((s) => s.language);
  const error = useSettingsStore((s) => s.error);
  const choose = useSettingsStore((s) => (beforeSignIn ? s.pickBeforeSignIn : s.chooseLanguage));

  const onChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const parsed = Language.safeParse(event.target.value);
    if (parsed.success) void choose(parsed.data);
  };

  return (
    <div className={className ?? 'field'}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} data-testid={testId} value={language} onChange={onChange}>
        {LANGUAGES.map((code) => (
          // lang on each option: a screen reader says "Português" with a Portuguese voice.
          <option key={code} value={code} lang={code}>
            {t(`language.names.${code}`)}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-note" role="status">
          {t('language.saveFailed')}
        </p>
      )}
    </div>
  );
}

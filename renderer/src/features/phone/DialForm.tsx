import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblemNote } from './FormProblemNote';
import { usePhoneStore } from './phone-store';

/** The number box: local formats, names and SIP addresses; a clear note when it cannot be dialled. */
export function DialForm({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const dial = usePhoneStore((s) => s.dial);
  const problem = usePhoneStore((s) => (s.formProblem?.form === 'dial' ? s.formProblem : null));

  return (
    <form
      className="phone-dial"
      onSubmit={(event) => {
        event.preventDefault();
        if (dial(text)) setText('');
      }}
    >
      <label htmlFor={id}>{t('phone.dial.label')}</label>
      <div className="phone-dial-row">
        <input
          id={id}
          ref={inputRef}
          className="phone-input"
          data-testid="phone-dial-input"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('phone.dial.placeholder')}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button-primary" data-testid="phone-dial">
          {t('phone.dial.call')}
        </button>
      </div>
      {problem && <FormProblemNote id={`${id}-problem`} testId="phone-dial-problem" problem={problem} />}
    </form>
  );
}

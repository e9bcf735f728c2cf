import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineId } from '../../../../shared/phone/phone-protocol';
import { FormProblemNote } from './FormProblemNote';
import { usePhoneStore } from './phone-store';

/** Where the call goes: straight away (blind) or after talking to the colleague first (attended). */
export function TransferForm({ line, canConsult }: { line: LineId; canConsult: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const blindTransfer = usePhoneStore((s) => s.blindTransfer);
  const startConsult = usePhoneStore((s) => s.startConsult);
  const problem = usePhoneStore((s) => (s.formProblem?.form === 'transfer' && s.formProblem.line === line ? s.formProblem : null));

  return (
    <form
      className="phone-transfer"
      data-testid="line-transfer-form"
      onSubmit={(event) => {
        event.preventDefault();
        blindTransfer(line, text);
      }}
    >
      <label htmlFor={id}>{t('phone.transfer.label')}</label>
      <input
        id={id}
        className="phone-input"
        data-testid="line-transfer-input"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={problem !== null}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="phone-buttons">
        <button type="submit" className="button button-primary" data-testid="line-transfer-blind">
          {t('phone.transfer.now')}
        </button>
        {canConsult && (
          <button type="button" className="button button-secondary" data-testid="line-transfer-consult" onClick={() => startConsult(line, text)}>
            {t('phone.transfer.consult')}
          </button>
        )}
      </div>
      {problem && <FormProblemNote testId="line-transfer-problem" problem={problem} />}
    </form>
  );
}

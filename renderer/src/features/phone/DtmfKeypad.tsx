import { useTranslation } from 'react-i18next';
import { DTMF_KEYS } from '../../../../shared/phone/dtmf';
import type { LineId } from '../../../../shared/phone/phone-protocol';
import { usePhoneStore } from './phone-store';

const KEY_IDS: Record<string, string> = { '*': 'star', '#': 'hash' };

/** The keypad for an IVR or a bank's menu: each key sends one tone on the line at once. */
export function DtmfKeypad({ line }: { line: LineId }) {
  const { t } = useTranslation();
  const sendDtmf = usePhoneStore((s) => s.sendDtmf);
  return (
    <div className="phone-keypad" role="group" aria-label={t('phone.keypad.label', { number: line })} data-testid="line-keypad">
      {DTMF_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="button button-secondary phone-key"
          data-testid={`dtmf-key-${KEY_IDS[key] ?? key}`}
          onClick={() => sendDtmf(line, key)}
        >
          {key}
        </button>
      ))}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callReference } from '../../../../shared/phone/call-reference';
import type { LineSnapshot } from '../../../../shared/phone/phone-protocol';

const LIVE_STATES = ['ringing-in', 'dialing', 'early-media', 'active', 'held', 'transferring', 'ended'];

/**
 * The call's reference number, to read out to the customer, with a copy button. Made here from
 * the call itself (shared/phone/call-reference.ts), so it shows the moment the call does, offline
 * too; the call record carries the same number.
 */
export function CallReference({ line }: { line: LineSnapshot }) {
  const { t } = useTranslation();
  // Which number the last copy was of: a new call on the line starts with a fresh button.
  const [copied, setCopied] = useState<{ of: string; result: 'copied' | 'failed' } | null>(null);
  const reference = line.callId !== null && line.startedAt !== null && LIVE_STATES.includes(line.state.name) ? callReference(line.callId, line.startedAt) : null;
  if (reference === null) return null;
  const copy = copied?.of === reference ? copied.result : 'idle';

  async function copyIt(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setCopied({ of: text, result: 'copied' });
    } catch {
      setCopied({ of: text, result: 'failed' });
    }
  }

  return (
    <p className="phone-reference" data-testid="line-reference" data-reference={reference}>
      {/* One phrase with the number in it: word order differs between languages. */}
      <strong className="phone-reference-number">{t('phone.reference.shown', { reference })}</strong>{' '}
      <button type="button" className="button button-secondary button-small" data-testid="line-reference-copy" onClick={() => void copyIt(reference)}>
        {copy === 'copied' ? t('phone.reference.copied') : t('phone.reference.copy')}
      </button>
      {copy === 'failed' && (
        <span className="field-note" role="alert">
          {t('phone.reference.copyFailed')}
        </span>
      )}
    </p>
  );
}

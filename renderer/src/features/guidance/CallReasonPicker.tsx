import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispositionLabel } from '../../../../shared/domain/disposition';
import { DEFAULT_GUIDANCE_THRESHOLDS } from '../../../../shared/guidance/triggers';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useWrapUpStore } from '../wrap-up/wrap-up-store';
import { useGuidanceStore } from './guidance-store';

/**
 * What the call is about, chosen during the call from the floor's disposition codes that have a
 * script (the team's `reasonSituations`): choosing "refund" or "cancellation" opens the matching
 * script at once, through the scheduler (so its cooldown and the prompt being read are respected).
 * The choice resets with each call.
 */
export function CallReasonPicker({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { language } = useLocaleFormat();
  const id = useId();
  const [chosen, setChosen] = useState({ callId, code: '' });
  const reasons = useGuidanceStore((state) => (state.content?.thresholds ?? DEFAULT_GUIDANCE_THRESHOLDS).reasonSituations);
  const dispositions = useWrapUpStore((state) => state.dispositions);
  const load = useWrapUpStore((state) => state.loadDispositions);
  const wanted = dispositions.length === 0;
  useEffect(() => {
    if (wanted) void load();
  }, [wanted, load]);
  const value = chosen.callId === callId ? chosen.code : '';
  const label = (code: string) => {
    const found = dispositions.find((d) => d.code === code);
    return found ? dispositionLabel(found, language) : code;
  };
  return (
    <label htmlFor={id} className="guidance-reason">
      {t('guidance.reason')}{' '}
      <select
        id={id}
        data-testid="guidance-reason"
        value={value}
        onChange={(event) => {
          setChosen({ callId, code: event.target.value });
          if (event.target.value !== '') useGuidanceStore.getState().callReason(event.target.value);
        }}
      >
        <option value="">{t('guidance.reasonNone')}</option>
        {Object.keys(reasons).map((code) => (
          <option key={code} value={code}>
            {label(code)}
          </option>
        ))}
      </select>
    </label>
  );
}

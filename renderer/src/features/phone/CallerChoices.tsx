import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhoneStore } from './phone-store';
import type { KnownCaller } from './screen-pop';

/**
 * Several customers share the caller's number (a family, a shop line): the agent says which one is
 * calling. Native radio buttons, so Tab reaches the group and the arrow keys move through it;
 * choosing one links the call to that customer and opens their card. None is checked until the
 * agent chooses: the first is only the caller ID's guess.
 */
export function CallerChoices({ pop }: { pop: KnownCaller }) {
  const { t } = useTranslation();
  const group = useId();
  const linkCustomer = usePhoneStore((s) => s.linkCustomer);
  const chosen = pop.linkedBy === 'agent' ? pop.customerId : null;
  return (
    <fieldset className="phone-choices" data-testid="line-choices">
      <legend>{t('phone.line.shared', { count: pop.choices.length })}</legend>
      {pop.choices.map((choice) => (
        <label key={choice.customerId} className="phone-choice" data-testid="line-choice" data-customer-id={choice.customerId}>
          <input
            type="radio"
            name={group}
            value={choice.customerId}
            checked={chosen === choice.customerId}
            onChange={() => void linkCustomer(pop.callId, { id: choice.customerId, name: choice.name })}
          />
          <span className="phone-choice-name" translate="no">
            {choice.name}
          </span>
          {choice.detail && (
            <span className="muted" translate="no">
              {t(`phone.line.detail.${choice.detail.kind}`, { value: choice.detail.value })}
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}

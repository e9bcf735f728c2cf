import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../../../shared/domain/presence';
import { textIn } from '../../../../shared/guidance/script';
import { Language } from '../../../../shared/domain/user';
import { useCustomersStore } from '../customers/customers-store';

/**
 * A live call's context for the supervisor deciding whether to step in: how far the agent is in
 * each script, and the customer's card (with their cases, escalations and the policy results on
 * them) opened in the customer pane from the supervisor's own synced copy.
 */
export function CallContext({ call }: { call: LiveCall }) {
  const { t, i18n } = useTranslation();
  const language = Language.catch('en').parse(i18n.language);
  const select = useCustomersStore((s) => s.select);
  return (
    <div className="wallboard-call-context" data-testid="wallboard-call-context">
      {call.scripts.length === 0 ? (
        <p className="muted">{t('wallboard.context.noScript')}</p>
      ) : (
        <ul>
          {call.scripts.map((script, i) => (
            <li key={i} data-testid="wallboard-call-script">
              {t('wallboard.context.script', {
                title: textIn(script.title, language),
                done: script.stepsDone,
                count: script.stepCount,
                checked: script.checked,
                items: script.checklistCount,
              })}
            </li>
          ))}
        </ul>
      )}
      {call.customerId !== null && (
        <button
          type="button"
          className="button-secondary"
          data-testid="wallboard-open-customer"
          onClick={() => {
            if (call.customerId) void select(call.customerId);
          }}
        >
          {t('wallboard.context.openCustomer', { name: call.customerName ?? '' })}
        </button>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { errorKey } from '../../i18n/error-key';
import { useCustomersStore } from '../customers/customers-store';
import { usePhoneStore } from './phone-store';

/**
 * Links a call to a customer other than the one it is linked to: the customer open in the
 * customer panel, found there with its search (one search box on the screen, the panel's own).
 * Used under a line during the call and in the wrap-up after it.
 */
export function LinkCustomerPanel({ callId, linkedId, testId, onLinked }: { callId: string; linkedId: string | null; testId: string; onLinked?: () => void }) {
  const { t } = useTranslation();
  const open = useCustomersStore((s) => (s.card !== null && s.card.customer.id === s.selectedId ? s.card.customer : null));
  const problem = usePhoneStore((s) => (s.linkProblem?.callId === callId ? s.linkProblem.code : null));
  const linkCustomer = usePhoneStore((s) => s.linkCustomer);
  const offer = open !== null && open.id !== linkedId ? open : null;

  return (
    <div className="phone-link" role="group" aria-label={t('phone.link.title')} data-testid={testId}>
      {offer ? (
        <button
          type="button"
          className="button button-primary"
          data-testid="link-open-customer"
          data-customer-id={offer.id}
          onClick={() => void linkCustomer(callId, { id: offer.id, name: offer.name }).then((linked) => (linked ? onLinked?.() : undefined))}
        >
          {t('phone.link.open', { name: offer.name })}
        </button>
      ) : (
        <p className="muted phone-link-hint">{t('phone.link.hint')}</p>
      )}
      <button type="button" className="button button-secondary" data-testid="link-find" onClick={focusCustomerSearch}>
        {t('phone.link.find')}
      </button>
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="link-problem" data-code={problem}>
          {t('phone.link.failed')} {t(errorKey(problem))}
        </p>
      )}
    </div>
  );
}

/** Moves the agent to the customer panel's search box; that panel owns the box, this only focuses it. */
function focusCustomerSearch(): void {
  document.querySelector<HTMLInputElement>('.customer-search input[type="search"]')?.focus();
}

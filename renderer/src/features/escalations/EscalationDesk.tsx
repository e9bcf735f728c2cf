import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerWithOrders } from '../../../../shared/contract/customers';
import { EscalationBanner } from './EscalationBanner';
import { EscalationForm } from './EscalationForm';
import { useEscalationsStore } from './escalations-store';
import './escalations.css';

/** Alt+E, like the phone's keys: with Alt, so typing a name never opens a form. */
export const ESCALATE_KEY = 'E';

export function isEscalateShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === `Key${ESCALATE_KEY}`;
}

/**
 * Escalations on the customer's card: what is waiting or was decided, the "Escalate" button (and
 * Alt+E), and the form. Decisions arrive by sync while the card is open.
 */
export function EscalationDesk({ data }: { data: CustomerWithOrders }) {
  const { t } = useTranslation();
  const customerId = data.customer.id;
  const formOpen = useEscalationsStore((s) => s.formOpen);
  const formSeq = useEscalationsStore((s) => s.formSeq);
  const status = useEscalationsStore((s) => s.raiseStatus);
  const openButton = useRef<HTMLButtonElement>(null);
  const hadForm = useRef(false);

  useEffect(() => useEscalationsStore.getState().start(), []);
  useEffect(() => {
    void useEscalationsStore.getState().watchCustomer(customerId);
  }, [customerId]);
  useEffect(() => () => void useEscalationsStore.getState().watchCustomer(null), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isEscalateShortcut(event)) return;
      event.preventDefault();
      useEscalationsStore.getState().openForm();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // A form that closed (sent or cancelled) hands the focus back to the button.
  useEffect(() => {
    if (hadForm.current && !formOpen) openButton.current?.focus();
    hadForm.current = formOpen;
  }, [formOpen]);

  return (
    <div className="escalation-desk">
      <EscalationBanner />
      {!formOpen && (
        <button
          ref={openButton}
          type="button"
          className="button button-secondary"
          data-testid="escalate-open"
          aria-keyshortcuts="Alt+E"
          onClick={() => useEscalationsStore.getState().openForm()}
        >
          {t('escalations.open')} <kbd>{t('help.keys.escalate')}</kbd>
        </button>
      )}
      {status === 'saved' && !formOpen && (
        <p className="muted" role="status" data-testid="escalation-sent">
          {t('escalations.sent')}
        </p>
      )}
      {formOpen && <EscalationForm key={formSeq} data={data} />}
    </div>
  );
}

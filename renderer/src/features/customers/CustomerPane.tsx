import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EscalationDesk } from '../escalations/EscalationDesk';
import { CaseDesk } from './CaseForms';
import { CustomerCard } from './CustomerCard';
import { CustomerSearch } from './CustomerSearch';
import { HistoryTimeline } from './HistoryTimeline';
import { NewCustomerButton, NewCustomerForm } from './NewCustomerForm';
import { NoteForm } from './NoteForm';
import { OrderList } from './OrderList';
import { resetCustomersStore, useCustomersStore } from './customers-store';
import './customers.css';

/** The agent's customer panel: find the caller, see who they are and what happened before, add a note. */
export function CustomerPane() {
  const { t } = useTranslation();
  const headingId = useId();
  const selectedId = useCustomersStore((s) => s.selectedId);
  const creating = useCustomersStore((s) => s.profileForm?.mode === 'new');

  useEffect(() => {
    const stop = useCustomersStore.getState().start();
    return () => {
      stop();
      // The next person at this desk starts with an empty panel.
      resetCustomersStore();
    };
  }, []);

  return (
    <section className="pane customer-pane" data-testid="pane-customer" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('customers.title')}</h2>
      <CustomerSearch />
      <NewCustomerButton />
      {creating ? <NewCustomerForm /> : selectedId === null ? <p className="muted">{t('customers.start')}</p> : <CustomerDetails />}
    </section>
  );
}

function CustomerDetails() {
  const { t } = useTranslation();
  const card = useCustomersStore((s) => s.card);
  const status = useCustomersStore((s) => s.cardStatus);
  if (status === 'loading' && !card) return <p className="muted">{t('customers.card.loading')}</p>;
  if (status === 'not-found') return <p className="alert alert-info">{t('customers.card.notFound')}</p>;
  if (status === 'failed' || !card) return <p className="alert alert-error" role="alert">{t('customers.card.failed')}</p>;
  return (
    <div className="customer-details">
      <CustomerCard data={card} />
      <EscalationDesk data={card} />
      <OrderList orders={card.orders} />
      <CaseDesk data={card} />
      <NoteForm />
      <HistoryTimeline />
    </div>
  );
}

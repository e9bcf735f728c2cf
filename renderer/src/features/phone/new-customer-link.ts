import { useCustomersStore, type CustomersState } from '../customers/customers-store';

/**
 * Follows the new-customer form the line opened (for a caller nobody has) and tells who was
 * created, so the call can be linked to them. The customers store answers a create with the new
 * customer's card open and `profileStatus: 'saved'`; the form closing without that (cancelled), or
 * another form taking its place, ends the watch without a link. Returns the stop.
 */
export function whenCustomerCreated(form: CustomersState['profileForm'], onCreated: (customer: { id: string; name: string }) => void): () => void {
  if (form === null) return () => undefined;
  let closed = false;
  const stop = useCustomersStore.subscribe((state) => {
    if (!closed) {
      if (state.profileForm === form) return;
      closed = true;
    }
    // Another form opened (an edit, a second new customer): this one's outcome is no longer ours.
    if (state.profileForm !== null) return stop();
    if (state.profileStatus !== 'saved') return;
    stop();
    const created = state.card?.customer;
    if (created && created.id === state.selectedId) onCreated({ id: created.id, name: created.name });
  });
  return stop;
}
